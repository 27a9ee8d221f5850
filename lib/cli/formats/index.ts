import type { AuditReport } from "@/lib/audit/types";
import { renderTextReport } from "@/lib/cli/formats/text-report";
import {
  buildSarifForReports,
  renderCsvMatrices,
  renderCsvMatrix,
  renderJsonReport,
  renderMarkdownReport,
  renderSarif,
} from "@/lib/report";
import { RULES } from "@/lib/rules";
import { jsonDocument } from "@/lib/remediation/formats/literals/js";

/** Output formats of `preflight audit`; add one here to offer a new `--format`. */
export const REPORT_FORMATS: Readonly<Record<string, (report: AuditReport) => string>> = Object.freeze({
  text: renderTextReport,
  // JSON output is the AuditReport itself.
  json: (report: AuditReport) => renderJsonReport(report).content,
  // SARIF carries every rule's metadata, so a viewer can explain rules that found nothing too.
  sarif: (report: AuditReport) =>
    renderSarif(
      report,
      RULES.map((rule) => rule.meta),
    ).content,
  md: (report: AuditReport) => renderMarkdownReport(report).content,
  // The method matrix: one row per resource path × verb.
  csv: (report: AuditReport) => renderCsvMatrix(report).content,
});

/**
 * The same formats for several reports (every REST API of a template audit): text and Markdown one after the
 * other, JSON an array of AuditReports, SARIF one run whose results land on each template's lines, CSV one
 * matrix with a leading `api` column.
 */
export const MULTI_REPORT_FORMATS: Readonly<Record<keyof typeof REPORT_FORMATS & string, (reports: readonly AuditReport[]) => string>> =
  Object.freeze({
    text: (reports: readonly AuditReport[]) => reports.map(renderTextReport).join("\n"),
    json: (reports: readonly AuditReport[]) => `${jsonDocument(reports)}\n`,
    sarif: (reports: readonly AuditReport[]) =>
      `${jsonDocument(
        buildSarifForReports(
          reports,
          RULES.map((rule) => rule.meta),
        ),
      )}\n`,
    md: (reports: readonly AuditReport[]) => reports.map((report) => renderMarkdownReport(report).content).join("\n"),
    csv: renderCsvMatrices,
  });
