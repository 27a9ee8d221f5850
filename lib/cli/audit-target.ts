import "server-only";
import { CONNECTION_OPTIONS, connectionFromFlags, type ConnectionFlags } from "@/lib/cli/connection-flags";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import type { AuditReport } from "@/lib/audit/types";
import type { Connection } from "@/lib/aws/connections/connection";
import { REST_API_ID_PATTERN } from "@/lib/model/ids";

/** Flags of every command that audits one REST API (`audit`, `fix`). */
export const AUDIT_TARGET_OPTIONS = {
  ...CONNECTION_OPTIONS,
  region: { type: "string" },
  stage: { type: "string" },
} as const;

export interface AuditTargetFlags extends ConnectionFlags {
  region?: string;
  stage?: string;
}

export type CliResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The one positional: a REST API id. */
export function restApiIdFrom(positionals: readonly string[], usage: string): CliResult<string> {
  if (positionals.length !== 1) return { ok: false, message: `Expected exactly one REST API id.\nUsage: ${usage}` };
  const restApiId = positionals[0] as string;
  if (!REST_API_ID_PATTERN.test(restApiId))
    return { ok: false, message: `"${restApiId}" is not a REST API id (letters and digits, e.g. a1b2c3d4e5).` };
  return { ok: true, value: restApiId };
}

/** Open the connection the flags name and run the audit pipeline; every expected failure comes back as a message. */
export async function auditFromFlags(restApiId: string, flags: AuditTargetFlags, env: NodeJS.ProcessEnv): Promise<CliResult<AuditReport>> {
  const audited = await auditWithConnection(restApiId, flags, env);
  return audited.ok ? { ok: true, value: audited.value.report } : audited;
}

/** The same, keeping the connection for a follow-up read (the stack's template). */
export async function auditWithConnection(
  restApiId: string,
  flags: AuditTargetFlags,
  env: NodeJS.ProcessEnv,
): Promise<CliResult<{ report: AuditReport; connection: Connection }>> {
  const opened = await connectionFromFlags(flags, env);
  if (!opened.ok) return { ok: false, message: opened.message };
  const region = flags.region ?? opened.connection.defaultRegion;
  if (!region) return { ok: false, message: "No region: pass --region R, or set one in the profile / AWS_REGION." };
  const result = await runAudit({ connection: opened.connection, region, restApiId, ...(flags.stage ? { stage: flags.stage } : {}) });
  if (result.ok) return { ok: true, value: { report: result.report, connection: opened.connection } };
  const f = result.failure;
  return { ok: false, message: f.kind === "aws" ? `Error [${f.error.code}] ${f.error.message}\n${f.error.hint}` : f.message };
}
