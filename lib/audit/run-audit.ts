import "server-only";
import packageJson from "@/package.json";
import type { Connection } from "@/lib/aws/connections/connection";
import { readLiveApi, type LiveOptions } from "@/lib/aws/reader/live-reader";
import { accountFromArns, callerAccountId } from "@/lib/aws/identity/caller-account";
import { CallStats } from "@/lib/aws/client/call-stats";
import type { PreflightAwsError } from "@/lib/aws/errors/aws-errors";
import { normalizeApi } from "@/lib/model/normalize";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import type { ApiModel } from "@/lib/model/types";
import { SEVERITIES, type Severity } from "@/lib/rules/types";
import { runRules } from "@/lib/audit/run-rules";
import { AUDIT_REPORT_VERSION, type AuditReport, type AuditWarning, type CallStatistics } from "@/lib/audit/types";

export const PREFLIGHT_VERSION: string = packageJson.version;

export interface RunAuditInput {
  connection: Connection;
  region: string;
  restApiId: string;
  /** Audit one stage only (the others are left out of the model). */
  stage?: string;
  live?: LiveOptions;
}

export type AuditFailure =
  | { kind: "aws"; error: PreflightAwsError }
  | { kind: "stage-not-found"; message: string; stages: string[] };

export type RunAuditResult = { ok: true; report: AuditReport } | { ok: false; failure: AuditFailure; stats: CallStatistics };

function statistics(stats: CallStats, startedAt: number): CallStatistics {
  return { calls: stats.calls(), totalCalls: stats.totalCalls, retries: stats.retries, wallTimeMs: Math.round(performance.now() - startedAt) };
}

function inferAccount(snapshot: RawApiSnapshot): string | undefined {
  const texts: Array<string | undefined> = [];
  for (const a of snapshot.authorizers ?? []) texts.push(a.authorizerUri, ...(a.providerARNs ?? []));
  for (const r of snapshot.resources ?? []) for (const m of Object.values(r.resourceMethods ?? {})) texts.push(m.methodIntegration?.uri);
  return accountFromArns(texts);
}

function countBySeverity(findings: AuditReport["findings"]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** read → normalize → rules → AuditReport. Expected failures (credentials, access, not found…) are values. */
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
  if (inferred) warnings.push({ code: "account-inferred", message: `Account id ${inferred} inferred from the Lambda/Cognito ARNs the API uses (the caller's identity was not available).` });

  const normalized = normalizeApi(snapshot);
  let model: ApiModel = normalized.model;
  if (input.stage !== undefined) {
    const stages = model.stages.map((s) => s.name);
    if (!stages.includes(input.stage)) {
      return {
        ok: false,
        failure: { kind: "stage-not-found", message: `Stage "${input.stage}" does not exist on API ${input.restApiId}; stages: ${stages.join(", ") || "none"}.`, stages },
        stats: statistics(stats, startedAt),
      };
    }
    model = { ...model, stages: model.stages.filter((s) => s.name === input.stage) };
  }
  for (const m of model.missing) {
    warnings.push({ code: "partial-read", message: `${m.operation} failed${m.detail ? ` (${m.detail})` : ""}: ${m.reason}`, part: m.part });
  }
  for (const message of normalized.warnings) warnings.push({ code: "unexpected-value", message });

  const { findings, notEvaluated } = runRules(model);
  const report: AuditReport = {
    reportVersion: AUDIT_REPORT_VERSION,
    preflightVersion: PREFLIGHT_VERSION,
    api: { ...(accountId ? { accountId } : {}), region: input.region, id: model.api.id, name: model.api.name },
    source: { kind: "live", connection: input.connection.id, customEndpoint: input.connection.customEndpoint },
    readAt,
    partial: model.missing.length > 0,
    model,
    findings,
    notEvaluated,
    warnings,
    stats: statistics(stats, startedAt),
    counts: countBySeverity(findings),
  };
  return { ok: true, report };
}
