import { answerDetail } from "@/app/_server/audit-page-detail";
import { liveDownloadBase } from "@/app/_server/audit";
import { liveReportFor } from "@/app/_server/download-routes";
import { decodeSegment } from "@/app/_server/decode-segment";

export const dynamic = "force-dynamic";

interface Params {
  connection: string;
  region: string;
  apiId: string;
  part: string;
}

/** The live audit page's on-demand parts (cell detail, findings, fix everything), from the read-once cache. */
export async function GET(request: Request, { params }: { params: Promise<Params> }) {
  const { part, ...target } = await params;
  // The segments arrive percent-encoded; liveReportFor decodes and validates them before any read.
  const decoded = (raw: string) => decodeSegment(raw) ?? raw;
  const base = `${liveDownloadBase(decoded(target.connection), decoded(target.region), decoded(target.apiId))}/fix`;
  return answerDetail(part, request, () => liveReportFor(target), base);
}
