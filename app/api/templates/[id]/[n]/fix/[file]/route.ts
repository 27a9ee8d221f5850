import { refuseWithoutSession } from "@/app/_server/route-guard";
import { invalidRequest } from "@/app/_server/download-routes";
import { attachment, jsonError } from "@/app/_server/downloads";
import { FIX_FILE_HINT, isFixFile, wholeApiFixFile } from "@/app/_server/fix-all";
import { templateReportFor } from "@/app/_server/template-view";

export const dynamic = "force-dynamic";

/** The fix for every fixable finding of a template audit's API, from the cached model: one format, or "bundle" (zip). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; n: string; file: string }> }) {
  const refused = await refuseWithoutSession();
  if (refused) return refused;
  const { id, n, file } = await params;
  if (!isFixFile(file)) return invalidRequest({ file: FIX_FILE_HINT });
  const loaded = templateReportFor({ id, index: n });
  if (!loaded.ok) return loaded.response;
  const fix = wholeApiFixFile(loaded.report, file);
  return fix.ok ? attachment(fix.file) : jsonError(fix.status, fix.code, fix.message);
}
