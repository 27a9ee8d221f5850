import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HttpVerb } from "@/lib/model/types";
import { RULES } from "@/lib/rules";
import { renderFinding } from "@/lib/rules/finding";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithCorsAndAuthPreflightAuth } from "@/lib/rules/testing/corpus/sam-cors-and-auth";
import { SEVERITIES, type Finding, type FindingTarget, type Rule, type Severity } from "@/lib/rules/types";
import { runRules, sortFindings } from "./run-rules";

describe("runRules", () => {
  it("renders messages and sorts findings by severity", () => {
    const { findings, notEvaluated } = runRules(samApiWithCorsAndAuthPreflightAuth());
    expect(notEvaluated).toEqual([]);
    expect(findings.length).toBeGreaterThan(3);
    const ranks = findings.map((f) => SEVERITIES.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings[0]).toMatchObject({
      ruleId: "options-requires-authorization",
      severity: "high",
      target: { path: "/", httpMethod: "OPTIONS" },
    });
    for (const finding of findings) expect(finding.message).not.toContain("{{");
  });

  it("reports rules whose parts are missing as not evaluated instead of passing them", () => {
    const model = api()
      .resource("/orders", (r) => r.method("PUT").cors())
      .stage("prod")
      .missing("gatewayResponses", "GetGatewayResponses")
      .build();
    const { findings, notEvaluated } = runRules(model);
    expect(notEvaluated).toEqual([{ ruleId: "error-responses-without-cors", missing: ["gatewayResponses"] }]);
    expect(findings.some((f) => f.ruleId === "error-responses-without-cors")).toBe(false);
  });

  it("finds nothing above info on a correctly configured browser API", () => {
    const model = api()
      .authorizer("jwt", { type: "TOKEN", ttl: 0 })
      // The path parameter belongs in the cache key too (cache-key-missing-request-parameters).
      .resource("/orders/{id}", (r) =>
        r
          .method("GET", (m) => m.authorizer("jwt").cacheKey("method.request.path.id", "method.request.header.Authorization"))
          .method("PUT", (m) => m.authorizer("jwt"))
          .cors(),
      )
      .resource("/products", (r) => r.method("GET").cors())
      .gatewayResponse("DEFAULT_4XX", { headers: { "Access-Control-Allow-Origin": "'*'" } })
      .gatewayResponse("DEFAULT_5XX", { headers: { "Access-Control-Allow-Origin": "'*'" } })
      .stage("prod", (s) => s.cacheCluster().settings({ cachingEnabled: true, cacheDataEncrypted: true }))
      .build();
    const { findings } = runRules(model);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(["method-open-to-everyone"]);
  });
});

/** The sort as it was before findings were grouped by rank: wrapper objects, one comparison sort, the collator. */
function sortedAsBefore(findings: readonly Finding[], rules: readonly Rule[] = RULES): Finding[] {
  const order = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const collator = new Intl.Collator();
  const key = ({ target: t }: Finding) =>
    [t.stage ?? "", t.path ?? "", t.httpMethod ?? "", t.authorizerId ?? "", t.responseType ?? ""].join("|");
  return findings
    .map((finding) => ({
      finding,
      severity: SEVERITIES.indexOf(finding.severity),
      order: order.get(finding.ruleId) ?? rules.length,
      key: key(finding),
    }))
    .sort((a, b) => a.severity - b.severity || a.order - b.order || collator.compare(a.key, b.key))
    .map((k) => k.finding);
}

