import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import { renderCsvMatrix, renderJsonReport, renderMarkdownReport, renderSarif, type ReportExport } from "@/lib/report";
import { RULES } from "@/lib/rules";

/** Report formats the export routes serve, by their URL segment (the CLI's `--format` names). */
const EXPORTERS = {
  json: renderJsonReport,
  // SARIF carries every rule's metadata, so a viewer can explain rules that found nothing too.
  sarif: (report: AuditReport) =>
    renderSarif(
      report,
      RULES.map((rule) => rule.meta),
    ),
  md: renderMarkdownReport,
  csv: renderCsvMatrix,
} satisfies Record<string, (report: AuditReport) => ReportExport>;

export type ReportFormat = keyof typeof EXPORTERS;
export const REPORT_FORMATS = Object.keys(EXPORTERS) as ReportFormat[];
export const REPORT_FORMAT_HINT = `must be one of ${REPORT_FORMATS.join(", ")}`;

export function isReportFormat(value: string): value is ReportFormat {
  return Object.hasOwn(EXPORTERS, value);
}

export type ExportResult = { ok: true; file: ReportExport } | { ok: false; code: string; message: string };

/**
 * SARIF describes each finding's rule; a stored audit may name a rule this version no longer has, and a
 * made-up description would be worse than saying so. The other formats need no rule metadata.
 */
export function exportReport(report: AuditReport, format: ReportFormat): ExportResult {
  if (format === "sarif") {
    const known = new Set(RULES.map((rule) => rule.meta.id));
    const unknown = [...new Set(report.findings.map((finding) => finding.ruleId).filter((id) => !known.has(id)))];
    if (unknown.length > 0) {
      return {
        ok: false,
        code: "export:unknown-rules",
        message: `SARIF needs the description of every rule with a finding, and this Preflight no longer has rule(s) ${unknown.join(", ")}. Export JSON, Markdown or CSV instead.`,
      };
    }
  }
  return { ok: true, file: EXPORTERS[format](report) };
}
