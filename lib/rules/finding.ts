import type { DisagreeingPeer, Finding, FindingDraft, RuleMeta } from "./types";
import { renderInRun, renderMessage, type MessageRun } from "./support/render-message";
import { peersSentence } from "./support/disagreeing-peers";

/**
 * A check's draft completed from its rule's meta: id, severity, confidence and the rendered message. A runner passes
 * its run's messages (render-message.ts), so that consecutive findings share their messages' common ends.
 */
export function renderFinding(meta: RuleMeta, draft: FindingDraft, messages?: MessageRun): Finding {
  const template = meta.messages[draft.messageId];
  if (template === undefined) throw new Error(`Rule ${meta.id} reported unknown messageId "${draft.messageId}"`);
  const message = messages ? renderInRun(messages, template, draft.data) : renderMessage(template, draft.data);
  // One object literal, its fields always in this order: every finding has the same shape (and the report's JSON its order).
  return {
    ruleId: meta.id,
    severity: draft.severity ?? meta.severity,
    confidence: draft.confidence ?? meta.confidence,
    messageId: draft.messageId,
    message: meta.disagreeingPeers ? withPeers(message, meta.disagreeingPeers, draft.fixes) : message,
    symptom: draft.symptom,
    target: draft.target,
    stages: draft.stages,
    draftOnly: draft.draftOnly,
    evidence: draft.evidence,
    fixes: draft.fixes,
  };
}

// The peers sentence depends only on which of a rule's peers a finding's fixes concern, so it is worded once per rule
// and set of peers (a bit each), not once per finding: 13,000 findings would word it 13,000 times.
const sentences = new WeakMap<readonly DisagreeingPeer[], Map<number, string | undefined>>();
const MAX_MASKED_PEERS = 31;

/** The finding says when scanners will flag its own fix, so teams are not surprised (issue 14). */
function withPeers(message: string, peers: readonly DisagreeingPeer[], fixes: FindingDraft["fixes"]): string {
  const sentence =
    peers.length > MAX_MASKED_PEERS
      ? peersSentence(
          peers,
          fixes.map((fix) => fix.kind),
        )
      : maskedSentence(peers, fixes);
  return sentence ? `${message} ${sentence}` : message;
}

function maskedSentence(peers: readonly DisagreeingPeer[], fixes: FindingDraft["fixes"]): string | undefined {
  let concerned = 0;
  for (let bit = 0; bit < peers.length; bit++) {
    const flags = (peers[bit] as DisagreeingPeer).whenFixes;
    for (const fix of fixes) {
      if (flags.includes(fix.kind)) {
        concerned |= 1 << bit;
        break;
      }
    }
  }
  if (concerned === 0) return undefined;
  let byMask = sentences.get(peers);
  if (!byMask) sentences.set(peers, (byMask = new Map()));
  if (!byMask.has(concerned)) {
    byMask.set(
      concerned,
      peersSentence(
        peers,
        fixes.map((fix) => fix.kind),
      ),
    );
  }
  return byMask.get(concerned);
}
