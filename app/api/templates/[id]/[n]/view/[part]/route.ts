import { answerDetail } from "@/app/_server/audit-page-detail";
import { refuseWithoutSession } from "@/app/_server/route-guard";
import { templateReportFor } from "@/app/_server/template-view";
import { templateDownloadBase } from "@/app/actions/template-paths";

export const dynamic = "force-dynamic";

/** A template audit page's on-demand parts (cell detail, findings, fix everything), from the template cache. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; n: string; part: string }> }) {
  const refused = await refuseWithoutSession();
  if (refused) return refused;
  const { id, n, part } = await params;
  return answerDetail(part, request, () => templateReportFor({ id, index: n }), `${templateDownloadBase(id, Number(n) || 0)}/fix`);
}
