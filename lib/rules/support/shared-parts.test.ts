import { readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuditReport } from "@/lib/audit/types";
import type { ApiModel } from "@/lib/model/types";
import { renderJsonReport } from "@/lib/report/json";
import { renderMarkdownReport } from "@/lib/report/markdown";
import { renderCsvMatrix } from "@/lib/report/csv";
import { renderSarif } from "@/lib/report/sarif";
import { buildAuditPageView } from "@/lib/report/build-audit-page-view";
import { renderFindingSnippets } from "@/lib/report/finding-snippets";
import { redactReport } from "@/lib/share/redact";
import { RULES } from "@/lib/rules";
import { actualResponseWithoutCors } from "@/lib/rules/actual-response-without-cors/rule";
import { errorResponsesWithoutCors } from "@/lib/rules/error-responses-without-cors/rule";
import { methodOpenToEveryone } from "@/lib/rules/method-open-to-everyone/rule";
import { missingPreflight } from "@/lib/rules/missing-preflight/rule";
import { actualResponseWithoutCorsReference } from "@/lib/rules/testing/actual-response-without-cors-reference";
import { errorResponsesWithoutCorsReference } from "@/lib/rules/testing/error-responses-without-cors-reference";
import { methodOpenToEveryoneReference } from "@/lib/rules/testing/method-open-to-everyone-reference";
import { missingPreflightReference } from "@/lib/rules/testing/missing-preflight-reference";
import { api } from "@/lib/rules/testing/model-builder";
import { randomModel } from "@/lib/rules/testing/random-models";
import { runRule, type RuleCases } from "@/lib/rules/testing/rule-tester";
import type { Rule } from "@/lib/rules/types";
import { methodNeeds, needsPreflight, requiredRequestHeaders } from "@/lib/rules/support/request-headers";
import { NO_FIXES, stageLists } from "@/lib/rules/support/shared-parts";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";

/** Each rule whose findings now share parts (or that skips work by methodNeeds), with the rule as it was. */
const PAIRS: ReadonlyArray<readonly [Rule, Rule]> = [
  [actualResponseWithoutCors, actualResponseWithoutCorsReference],
  [methodOpenToEveryone, methodOpenToEveryoneReference],
  [missingPreflight, missingPreflightReference],
  [errorResponsesWithoutCors, errorResponsesWithoutCorsReference],
];

/** A copy of the model with its own lists, so that per-model memos start empty for each rule run. */
const fresh = (model: ApiModel): ApiModel => ({ ...model, resources: [...model.resources] });

/** The rules whose JSON differs from the reference's on this model. */
function differing(model: ApiModel): string[] {
  const found: string[] = [];
  for (const [rule, reference] of PAIRS)
    if (JSON.stringify(runRule(rule, fresh(model))) !== JSON.stringify(runRule(reference, fresh(model)))) found.push(rule.meta.id);
  return found;
}

const CORPORA = ["/work/shared/corpus", "/work/shared/corpus-more"];

async function corpusReports(corpus: string): Promise<AuditReport[]> {
  const reports: AuditReport[] = [];
  for (const format of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const entry of readdirSync(join(corpus, format.name))) {
      const tree = diskFileTree([join(corpus, format.name, entry)], join(corpus, format.name));
      if (!tree.ok) continue;
      reports.push(...(await auditTemplates(tree.tree)).reports);
    }
  }
  return reports;
}

/** A model of `count` open MOCK GETs whose 200 sends no CORS header, on a browser-facing API (one OPTIONS), deployed to prod. */
function openGets(count: number): ApiModel {
  let builder = api().resource("/cors", (r) => r.method("GET", (m) => m.mock().response("200")).cors());
  for (let i = 0; i < count; i++) builder = builder.resource(`/items/${i}`, (r) => r.method("GET", (m) => m.mock().response("200")));
  return builder.stage("prod").build();
}

