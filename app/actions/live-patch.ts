"use server";

import { livePatchFor, type LivePatchResult } from "@/app/_server/live-patch";
import { readOnlyMode } from "@/app/_server/share";
import { parseUpload } from "@/app/_server/template-upload";

export type LivePatchState =
  | { status: "idle" }
  | ({ status: "patch" } & Extract<LivePatchResult, { ok: true }>)
  | { status: "note"; note: string }
  | { status: "invalid"; problems: string[] };

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * The live audit page's "patch your template": against the stack's original template, or, when files come with the
 * form, against those (the upload is validated by the /templates upload rules before any text is read).
 */
export async function patchLiveApi(_previous: LivePatchState, formData: FormData): Promise<LivePatchState> {
  if (readOnlyMode()) return { status: "note", note: "This Preflight is a read-only viewer: live APIs are not read here." };
  let files;
  if (formData.getAll("file").length > 0) {
    const upload = await parseUpload(formData);
    if (!upload.ok) return { status: "invalid", problems: upload.problems };
    files = upload.files;
  }
  const result = await livePatchFor(text(formData, "connection"), text(formData, "region"), text(formData, "apiId"), files);
  if (!result.ok) return { status: "note", note: result.note };
  return { status: "patch", ...result };
}
