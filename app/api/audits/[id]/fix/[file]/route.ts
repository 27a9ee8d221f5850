import { invalidRequest, storedReportFor } from "@/app/_server/download-routes";
import { attachment, jsonError } from "@/app/_server/downloads";
import { FIX_FILE_HINT, isFixFile, wholeApiFixFile } from "@/app/_server/fix-all";

export const dynamic = "force-dynamic";

/** The fix for every fixable finding of a stored audit, rendered from its stored model: one format, or "bundle" (zip). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  if (!isFixFile(file)) return invalidRequest({ file: FIX_FILE_HINT });
  const loaded = await storedReportFor(id);
  if (!loaded.ok) return loaded.response;
  const fix = wholeApiFixFile(loaded.report, file);
  return fix.ok ? attachment(fix.file) : jsonError(fix.status, fix.code, fix.message);
}
