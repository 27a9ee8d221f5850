import "server-only";
import { openConnection, type Connection } from "@/lib/aws/connections/connection";
import { roleSpecSchema, type ConnectionSpec, type RoleSpec } from "@/lib/aws/connections/connection-id";

/** Flags every command that talks to AWS accepts. */
export const CONNECTION_OPTIONS = {
  profile: { type: "string" },
  demo: { type: "boolean" },
  "role-arn": { type: "string" },
  "external-id": { type: "string" },
  endpoint: { type: "string" },
} as const;

export interface ConnectionFlags {
  profile?: string;
  demo?: boolean;
  "role-arn"?: string;
  "external-id"?: string;
  endpoint?: string;
}

export type ConnectionFromFlags = { ok: true; connection: Connection } | { ok: false; message: string };

/** --demo, or --profile P, or the default chain; optionally then --role-arn (and --external-id), the demo included (its emulator has STS). */
export async function connectionFromFlags(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Promise<ConnectionFromFlags> {
  if (flags.demo && flags.profile) return { ok: false, message: "--demo cannot be combined with --profile." };
  let role: RoleSpec | undefined;
  if (flags["role-arn"]) {
    const parsed = roleSpecSchema.safeParse({
      roleArn: flags["role-arn"],
      ...(flags["external-id"] ? { externalId: flags["external-id"] } : {}),
    });
    if (!parsed.success) return { ok: false, message: `--role-arn/--external-id: ${parsed.error.issues.map((i) => i.message).join("; ")}` };
    role = parsed.data;
  } else if (flags["external-id"]) {
    return { ok: false, message: "--external-id needs --role-arn." };
  }
  const spec: ConnectionSpec = flags.demo
    ? { kind: "demo", ...(role ? { role } : {}) }
    : flags.profile
      ? { kind: "profile", profile: flags.profile, ...(role ? { role } : {}) }
      : { kind: "env", ...(role ? { role } : {}) };
  const opened = await openConnection(spec, { env, ...(flags.endpoint ? { endpoint: flags.endpoint } : {}) });
  if (!opened.ok) return { ok: false, message: `${opened.error.message} ${opened.error.hint}` };
  return { ok: true, connection: opened.connection };
}
