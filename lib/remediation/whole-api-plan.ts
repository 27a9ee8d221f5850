import type { AuditReport } from "@/lib/audit/types";
import { createRemediationContext } from "@/lib/remediation/context";
import { renderAll, type RemediationBundle } from "@/lib/remediation/render-all";
import type { Finding } from "@/lib/rules/types";

export function fixableFindings(report: AuditReport): Finding[] {
  return report.findings.filter((finding) => finding.fixes.length > 0);
}

export type WholeApiPlan =
  { status: "ready"; bundle: RemediationBundle; fixable: number } | { status: "nothing" } | { status: "error"; message: string };

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
