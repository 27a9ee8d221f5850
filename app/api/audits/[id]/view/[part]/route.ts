import { answerDetail } from "@/app/_server/audit-page-detail";
import { storedReportFor } from "@/app/_server/download-routes";
import { storedDownloadBase } from "@/app/_server/share";

export const dynamic = "force-dynamic";

/** A shared audit page's on-demand parts (cell detail, findings, fix everything), from the share store. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; part: string }> }) {
  const { id, part } = await params;
  return answerDetail(part, request, () => storedReportFor(id), `${storedDownloadBase(id)}/fix`);
}
