import type { AuditReport } from "@/lib/audit/types";
import { renderTextReport } from "@/lib/cli/formats/text-report";

/** Output formats of `preflight audit`; add one here to offer a new `--format`. */
export const REPORT_FORMATS: Readonly<Record<string, (report: AuditReport) => string>> = Object.freeze({
  text: renderTextReport,
  // JSON output is the AuditReport itself.
  json: (report: AuditReport) => JSON.stringify(report, null, 2) + "\n",
});