describe("findings that share parts are the findings the rules reported before", () => {
  it("on random models", () => {
    fc.assert(
      fc.property(randomModel, (model) => {
        expect(differing(model)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("on every rule's own cases", async () => {
    let models = 0;
    for (const rule of RULES) {
      const { cases } = (await import(`../${rule.meta.id}/cases.ts`)) as { cases: RuleCases };
      for (const { name, model } of [...cases.valid, ...cases.invalid]) {
        models += 1;
        expect(differing(model), `${rule.meta.id}: ${name}`).toEqual([]);
      }
    }
    expect(models).toBeGreaterThan(100);
  });

  for (const corpus of CORPORA) {
    it(`on every template of ${corpus}`, async () => {
      const reports = await corpusReports(corpus);
      expect(reports.length).toBeGreaterThan(20);
      const found: Record<string, string[]> = {};
      for (const report of reports) {
        const rules = differing(report.model);
        if (rules.length > 0) found[report.source.kind === "template" ? report.source.apiName : report.api.id] = rules;
      }
      expect(found).toEqual({});
    }, 120_000);
  }
});

describe("shared parts", () => {
  it("one stage list, evidence record and fix list serve every open method's finding", () => {
    const findings = runRule(methodOpenToEveryone, openGets(5));
    expect(findings).toHaveLength(6);
    for (const finding of findings) {
      expect(finding.stages).toBe(findings[0]!.stages);
      expect(finding.evidence).toBe(findings[0]!.evidence);
      expect(finding.fixes).toBe(NO_FIXES);
    }
    expect(findings[0]!.stages).toEqual(["prod"]);
    expect(Object.isFrozen(findings[0]!.stages)).toBe(true);
    expect(Object.isFrozen(NO_FIXES)).toBe(true);
  });

  it("actual-response-without-cors shares stages and evidence, and words each problem once", () => {
    const findings = runRule(actualResponseWithoutCors, openGets(5));
    expect(findings).toHaveLength(6);
    for (const finding of findings) {
      expect(finding.stages).toBe(findings[0]!.stages);
      expect(finding.evidence).toBe(findings[0]!.evidence);
      // Each finding's own fixes, exactly as many as it has (the status code's and one redeploy).
      expect(finding.fixes).toHaveLength(2);
    }
    expect(findings[1]!.fixes).not.toBe(findings[2]!.fixes);
  });

  it("stageLists returns the list it kept for an equal list, and a list unlike any kept as it is", () => {
    const shared = stageLists();
    const prod = shared(["prod"]);
    expect(shared(["prod"])).toBe(prod);
    expect(shared([])).not.toBe(prod);
    expect(shared(["prod", "test"])).toEqual(["prod", "test"]);
    expect(shared(["test", "prod"])).toEqual(["test", "prod"]);
    expect(Object.isFrozen(prod)).toBe(true);
    // No more than 16 lists are kept: the 17th distinct one is returned unfrozen, and not kept.
    for (let i = 0; i < 20; i++) shared([`s${i}`]);
    const late = ["late"];
    expect(shared(late)).toBe(late);
    expect(Object.isFrozen(late)).toBe(false);
  });

  it("methodNeeds is false only where no method requires a header or needs a preflight", () => {
    fc.assert(
      fc.property(randomModel, (model) => {
        const needs = methodNeeds(model);
        const methods = model.resources.flatMap((r) => r.methods);
        if (!needs.headers) for (const method of methods) expect(requiredRequestHeaders(model, method)).toEqual([]);
        if (!needs.preflight) for (const method of methods) expect(needsPreflight(model, method)).toBe(false);
        if (methods.some((m) => requiredRequestHeaders(model, m).length > 0)) expect(needs.headers).toBe(true);
        if (methods.some((m) => needsPreflight(model, m))) expect(needs.preflight).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

describe("nothing downstream changes a finding's parts", () => {
  // A shared part changed in place would change every finding holding it: each consumer reads deep-frozen findings
  // (in strict mode a write throws).
  it("exports, the page view, snippets and redaction read deep-frozen findings", async () => {
    const reports = (await corpusReports(CORPORA[0]!)).filter((report) => report.findings.length > 0).slice(0, 12);
    expect(reports.length).toBeGreaterThan(3);
    for (const report of reports) {
      for (const finding of report.findings) deepFreeze(finding);
      expect(() => {
        renderJsonReport(report);
        renderMarkdownReport(report);
        renderCsvMatrix(report);
        renderSarif(
          report,
          RULES.map((r) => r.meta),
        );
        buildAuditPageView(report);
        redactReport(report);
        for (const finding of report.findings) renderFindingSnippets(report.model, finding);
      }).not.toThrow();
    }
  }, 120_000);
});
