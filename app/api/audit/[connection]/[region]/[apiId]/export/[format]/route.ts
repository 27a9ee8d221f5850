import { limitRequest } from "@/app/_server/client-rate-limit";
import { invalidRequest, liveReportFor } from "@/app/_server/download-routes";
import { attachment, jsonError } from "@/app/_server/downloads";
import { exportReport, isReportFormat, REPORT_FORMAT_HINT } from "@/app/_server/report-exports";

export const dynamic = "force-dynamic";

interface Params {
  connection: string;
  region: string;
  apiId: string;
  format: string;
}

/** A live audit's report (JSON, SARIF, Markdown or the CSV matrix), from a fresh read of the API. */
export async function GET(request: Request, { params }: { params: Promise<Params> }) {
  const limited = limitRequest(request, "export");
  if (limited) return limited;
  const { format, ...target } = await params;
  if (!isReportFormat(format)) return invalidRequest({ format: REPORT_FORMAT_HINT });
  const loaded = await liveReportFor(target);
  if (!loaded.ok) return loaded.response;
  const exported = exportReport(loaded.report, format);
  return exported.ok ? attachment(exported.file) : jsonError(409, exported.code, exported.message);
}
