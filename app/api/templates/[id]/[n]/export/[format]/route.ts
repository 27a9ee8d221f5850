import { limitRequest } from "@/app/_server/client-rate-limit";
import { refuseWithoutSession } from "@/app/_server/route-guard";
import { invalidRequest } from "@/app/_server/download-routes";
import { attachment, jsonError } from "@/app/_server/downloads";
import { exportReport, isReportFormat, REPORT_FORMAT_HINT } from "@/app/_server/report-exports";
import { templateReportFor } from "@/app/_server/template-view";

export const dynamic = "force-dynamic";

/** A template audit's report (JSON, SARIF with file/line locations, Markdown or the CSV matrix), from the cached report. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; n: string; format: string }> }) {
  const limited = limitRequest(request, "export");
  if (limited) return limited;
  const refused = await refuseWithoutSession();
  if (refused) return refused;
  const { id, n, format } = await params;
  if (!isReportFormat(format)) return invalidRequest({ format: REPORT_FORMAT_HINT });
  const loaded = templateReportFor({ id, index: n });
  if (!loaded.ok) return loaded.response;
  const exported = exportReport(loaded.report, format);
  return exported.ok ? attachment(exported.file) : jsonError(409, exported.code, exported.message);
}
