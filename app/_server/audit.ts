import "server-only";
import { ruleMetasFor } from "@/lib/rules/rule-metas";
import type { RuleMeta } from "@/lib/rules/types";
import type { AuditReport } from "@/lib/audit/types";
import type { UiError } from "@/app/actions/types";
import { auditPath } from "@/app/actions/paths";
import { cachedLiveReport, type CachedReadOptions } from "./audit-cache";
import { checkRegion, openConnectionById } from "./connection";
import { toUiError } from "./ui-error";
import { recentProbe } from "./probe-store";

export type LoadReportResult = { ok: true; report: AuditReport; fromCache: boolean } | { ok: false; error: UiError };

export type LoadAuditResult =
  | {
      ok: true;
      report: AuditReport;
      /** Served from the read-once cache (report.readAt says when AWS was read). */
      fromCache: boolean;
      rules: Record<string, RuleMeta>;
      /** Where the whole-API fix files download from. */
      fixDownloadBase: string;
    }
  | { ok: false; error: UiError };

/**
 * One API's audit from the read-once cache (app/_server/audit-cache.ts), read, normalised and audited
 * when the cache has no fresh entry or `refresh` is set; expected failures are values. The page, exports,
 * fix downloads and shares all come through here, so they cost one read per freshness window.
 */
export async function loadReport(
  connectionId: string,
  region: string,
  apiId: string,
  options: CachedReadOptions = {},
): Promise<LoadReportResult> {
  const allowed = checkRegion(region);
  if (!allowed.ok) return allowed;
  const opened = await openConnectionById(connectionId);
  if (!opened.ok) return opened;
  const result = await cachedLiveReport(opened.connection, region, apiId, options);
  // The last live probe of this API (app/_server/probe.ts) goes with the report into exports and Share.
  const probe = result.ok ? await recentProbe(opened.connection, region, apiId, options.stage) : undefined;
  if (result.ok) return { ok: true, report: probe ? { ...result.report, probe } : result.report, fromCache: result.fromCache };
  return {
    ok: false,
    error:
      result.failure.kind === "aws"
        ? toUiError(result.failure.error)
        : { code: "stage-not-found", message: result.failure.message, hint: `Stages: ${result.failure.stages.join(", ") || "none"}.` },
  };
}

/** "/api/audit/demo/us-east-1/sfront0001": where a live audit's exports and fix files are downloaded from. */
export function liveDownloadBase(connection: string, region: string, apiId: string): string {
  return `/api${auditPath(connection, region, apiId)}`;
}

/** The audit page's data: the report and the rule metas it needs (fixes render in the browser, on demand). */
export async function loadAudit(
  connectionId: string,
  region: string,
  apiId: string,
  options: CachedReadOptions = {},
): Promise<LoadAuditResult> {
  const loaded = await loadReport(connectionId, region, apiId, options);
  if (!loaded.ok) return loaded;
  const report = loaded.report;
  // Only the metas the report needs travel to the browser.
  return {
    ok: true,
    report,
    fromCache: loaded.fromCache,
    rules: ruleMetasFor(report.findings),
    fixDownloadBase: `${liveDownloadBase(connectionId, region, apiId)}/fix`,
  };
}
