import "server-only";
import { ruleMetasFor } from "@/lib/rules/rule-metas";
import type { RuleMeta } from "@/lib/rules/types";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import type { AuditReport } from "@/lib/audit/types";
import type { UiError } from "@/app/actions/types";
import { auditPath } from "@/app/actions/paths";
import { openConnectionById } from "./connection";
import { toUiError } from "./ui-error";
import { recentProbe } from "./probe-store";

export type LoadReportResult = { ok: true; report: AuditReport } | { ok: false; error: UiError };

export type LoadAuditResult =
  | {
      ok: true;
      report: AuditReport;
      rules: Record<string, RuleMeta>;
      /** Where the whole-API fix files download from. */
      fixDownloadBase: string;
    }
  | { ok: false; error: UiError };

/** Reads, normalises and audits one API; expected failures are values. Exports and fix downloads use it alone. */
export async function loadReport(connectionId: string, region: string, apiId: string): Promise<LoadReportResult> {
  const opened = await openConnectionById(connectionId);
  if (!opened.ok) return opened;
  const result = await runAudit({ connection: opened.connection, region, restApiId: apiId });
  // The last live probe of this API (app/_server/probe.ts) goes with the report into exports and Share.
  const probe = recentProbe(connectionId, region, apiId);
  if (result.ok) return { ok: true, report: probe ? { ...result.report, probe } : result.report };
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
export async function loadAudit(connectionId: string, region: string, apiId: string): Promise<LoadAuditResult> {
  const loaded = await loadReport(connectionId, region, apiId);
  if (!loaded.ok) return loaded;
  const report = loaded.report;
  // Only the metas the report needs travel to the browser.
  return {
    ok: true,
    report,
    rules: ruleMetasFor(report.findings),
    fixDownloadBase: `${liveDownloadBase(connectionId, region, apiId)}/fix`,
  };
}
