import { attachment, jsonError } from "@/app/_server/downloads";
import { livePatchFor } from "@/app/_server/live-patch";
import { readOnlyMode } from "@/app/_server/share";
import { patchFilename } from "@/app/_server/template-patch";

export const dynamic = "force-dynamic";

/** The live API's fix as a patch to its CloudFormation stack's original template (read-only GetTemplate). */
export async function GET(_request: Request, { params }: { params: Promise<{ connection: string; region: string; apiId: string }> }) {
  if (readOnlyMode()) return jsonError(403, "read-only", "This Preflight is a read-only viewer: live APIs are not read here.");
  const { connection, region, apiId } = await params;
  const patch = await livePatchFor(decodeURIComponent(connection), decodeURIComponent(region), decodeURIComponent(apiId));
  if (!patch.ok) return jsonError(409, "patch:unavailable", `No patch: ${patch.note}. Use the snippet formats.`);
  if (!patch.hasDiff)
    return jsonError(404, "fix:nothing", "No change to the stack's template fixes this API's findings; see the other fix formats.");
  return attachment({ filename: patchFilename(apiId), mimeType: "text/x-diff", content: patch.text });
}
