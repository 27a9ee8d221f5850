import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import { readLiveApi, type LiveOptions } from "@/lib/aws/reader/live-reader";
import { accountFromArns, callerAccountId } from "@/lib/aws/identity/caller-account";
import { CallStats } from "@/lib/aws/client/call-stats";
import type { PreflightAwsError } from "@/lib/aws/errors/aws-errors";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { auditModel } from "@/lib/audit/audit-model";
import type { AuditWarning, CallStatistics, AuditReport } from "@/lib/audit/types";

export interface RunAuditInput {
  connection: Connection;
  region: string;
  restApiId: string;
  /** Audit one stage only (the others are left out of the model). */
  stage?: string;
  live?: LiveOptions;
}

export type AuditFailure = { kind: "aws"; error: PreflightAwsError } | { kind: "stage-not-found"; message: string; stages: string[] };

export type RunAuditResult = { ok: true; report: AuditReport } | { ok: false; failure: AuditFailure; stats: CallStatistics };

function statistics(stats: CallStats, startedAt: number): CallStatistics {
  return {
    calls: stats.calls(),
    totalCalls: stats.totalCalls,
    retries: stats.retries,
    wallTimeMs: Math.round(performance.now() - startedAt),
  };
}

function inferAccount(snapshot: RawApiSnapshot): string | undefined {
  const texts: Array<string | undefined> = [];
  for (const a of snapshot.authorizers ?? []) texts.push(a.authorizerUri, ...(a.providerARNs ?? []));
  for (const r of snapshot.resources ?? []) for (const m of Object.values(r.resourceMethods ?? {})) texts.push(m.methodIntegration?.uri);
  return accountFromArns(texts);
}

/** The live loader: read the API through a connection, then the pure audit core. Expected failures are values. */
export async function runAudit(input: RunAuditInput): Promise<RunAuditResult> {
  const startedAt = performance.now();
  const stats = input.live?.stats ?? new CallStats();
  const readAt = new Date().toISOString();
  // The caller's account costs one STS call, made alongside the read (skipped when STS would be AWS's but API Gateway is not).
  const [account, read] = await Promise.all([
    callerAccountId(input.connection, input.region),
    readLiveApi(input.connection, input.region, input.restApiId, { ...input.live, stats }),
  ]);
  if (!read.result.ok) return { ok: false, failure: { kind: "aws", error: read.result.error }, stats: statistics(stats, startedAt) };

  const snapshot = read.result.snapshot;
  const warnings: AuditWarning[] = [];
  const inferred = account ? undefined : inferAccount(snapshot);
  const accountId = account ?? inferred;
  if (accountId) snapshot.accountId = accountId;
  if (inferred)
    warnings.push({
      code: "account-inferred",
      message: `Account id ${inferred} inferred from the Lambda/Cognito ARNs the API uses (the caller's identity was not available).`,
    });

  const audited = auditModel({
    snapshot,
    source: { kind: "live", connection: input.connection.id, customEndpoint: input.connection.customEndpoint },
    readAt,
    ...(input.stage !== undefined ? { stage: input.stage } : {}),
    warnings,
    stats: statistics(stats, startedAt),
  });
  if (!audited.ok) return { ok: false, failure: audited.failure, stats: statistics(stats, startedAt) };
  return audited;
}
