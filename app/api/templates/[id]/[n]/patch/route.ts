import { refuseWithoutSession } from "@/app/_server/route-guard";
import { attachment, jsonError } from "@/app/_server/downloads";
import { patchFilename, templatePatchFor } from "@/app/_server/template-patch";
import { loadTemplateApi } from "@/app/_server/template-view";

export const dynamic = "force-dynamic";

/** The fix of a template audit's API as a unified diff of the uploaded files (`git apply` / `patch -p1`). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  const refused = await refuseWithoutSession();
  if (refused) return refused;
  const { id, n } = await params;
  const view = loadTemplateApi(id, n);
  if (!view)
    return jsonError(
      404,
      "template-audit:not-found",
      "No template audit with this id and API number on this server; audits of uploaded templates are kept for an hour. Upload the files again.",
    );
  const patch = templatePatchFor(view);
  if (!patch || patch.diff === "")
    return jsonError(404, "fix:nothing", "No change to the uploaded files fixes this API's findings; see the other fix formats.");
  return attachment({
    filename: patchFilename(view.report.source.kind === "template" ? view.report.source.apiName : view.report.api.name),
    mimeType: "text/x-diff",
    content: patch.text,
  });
}
