"use server";

import { z } from "zod";
import { EXPIRY_CHOICES } from "@/lib/share/expiry";
import { readOnlyMode, storeReport } from "@/app/_server/share";
import { loadTemplateApi } from "@/app/_server/template-view";
import { currentViewer, isAdmitted, SIGN_IN_REQUIRED } from "@/app/_server/session";
import { actionRateLimitRefusal } from "@/app/_server/action-rate-limit";
import type { ShareState } from "./share";

const shareTemplateSchema = z.object({
  templateAudit: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "not a template audit id"),
  api: z.string().regex(/^[1-9]\d{0,5}$/, "not an API number"),
  expiry: z.enum(EXPIRY_CHOICES, { error: "choose when the link expires" }),
});

/**
 * Stores one API's template audit exactly as a live share stores a live one: the report (model, findings,
 * source with file:line positions) from this server's cache, never the uploaded files and never a copy the
 * browser sends.
 */
export async function shareTemplateAudit(_previous: ShareState, formData: FormData): Promise<ShareState> {
  if (readOnlyMode()) return { status: "refused", message: "This Preflight is a read-only viewer: audits cannot be shared here." };
  const viewer = await currentViewer();
  if (!isAdmitted(viewer)) return { status: "refused", message: SIGN_IN_REQUIRED };
  const limited = await actionRateLimitRefusal("share", viewer);
  if (limited) return { status: "refused", message: limited };
  const parsed = shareTemplateSchema.safeParse({
    templateAudit: formData.get("templateAudit"),
    api: formData.get("api"),
    expiry: formData.get("expiry") ?? "never",
  });
  if (!parsed.success) {
    const expiry = parsed.error.issues.find((issue) => issue.path[0] === "expiry")?.message;
    return {
      status: "invalid",
      message: "The share request is incomplete; reload the audit and try again.",
      fieldErrors: expiry ? { expiry } : {},
    };
  }
  const view = loadTemplateApi(parsed.data.templateAudit, parsed.data.api);
  if (!view)
    return {
      status: "error",
      message: "This template audit is no longer on the server (they are kept for an hour).",
      hint: "Upload the files again, then share.",
    };
  const outcome = await storeReport(view.report, parsed.data.expiry);
  if (!outcome.ok) return { status: "error", message: outcome.error.message, hint: outcome.error.hint };
  return {
    status: "shared",
    id: outcome.id,
    path: `/audits/${outcome.id}`,
    createdAt: outcome.createdAt,
    ...(outcome.expiresAt ? { expiresAt: outcome.expiresAt } : {}),
    readAt: outcome.readAt,
    deleteToken: outcome.deleteToken,
  };
}
