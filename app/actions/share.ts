"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { AUDIT_ID_LENGTH, isAuditId } from "@/lib/share/ids";
import { EXPIRY_CHOICES } from "@/lib/share/expiry";
import { auditTargetSchema } from "@/app/_server/audit-target";
import { deleteStoredAudit, readOnlyMode, shareLiveAudit } from "@/app/_server/share";
import { storedAuditPath } from "@/app/actions/paths";
import { currentViewer, isAdmitted, SIGN_IN_REQUIRED } from "@/app/_server/session";
import { actionRateLimitRefusal } from "@/app/_server/action-rate-limit";

const READ_ONLY_MESSAGE = "This Preflight is a read-only viewer: audits cannot be shared or deleted here.";

export type ShareState =
  | { status: "idle" }
  | { status: "invalid"; message: string; fieldErrors: Partial<Record<"connection" | "region" | "apiId" | "expiry", string>> }
  | { status: "refused"; message: string }
  | { status: "error"; message: string; hint: string }
  | { status: "shared"; id: string; path: string; createdAt: string; expiresAt?: string; readAt: string; deleteToken: string };

const shareSchema = auditTargetSchema.extend({
  expiry: z.enum(EXPIRY_CHOICES, { error: "choose when the link expires" }),
});

/** Stores a fresh snapshot of the API and returns its link; the page stays where it is to show the link. */
export async function shareAudit(_previous: ShareState, formData: FormData): Promise<ShareState> {
  if (readOnlyMode()) return { status: "refused", message: READ_ONLY_MESSAGE };
  const viewer = await currentViewer();
  if (!isAdmitted(viewer)) return { status: "refused", message: SIGN_IN_REQUIRED };
  const limited = await actionRateLimitRefusal("share", viewer);
  if (limited) return { status: "refused", message: limited };
  const parsed = shareSchema.safeParse({
    connection: formData.get("connection"),
    region: formData.get("region"),
    apiId: formData.get("apiId"),
    expiry: formData.get("expiry") ?? "never",
  });
  if (!parsed.success) {
    const fieldErrors: Extract<ShareState, { status: "invalid" }>["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof typeof fieldErrors;
      fieldErrors[field] ??= issue.message;
    }
    return { status: "invalid", message: "The share request is incomplete; reload the audit and try again.", fieldErrors };
  }
  const outcome = await shareLiveAudit(parsed.data);
  if (!outcome.ok) return { status: "error", message: outcome.error.message, hint: outcome.error.hint };
  return {
    status: "shared",
    id: outcome.id,
    path: storedAuditPath(outcome.id),
    createdAt: outcome.createdAt,
    ...(outcome.expiresAt ? { expiresAt: outcome.expiresAt } : {}),
    readAt: outcome.readAt,
    deleteToken: outcome.deleteToken,
  };
}

export type DeleteState =
  | { status: "idle" }
  | { status: "invalid"; message: string }
  | { status: "refused"; message: string }
  | { status: "error"; message: string };

const deleteSchema = z.object({
  id: z.string().refine(isAuditId, `not a stored audit id (${AUDIT_ID_LENGTH} URL-safe characters)`),
  confirm: z.literal("yes", { error: "deletion was not confirmed" }),
  token: z.string().trim().max(256).optional(),
});

/** Deletes a stored audit (and comparisons naming it), then leaves its now-dead page. */
export async function deleteAudit(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  if (readOnlyMode()) return { status: "refused", message: READ_ONLY_MESSAGE };
  const parsed = deleteSchema.safeParse({
    id: formData.get("id"),
    confirm: formData.get("confirm"),
    token: formData.get("token") ?? undefined,
  });
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]?.message ?? "invalid request" };
  // No session check here: the delete token is the capability; deleteStoredAudit checks it or the signed-in owner.
  const outcome = await deleteStoredAudit(parsed.data.id, parsed.data.token || undefined);
  if (!outcome.ok) return { status: outcome.error.code === "delete:not-allowed" ? "refused" : "error", message: outcome.error.message };
  redirect(`/audits?deleted=${outcome.deleted ? "1" : "0"}`);
}

export type OpenLinkState = { status: "idle" } | { status: "invalid"; message: string };

const linkSchema = z.object({ link: z.string().trim().min(1, "paste a link or an id").max(2048) });

/** Accepts a pasted link (".../audits/<id>", with or without host) or a bare id, and opens it. */
export async function openSharedLink(_previous: OpenLinkState, formData: FormData): Promise<OpenLinkState> {
  const parsed = linkSchema.safeParse({ link: formData.get("link") });
  if (!parsed.success) return { status: "invalid", message: parsed.error.issues[0]?.message ?? "invalid link" };
  const candidate = /\/audits\/([^/?#]+)/.exec(parsed.data.link)?.[1] ?? parsed.data.link;
  if (!isAuditId(candidate)) {
    return {
      status: "invalid",
      message: `That is not a shared audit link: ids are ${AUDIT_ID_LENGTH} URL-safe characters after /audits/.`,
    };
  }
  redirect(storedAuditPath(candidate));
}
