/**
 * Connection ids: short strings, safe in a URL path segment or query without escaping beyond what
 * `encodeURIComponent` leaves alone (plus ":"), that name where credentials come from and never hold one:
 *   demo                     the built-in demo (local emulator, fake credentials)
 *   env                      the SDK's default credential chain
 *   profile:<name>           a profile of the shared config / credentials files
 *   <demo|env|profile:…>~role:<b64url>   the same, then STS AssumeRole; b64url of {"roleArn","externalId"?}
 * The role part is base64url because role ARNs contain "/" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html).
 * An external id is not a secret (it prevents the confused deputy; AWS: "the external ID is not a
 * secret"), so carrying it in the id is acceptable.
 */
import { z } from "zod";

export interface RoleSpec {
  roleArn: string;
  externalId?: string;
}

export type ConnectionSpec =
  { kind: "demo"; role?: RoleSpec } | { kind: "env"; role?: RoleSpec } | { kind: "profile"; profile: string; role?: RoleSpec };

// Profile names we accept in ids; a profile with other characters is listed as unsupported.
export const PROFILE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
// IAM role ARN in any partition, with optional path (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
// sts:AssumeRole ExternalId: 2–1224 chars of [\w+=,.@:/-] (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export const roleSpecSchema = z.object({
  roleArn: z.string().regex(ROLE_ARN, "not an IAM role ARN (arn:aws:iam::123456789012:role/Name)"),
  externalId: z.string().regex(EXTERNAL_ID, "external id must be 2–1224 characters of letters, digits and +=,.@:/-").optional(),
});

function encodeRole(role: RoleSpec): string {
  return Buffer.from(
    JSON.stringify(role.externalId ? { roleArn: role.roleArn, externalId: role.externalId } : { roleArn: role.roleArn }),
    "utf8",
  ).toString("base64url");
}

function decodeRole(encoded: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  try {
    return JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

export function formatConnectionId(spec: ConnectionSpec): string {
  const base = spec.kind === "profile" ? `profile:${spec.profile}` : spec.kind;
  return spec.role ? `${base}~role:${encodeRole(spec.role)}` : base;
}

/** Parses and validates an id; failures are a zod issue list with a clear message. */
export const connectionIdSchema = z
  .string()
  .max(2048, "connection id too long")
  .transform((id, ctx): ConnectionSpec => {
    const [base = "", rolePart, ...rest] = id.split("~role:");
    if (rest.length > 0) {
      ctx.addIssue({ code: "custom", message: "connection id has more than one role part" });
      return z.NEVER;
    }
    let role: RoleSpec | undefined;
    if (rolePart !== undefined) {
      const parsed = roleSpecSchema.safeParse(decodeRole(rolePart));
      if (!parsed.success) {
        ctx.addIssue({
          code: "custom",
          message: `connection id's role part is invalid: ${parsed.error.issues[0]?.message ?? "unreadable"}`,
        });
        return z.NEVER;
      }
      role = parsed.data;
    }
    // The demo's emulator has its own STS, so the demo can assume a (cross-account) role too.
    if (base === "demo") return role ? { kind: "demo", role } : { kind: "demo" };
    if (base === "env") return role ? { kind: "env", role } : { kind: "env" };
    if (base.startsWith("profile:")) {
      const profile = base.slice("profile:".length);
      if (!PROFILE_NAME.test(profile)) {
        ctx.addIssue({ code: "custom", message: `profile name "${profile}" must be 1–64 letters, digits, "_", "." or "-"` });
        return z.NEVER;
      }
      return role ? { kind: "profile", profile, role } : { kind: "profile", profile };
    }
    ctx.addIssue({ code: "custom", message: `unknown connection "${base}": expected demo, env or profile:<name>` });
    return z.NEVER;
  });

export type ParseConnectionResult = { ok: true; spec: ConnectionSpec } | { ok: false; error: string };

export function parseConnectionId(id: string): ParseConnectionResult {
  const parsed = connectionIdSchema.safeParse(id);
  return parsed.success ? { ok: true, spec: parsed.data } : { ok: false, error: parsed.error.issues.map((i) => i.message).join("; ") };
}
