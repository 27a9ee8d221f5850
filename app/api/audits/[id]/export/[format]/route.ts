import { limitRequest } from "@/app/_server/client-rate-limit";
import { invalidRequest, storedReportFor } from "@/app/_server/download-routes";
import { attachment, jsonError } from "@/app/_server/downloads";
import { exportReport, isReportFormat, REPORT_FORMAT_HINT } from "@/app/_server/report-exports";

export const dynamic = "force-dynamic";

/** A stored audit's report (JSON, SARIF, Markdown or the CSV matrix); works in read-only mode (no AWS call). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; format: string }> }) {
  const limited = limitRequest(request, "export");
  if (limited) return limited;
  const { id, format } = await params;
  if (!isReportFormat(format)) return invalidRequest({ format: REPORT_FORMAT_HINT });
  const loaded = await storedReportFor(id);
  if (!loaded.ok) return loaded.response;
  const exported = exportReport(loaded.report, format);
  return exported.ok ? attachment(exported.file) : jsonError(409, exported.code, exported.message);
}
