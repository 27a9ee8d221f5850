import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import { environmentEndpoint, type Connection } from "@/lib/aws/connections/connection";
import { portFor, type LiveOptions } from "@/lib/aws/reader/live-reader";
import { readStageDomains } from "@/lib/aws/reader/stage-domains";
import { PreflightAwsError } from "@/lib/aws/errors/aws-errors";
import { planProbe, type ProbeOptions, type ProbePlan } from "@/lib/probe/plan";
import { stageViewFromModel } from "@/lib/probe/stage-view";
import { probeTarget, type MappedDomain } from "@/lib/probe/targets";

export interface StageProbeInput {
  connection: Connection;
  report: AuditReport;
  /** Default: the report's first deployed stage. */
  stage?: string;
  options?: ProbeOptions;
  live?: LiveOptions;
  env?: NodeJS.ProcessEnv;
}

export type StageProbePlan = { ok: true; plan: ProbePlan; notes: string[] } | { ok: false; reason: string };

/**
 * Plans the live probe of one stage of an audited API: where it may send requests (the connection's endpoint data
 * plane, or AWS's execute-api host and the API's custom domain names), every request with Preflight's prediction,
 * and the request budget. Nothing is sent to the stage here; the only calls are the read-only domain-name reads.
 */
export async function planStageProbe(input: StageProbeInput): Promise<StageProbePlan> {
  const { report, connection } = input;
  const model = report.model;
  const stage = input.stage ?? model.stages.find((s) => s.deploymentId)?.name;
  const served = model.stages.find((s) => s.name === stage);
  if (!stage || !served)
    return {
      ok: false,
      reason: `Stage "${stage ?? ""}" is not a stage of ${model.api.id}: ${model.stages.map((s) => s.name).join(", ") || "none"}.`,
    };
  if (!served.deploymentId) return { ok: false, reason: `Stage "${stage}" has no deployment: nothing answers there.` };

  const notes: string[] = [];
  const customEndpoint = connection.customEndpoint ? (connection.endpoint ?? environmentEndpoint(input.env ?? process.env)) : undefined;
  if (connection.customEndpoint && customEndpoint === undefined)
    return { ok: false, reason: "The connection's endpoint is not known, so its data plane cannot be derived." };
  let domains: MappedDomain[] = [];
  if (customEndpoint === undefined && !model.api.endpointTypes.includes("PRIVATE")) {
    try {
      const read = await readStageDomains(portFor(connection, model.api.region, input.live), model.api.id, stage);
      domains = read.domains;
      if (read.truncated) notes.push("The account has more custom domain names than the probe reads; some mappings may be missing.");
    } catch (error) {
      if (!(error instanceof PreflightAwsError)) throw error;
      // The minimal policy grants /restapis only: without /domainnames the execute-api host is still probed.
      notes.push(`Custom domain names were not read (${error.message}); only the execute-api host is used.`);
    }
  }
  const target = probeTarget({
    apiId: model.api.id,
    region: model.api.region,
    stage,
    endpointTypes: model.api.endpointTypes,
    disableExecuteApiEndpoint: model.api.disableExecuteApiEndpoint,
    ...(customEndpoint !== undefined ? { customEndpoint } : {}),
    domains,
  });
  if (!target.ok) return target;
  const view = stageViewFromModel(model, stage, report.findings);
  const planned = planProbe(model, view, target.target, input.options);
  return planned.ok ? { ok: true, plan: planned.plan, notes } : planned;
}
