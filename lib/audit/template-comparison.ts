/**
 * A live report with its template comparison: the model carries the differences and the rules run again, so
 * `live-differs-from-template` findings land in the findings, the counts and every format like any other. Pure.
 */
import type { TemplateComparison } from "@/lib/model/types";
import { countBySeverity } from "@/lib/rules/count-by-severity";
import { runRules } from "@/lib/audit/run-rules";
import type { AuditReport } from "@/lib/audit/types";

export function withTemplateComparison(report: AuditReport, comparison: TemplateComparison): AuditReport {
  const model = { ...report.model, templateDrift: comparison };
  const { findings, notEvaluated } = runRules(model);
  return { ...report, model, findings, notEvaluated, counts: countBySeverity(findings) };
}