// Strings the collator orders unlike code units: case, punctuation ("|" after "/"), digits, accents, a prefix.
const PARTS = ["", "a", "A", "b", "é", "e", "E", "10", "9", "-", "_", "|", "/", "{id}", " ", "ü"];
const segment = fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));
const path = fc.array(segment, { minLength: 0, maxLength: 3 }).map((segments) => `/${segments.join("/")}`);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const target = fc.record({
  stage: optional(fc.constantFrom("prod", "Prod", "dev")),
  path: optional(path),
  httpMethod: optional(fc.constantFrom<HttpVerb>("GET", "OPTIONS", "ANY")),
  authorizerId: optional(fc.constantFrom("jwt", "Jwt", "a|b")),
  responseType: optional(fc.constantFrom("DEFAULT_4XX", "UNAUTHORIZED")),
});
const RULE_IDS = [...RULES.slice(0, 3).map((rule) => rule.meta.id), "not-a-rule"];

/** Findings that differ in what the sort reads, each with its own message, so that any change of order shows. */
const findingsOf = (targets: fc.Arbitrary<FindingTarget>, ruleIds: readonly string[], severities: readonly Severity[]) =>
  fc
    .array(fc.record({ ruleId: fc.constantFrom(...ruleIds), severity: fc.constantFrom(...severities), target: targets }), {
      maxLength: 60,
    })
    .map((drafts) =>
      drafts.map(({ ruleId, severity, target: t }, index): Finding => ({
        ruleId,
        severity,
        confidence: "certain",
        messageId: "m",
        message: `finding ${index}`,
        symptom: "",
        // Absent fields left out, as rules write targets.
        target: Object.fromEntries(Object.entries(t).filter(([, value]) => value !== undefined)),
        stages: [],
        draftOnly: false,
        evidence: {},
        fixes: [],
      })),
    );
const findingList = findingsOf(target, RULE_IDS, SEVERITIES);
// Few targets, one rank: equal targets, whose findings must keep their order, are the rule.
const tiedList = findingsOf(fc.constantFrom({ path: "/a" }, { path: "/a/b" }, { path: "/A" }, { path: "/b" }), RULE_IDS.slice(0, 1), [
  "high",
]);

describe("the order of findings", () => {
  it("is the order the one comparison sort gave, for any findings", () => {
    fc.assert(
      fc.property(findingList, (findings) => {
        expect(sortFindings(findings).map((f) => f.message)).toEqual(sortedAsBefore(findings).map((f) => f.message));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps findings with equal targets in the order they came", () => {
    fc.assert(
      fc.property(tiedList, (findings) => {
        expect(sortFindings(findings).map((f) => f.message)).toEqual(sortedAsBefore(findings).map((f) => f.message));
      }),
      { numRuns: 300 },
    );
  });

  it("is the same for findings reported in path order, parents first, as rules report them", () => {
    fc.assert(
      fc.property(findingList, (findings) => {
        const byPath = [...findings].sort((a, b) => ((a.target.path ?? "") < (b.target.path ?? "") ? -1 : 1));
        expect(sortFindings(byPath).map((f) => f.message)).toEqual(sortedAsBefore(byPath).map((f) => f.message));
        const sorted = sortedAsBefore(findings);
        expect(sortFindings(sorted)).toEqual(sorted);
      }),
      { numRuns: 300 },
    );
  });

  it("from runRules is the old sort of every rule's findings, on an API with dozens of findings", () => {
    let builder = api().authorizer("jwt", { type: "TOKEN" });
    // Parents before children by path, mixed case and punctuation, as the generated bench API (and a real one) has them.
    for (const section of ["s1", "S1", "s10", "s2", "a-b", "a_b", "é"]) {
      builder = builder.resource(`/${section}`, (r) => r.method("GET").cors());
      for (const item of ["item1", "Item2", "item10", "{id}"]) {
        builder = builder.resource(`/${section}/${item}`, (r) =>
          r.method("GET", (m) => m.mock()).method("PUT", (m) => m.authorizer("jwt")),
        );
      }
    }
    const model = builder.stage("prod").build();
    const reported = RULES.flatMap((rule) => rule.check({ model }).map((draft) => renderFinding(rule.meta, draft)));
    expect(reported.length).toBeGreaterThan(50);
    expect(JSON.stringify(runRules(model).findings)).toBe(JSON.stringify(sortedAsBefore(reported)));
  });
});
