import { describe, expect, it } from "vitest";
import type { ApiModel } from "@/lib/model/types";
import type { Finding, FindingTarget, Rule, Severity } from "@/lib/rules/types";
import { renderFinding } from "@/lib/rules/finding";

/** A model the rule must accept without findings. Name it after the expectation or its source. */
export interface ValidCase {
  name: string;
  model: ApiModel;
}

export interface ExpectedFinding {
  messageId: string;
  target?: FindingTarget;
  stages?: string[];
  draftOnly?: boolean;
  severity?: Severity;
  /** Substrings the rendered message must contain (exact status codes, names). */
  messageIncludes?: string[];
  /** Fix intent kinds that must be present. */
  fixKinds?: string[];
}

/** A model the rule must flag with exactly these findings, in order. */
export interface InvalidCase {
  name: string;
  model: ApiModel;
  findings: ExpectedFinding[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export function runRule(rule: Rule, model: ApiModel): Finding[] {
  return rule.check({ model }).map((draft) => renderFinding(rule.meta, draft));
}

/** ESLint's RuleTester, for our rules: every valid case is clean, every invalid case yields exactly the expected findings. */
export function testRule(rule: Rule, cases: RuleCases): void {
  describe(rule.meta.id, () => {
    it("has at least one valid and one invalid case", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });

    for (const valid of cases.valid) {
      it(`valid: ${valid.name}`, () => {
        expect(runRule(rule, valid.model)).toEqual([]);
      });
    }

    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name}`, () => {
        const findings = runRule(rule, invalid.model);
        expect(findings.map((f) => f.messageId)).toEqual(invalid.findings.map((f) => f.messageId));
        invalid.findings.forEach((expected, index) => {
          const finding = findings[index];
          if (!finding) throw new Error(`missing finding ${index}`);
          if (expected.target) expect(finding.target).toMatchObject(expected.target);
          if (expected.stages) expect(finding.stages).toEqual(expected.stages);
          if (expected.draftOnly !== undefined) expect(finding.draftOnly).toBe(expected.draftOnly);
          if (expected.severity) expect(finding.severity).toBe(expected.severity);
          for (const text of expected.messageIncludes ?? []) expect(finding.message).toContain(text);
          for (const kind of expected.fixKinds ?? []) expect(finding.fixes.map((f) => f.kind)).toContain(kind);
          expect(finding.message).not.toMatch(/\{\{/);
          expect(finding.symptom.length).toBeGreaterThan(0);
          if (rule.meta.fixable) expect(finding.fixes.length).toBeGreaterThan(0);
        });
      });
    }
  });
}
