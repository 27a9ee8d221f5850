import type { AuditReport } from "@/lib/audit/types";
import { createRemediationContext } from "@/lib/remediation/context";
import { renderAll, type RemediationBundle } from "@/lib/remediation/render-all";
import type { Finding } from "@/lib/rules/types";
import { toUiSnippet } from "./finding-snippets";
import type { WholeApiFixView } from "./types";

export function fixableFindings(report: AuditReport): Finding[] {
  return report.findings.filter((finding) => finding.fixes.length > 0);
}

export type WholeApiPlan = { status: "ready"; bundle: RemediationBundle; fixable: number } | { status: "nothing" } | { status: "error"; message: string };

/** One plan over every fixable finding (intents deduped and ordered across findings), rendered in every format. */
export function planWholeApi(report: AuditReport): WholeApiPlan {
  const findings = fixableFindings(report);
  if (findings.length === 0) return { status: "nothing" };
  try {
    const ctx = createRemediationContext(report.model, findings);
    return { status: "ready", bundle: renderAll(findings, ctx), fixable: findings.length };
  } catch (error) {
    // A renderer failing must not hide the audit; the tab says why instead of showing files.
    return { status: "error", message: `The fix could not be generated: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function bundleFilename(report: Pick<AuditReport, "api">): string {
  return `preflight-fix-${report.api.id}.zip`.replace(/[^A-Za-z0-9._-]/g, "_");
}

/**
 * The "Fix everything" tab's data; `downloadBase` is the route the files come from (live or stored).
 * Pure, so the tab renders it in the browser when opened: for a 1,000-resource API the files run to
 * megabytes, which the page should not carry when nobody looks at them.
 */
export function wholeApiFixView(report: AuditReport, downloadBase: string): WholeApiFixView {
  const planned = planWholeApi(report);
  const notFixable = report.findings.length - fixableFindings(report).length;
  if (planned.status === "nothing") return { status: "nothing", notFixable };
  if (planned.status === "error") return planned;
  const { plan, snippets } = planned.bundle;
  return {
    status: "ready",
    fixable: planned.fixable,
    notFixable,
    stages: plan.ctx.affectedStages,
    conflicts: plan.conflicts,
    accountIdKnown: plan.ctx.accountIdKnown,
    snippets: snippets.map(toUiSnippet),
    downloads: {
      byFormat: Object.fromEntries(snippets.map((snippet) => [snippet.format, `${downloadBase}/${snippet.format}`])),
      bundle: `${downloadBase}/bundle`,
      bundleFilename: bundleFilename(report),
    },
  };
}
