import type { AuditReport } from "@/lib/audit/types";
import { AUDIT_REPORT_VERSION } from "@/lib/audit/types";
import { jsonDocument } from "@/lib/remediation/formats/literals/js";

export interface ReportExport {
  filename: string;
  mimeType: string;
  content: string;
}

/** A filename-safe stem: "preflight-<api id>-<yyyymmddThhmmss>". */
export function reportStem(report: AuditReport): string {
  const stamp = report.readAt.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `preflight-${report.api.id}-${stamp}`.replace(/[^A-Za-z0-9._-]/g, "_");
}

/** The AuditReport itself, pretty-printed: re-importable, and what a stored audit is made of. */
export function renderJsonReport(report: AuditReport): ReportExport {
  if (report.reportVersion !== AUDIT_REPORT_VERSION) throw new Error(`Cannot export report version ${String(report.reportVersion)}.`);
  return { filename: `${reportStem(report)}.json`, mimeType: "application/json", content: `${jsonDocument(report)}\n` };
}
