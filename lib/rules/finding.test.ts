import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FixIntent } from "@/lib/remediation/intents";
import { renderFinding } from "@/lib/rules/finding";
import { CACHE_EVERYTHING_PEERS, OPEN_PREFLIGHT_PEERS, peersSentence } from "@/lib/rules/support/disagreeing-peers";
import { renderMessage } from "@/lib/rules/support/render-message";
import type { DisagreeingPeer, FindingDraft, RuleMeta } from "@/lib/rules/types";

const KINDS = [
  "set-method-authorization",
  "set-method-api-key-required",
  "add-cors-preflight",
  "set-stage-method-setting",
  "redeploy-stage",
] as const satisfies readonly FixIntent["kind"][];

function meta(peers: readonly DisagreeingPeer[] | undefined): RuleMeta {
  return {
    id: "some-rule",
    title: "",
    severity: "high",
    category: "preflight",
    confidence: "certain",
    browserSends: "",
    gatewayAnswers: "",
    why: "",
    docs: [],
    peers: [],
    ...(peers ? { disagreeingPeers: peers } : {}),
    messages: { found: "{{method}} {{path}} is open." },
    fixable: true,
    requires: [],
  };
}

function draft(kinds: readonly FixIntent["kind"][]): FindingDraft {
  return {
    messageId: "found",
    data: { method: "GET", path: "/orders" },
    symptom: "",
    target: { path: "/orders", httpMethod: "GET" },
    stages: [],
    draftOnly: false,
    evidence: {},
    // Only the kind is read; the rest of each intent does not matter here.
    fixes: kinds.map((kind) => ({ kind }) as FixIntent),
  };
}

/** The message as renderFinding worded it before sentences were kept per set of peers. */
function wordedAsBefore(rule: RuleMeta, kinds: readonly FixIntent["kind"][]): string {
  const message = renderMessage(rule.messages.found as string, { method: "GET", path: "/orders" });
  const sentence = rule.disagreeingPeers ? peersSentence(rule.disagreeingPeers, kinds) : undefined;
  return sentence ? `${message} ${sentence}` : message;
}

// More peers than a sentence is kept for (31): each flagging its own fix kinds, so different subsets matter.
const MANY_PEERS: DisagreeingPeer[] = Array.from({ length: 33 }, (_, i) => ({
  ...(OPEN_PREFLIGHT_PEERS[i % OPEN_PREFLIGHT_PEERS.length] as DisagreeingPeer),
  id: `peer-${i}`,
  whenFixes: [KINDS[i % KINDS.length] as FixIntent["kind"]],
}));

describe("renderFinding", () => {
  it("words the scanners that will flag a finding's fix as before, whichever fixes and however often", () => {
    const rules = [meta(undefined), meta(OPEN_PREFLIGHT_PEERS), meta(CACHE_EVERYTHING_PEERS), meta(MANY_PEERS)];
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.array(fc.constantFrom(...KINDS), { maxLength: 4 }), (rule, kinds) => {
        expect(renderFinding(rule, draft(kinds)).message).toBe(wordedAsBefore(rule, kinds));
      }),
      { numRuns: 400 },
    );
  });

  it("gives every finding the same fields in the same order", () => {
    const finding = renderFinding(meta(OPEN_PREFLIGHT_PEERS), { ...draft(["add-cors-preflight"]), severity: "low" });
    expect(Object.keys(finding)).toEqual([
      "ruleId",
      "severity",
      "confidence",
      "messageId",
      "message",
      "symptom",
      "target",
      "stages",
      "draftOnly",
      "evidence",
      "fixes",
    ]);
    expect(finding).toMatchObject({ ruleId: "some-rule", severity: "low", confidence: "certain" });
    expect(finding.message).toContain("will flag this fix");
  });

  it("refuses a messageId its rule does not have", () => {
    expect(() => renderFinding(meta(undefined), { ...draft([]), messageId: "nope" })).toThrow('unknown messageId "nope"');
  });
});
