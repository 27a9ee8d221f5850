import { stringify } from "csv-stringify/sync";
import type { AuditReport } from "@/lib/audit/types";
import { HTTP_VERBS } from "@/lib/model/types";
import { SEVERITIES } from "@/lib/rules/types";
import { reportStem, type ReportExport } from "@/lib/report/json";
import { csvCell } from "@/lib/remediation/formats/literals/csv";

export const MATRIX_COLUMNS = [
  "path",
  "verb",
  "resource_id",
  "authorization",
  "authorizer",
  "api_key_required",
  "integration",
  "finding_count",
  "worst_severity",
  "findings",
] as const;

/**
 * The method matrix, one row per resource path × verb that exists: how it is protected and integrated and
 * which findings point at it ("high:options-requires-authorization"). Findings without a method target
 * (authorizers, gateway responses, stages) are left to the other exports.
 */
export function buildMethodMatrix(report: AuditReport): string[][] {
  const authorizers = new Map(report.model.authorizers.map((authorizer) => [authorizer.id, authorizer]));
  const rows: string[][] = [];
  for (const resource of report.model.resources) {
    const methods = [...resource.methods].sort((a, b) => HTTP_VERBS.indexOf(a.httpMethod) - HTTP_VERBS.indexOf(b.httpMethod));
    for (const method of methods) {
      const findings = report.findings.filter(
        (finding) =>
          (finding.target.resourceId === resource.id || finding.target.path === resource.path) &&
          finding.target.httpMethod === method.httpMethod,
      );
      const worst = SEVERITIES.find((severity) => findings.some((finding) => finding.severity === severity)) ?? "";
      const authorizer = method.authorizerId ? authorizers.get(method.authorizerId) : undefined;
      rows.push([
        resource.path,
        method.httpMethod,
        resource.id,
        method.authorizationType,
        method.authorizerId ? `${authorizer?.name ?? "unknown"} (${method.authorizerId})` : "",
        String(method.apiKeyRequired),
        method.integration?.type ?? "none",
        String(findings.length),
        worst,
        findings.map((finding) => `${finding.severity}:${finding.ruleId}`).join("; "),
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell));
}

/** Several APIs (a template audit) in one matrix: the same columns after a leading `api` column. */
export function renderCsvMatrices(reports: readonly AuditReport[]): string {
  const rows = reports.flatMap((report) =>
    buildMethodMatrix(report).map((row) => [csvCell(report.source.kind === "template" ? report.source.apiName : report.api.id), ...row]),
  );
  return stringify(rows, { header: true, columns: ["api", ...MATRIX_COLUMNS], record_delimiter: "\r\n" });
}

export function renderCsvMatrix(report: AuditReport): ReportExport {
  // csv-stringify quotes fields with commas, quotes and line breaks (RFC 4180).
  const content = stringify(buildMethodMatrix(report), { header: true, columns: [...MATRIX_COLUMNS], record_delimiter: "\r\n" });
  return { filename: `${reportStem(report)}-methods.csv`, mimeType: "text/csv", content };
}
