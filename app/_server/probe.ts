import "server-only";
import { planStageProbe } from "@/lib/aws/probe/probe-stage";
import type { AuditReport } from "@/lib/audit/types";
import { describeBudget, type ProbeOptions } from "@/lib/probe/plan";
import { runProbe } from "@/lib/probe/run-probe";
import type { ProbeBudget, ProbeReport } from "@/lib/probe/types";
import type { UiError } from "@/app/actions/types";
import { openConnectionById } from "./connection";
import { loadReport } from "./audit";
import { keepProbe } from "./probe-store";

/**
 * The audit page's live probe: planned (budget shown, nothing sent), then run only when the user confirms that same
 * budget. The result is kept in the audit store (app/_server/probe-store.ts) so the page's exports and Share include it,
 * on every app instance.
 */
export interface ProbeRequest {
  connection: string;
  region: string;
  apiId: string;
  stage: string;
  options: ProbeOptions;
}

export type ProbePlanOutcome =
  { ok: true; budget: ProbeBudget; summary: string; notes: string[] } | { ok: false; refused: string } | { ok: false; error: UiError };

export type ProbeRunOutcome = { ok: true; probe: ProbeReport } | { ok: false; refused: string } | { ok: false; error: UiError };

async function plan(request: ProbeRequest) {
  const opened = await openConnectionById(request.connection);
  if (!opened.ok) return opened;
  const loaded = await loadReport(request.connection, request.region, request.apiId);
  if (!loaded.ok) return loaded;
  const report: AuditReport = loaded.report;
  const planned = await planStageProbe({ connection: opened.connection, report, stage: request.stage, options: request.options });
  return { ok: true as const, planned, connection: opened.connection };
}

export async function planLiveProbe(request: ProbeRequest): Promise<ProbePlanOutcome> {
  const result = await plan(request);
  if (!result.ok) return result;
  if (!result.planned.ok) return { ok: false, refused: result.planned.reason };
  const { plan: probePlan, notes } = result.planned;
  return { ok: true, budget: probePlan.budget, summary: describeBudget(probePlan), notes };
}

/** Runs the probe only if its plan still costs exactly the requests the user confirmed. */
export async function runLiveProbe(request: ProbeRequest, confirmedRequests: number): Promise<ProbeRunOutcome> {
  const result = await plan(request);
  if (!result.ok) return result;
  if (!result.planned.ok) return { ok: false, refused: result.planned.reason };
  const probePlan = result.planned.plan;
  if (probePlan.budget.requests !== confirmedRequests)
    return {
      ok: false,
      refused: `The probe now needs ${probePlan.budget.requests} requests, not the ${confirmedRequests} you confirmed: review it again.`,
    };
  // The page shows what exports and Share will carry: the probe as kept (redacted like a share).
  const probe = await keepProbe(result.connection, request.region, request.apiId, await runProbe(probePlan));
  return { ok: true, probe };
}
