import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditReport } from "@/lib/audit/types";
import { runRules } from "@/lib/audit/run-rules";
import { buildAuditPageView } from "@/lib/report/build-audit-page-view";
import { renderFindingSnippets } from "@/lib/report/finding-snippets";
import { renderJsonReport } from "@/lib/report/json";
import { renderMarkdownReport } from "@/lib/report/markdown";
import { planWholeApi } from "@/lib/remediation/whole-api-plan";
import { redactReport } from "@/lib/share/redact";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";

/*
 * A normalised model shares equal parts between its methods (lib/model/shared-parts.ts); the parts it shares are
 * frozen, but their lists are not (V8 reads frozen arrays slowly). A consumer that changed a part in place would change
 * every method holding it. Here every consumer of a model reads one frozen all the way down (a write throws in strict
 * mode) and must give exactly what it gives for an unfrozen copy.
 */

const CORPUS = "/work/shared/corpus";

async function corpusReports(): Promise<AuditReport[]> {
  const reports: AuditReport[] = [];
  for (const format of readdirSync(CORPUS, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const entry of readdirSync(join(CORPUS, format.name))) {
      const tree = diskFileTree([join(CORPUS, format.name, entry)], join(CORPUS, format.name));
      if (tree.ok) reports.push(...(await auditTemplates(tree.tree)).reports);
    }
  }
  return reports;
}

/** Freezes every object reachable from value, frozen ones included (a shared part is frozen, its lists are not). */
function freezeAll(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  for (const key of Object.keys(value)) freezeAll((value as Record<string, unknown>)[key], seen);
  Object.freeze(value);
}

/** Everything the app derives from a report's model, as JSON. */
function derived(report: AuditReport): string {
  const whole = planWholeApi(report);
  expect(whole.status, whole.status === "error" ? whole.message : "").not.toBe("error");
  const snippets = report.findings.map((finding) => renderFindingSnippets(report.model, finding));
  for (const snippet of snippets) expect(snippet.error).toBeUndefined();
  return JSON.stringify([
    runRules(report.model).findings,
    buildAuditPageView(report),
    snippets,
    whole,
    renderJsonReport(report),
    renderMarkdownReport(report),
    redactReport(report),
  ]);
}

describe("a normalised model is read-only downstream", () => {
  it("rules, the page view, fixes, exports and redaction read a deep-frozen model and say what they say of a copy", async () => {
    const reports = (await corpusReports()).filter((report) => report.findings.some((finding) => finding.fixes.length > 0));
    expect(reports.length).toBeGreaterThan(10);
    for (const report of reports) {
      const copy = structuredClone(report);
      freezeAll(report.model);
      expect(derived(report)).toBe(derived(copy));
    }
  }, 120_000);
});
