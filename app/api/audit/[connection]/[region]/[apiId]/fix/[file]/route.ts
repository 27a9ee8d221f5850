import { invalidRequest, liveReportFor } from "@/app/_server/download-routes";
import { attachment, jsonError } from "@/app/_server/downloads";
import { FIX_FILE_HINT, isFixFile, wholeApiFixFile } from "@/app/_server/fix-all";

export const dynamic = "force-dynamic";

interface Params {
  connection: string;
  region: string;
  apiId: string;
  file: string;
}

/** The fix for every fixable finding of a live API, in one format or as a zip of all ("bundle"). */
export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const { file, ...target } = await params;
  if (!isFixFile(file)) return invalidRequest({ file: FIX_FILE_HINT });
  const loaded = await liveReportFor(target);
  if (!loaded.ok) return loaded.response;
  const fix = wholeApiFixFile(loaded.report, file);
  return fix.ok ? attachment(fix.file) : jsonError(fix.status, fix.code, fix.message);
}
