"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { readOnlyMode } from "@/app/_server/share";
import { currentViewer, isAdmitted, SIGN_IN_REQUIRED } from "@/app/_server/session";
import {
  formatConnectionId,
  parseConnectionId,
  PROFILE_NAME,
  roleSpecSchema,
  type ConnectionSpec,
} from "@/lib/aws/connections/connection-id";

export type ConnectState =
  | { status: "idle" }
  | { status: "refused"; message: string }
  | {
      status: "invalid";
      message: string;
      fieldErrors: Partial<Record<ConnectField, string>>;
      /** What was submitted, so the form shows it again (React resets a form after its action). */
      values: Partial<Record<ConnectField, string>>;
    };

type ConnectField = "kind" | "profile" | "base" | "roleArn" | "externalId";

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const formSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("demo") }),
  z.object({ kind: z.literal("env") }),
  z.object({ kind: z.literal("profile"), profile: z.string().trim().regex(PROFILE_NAME, "choose a profile") }),
  z.object({
    kind: z.literal("role"),
    base: z.string().trim().min(1, "choose where the credentials that assume the role come from"),
    roleArn: z.string().trim().pipe(roleSpecSchema.shape.roleArn),
    externalId: optionalText.pipe(roleSpecSchema.shape.externalId),
  }),
]);

/** Validates the chosen connection and opens its API list; the id carries names only, never a secret. */
export async function chooseConnection(_previous: ConnectState, formData: FormData): Promise<ConnectState> {
  // A team viewer has no connections; the form is not shown there, but an action is a public endpoint.
  if (readOnlyMode())
    return { status: "refused", message: "This Preflight is a read-only viewer: it has no AWS connections. Open a shared audit instead." };
  // Actions are endpoints of their own (any page can post any action id): each checks the session itself.
  if (!isAdmitted(await currentViewer())) return { status: "refused", message: SIGN_IN_REQUIRED };
  const submitted = Object.fromEntries(formData);
  const values: Partial<Record<ConnectField, string>> = {};
  for (const field of ["kind", "profile", "base", "roleArn", "externalId"] as const) {
    const value = submitted[field];
    if (typeof value === "string") values[field] = value;
  }
  const parsed = formSchema.safeParse(submitted);
  if (!parsed.success) {
    const fieldErrors: Extract<ConnectState, { status: "invalid" }>["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = (issue.path[0] ?? "kind") as keyof typeof fieldErrors;
      fieldErrors[field] ??= issue.message;
    }
    return { status: "invalid", message: "Check the highlighted fields.", fieldErrors, values };
  }
  let spec: ConnectionSpec;
  const data = parsed.data;
  if (data.kind === "role") {
    const base = parseConnectionId(data.base);
    if (!base.ok || base.spec.kind === "demo" || ("role" in base.spec && base.spec.role)) {
      return {
        status: "invalid",
        message: "Check the highlighted fields.",
        fieldErrors: { base: "assume the role from the environment or a profile" },
        values,
      };
    }
    const role = { roleArn: data.roleArn, ...(data.externalId ? { externalId: data.externalId } : {}) };
    spec = base.spec.kind === "env" ? { kind: "env", role } : { kind: "profile", profile: base.spec.profile, role };
  } else if (data.kind === "profile") {
    spec = { kind: "profile", profile: data.profile };
  } else {
    spec = { kind: data.kind };
  }
  redirect(`/?connection=${encodeURIComponent(formatConnectionId(spec))}`);
}
