import type { AuditReport } from "@/lib/audit/types";
import { renderTextReport } from "@/lib/cli/formats/text-report";
import { renderCsvMatrix, renderJsonReport, renderMarkdownReport, renderSarif } from "@/lib/report";
import { RULES } from "@/lib/rules";

/** Output formats of `preflight audit`; add one here to offer a new `--format`. */
export const REPORT_FORMATS: Readonly<Record<string, (report: AuditReport) => string>> = Object.freeze({
  text: renderTextReport,
  // JSON output is the AuditReport itself.
  json: (report: AuditReport) => renderJsonReport(report).content,
  // SARIF carries every rule's metadata, so a viewer can explain rules that found nothing too.
  sarif: (report: AuditReport) => renderSarif(report, RULES.map((rule) => rule.meta)).content,
  md: (report: AuditReport) => renderMarkdownReport(report).content,
  // The method matrix: one row per resource path × verb.
  csv: (report: AuditReport) => renderCsvMatrix(report).content,
});
