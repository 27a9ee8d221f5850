import "server-only";
import type { Stage } from "@aws-sdk/client-api-gateway";
import type { ApiGatewayPort } from "@/lib/aws/client/api-gateway-port";
import { collectAll } from "@/lib/aws/client/paginate";
import { mapAwsError } from "@/lib/aws/errors/map-aws-error";
import type { PreflightAwsError } from "@/lib/aws/errors/aws-errors";
import type { MissingPart, ModelPart } from "@/lib/model/types";
import type { RawApiSnapshot, RawDeployment, RawResource, RawStage } from "@/lib/model/raw-snapshot";
import { servedFromExport, servedFromSummary, withDraftIds } from "@/lib/aws/reader/served-configuration";
import {
  reshapeAuthorizer,
  reshapeDeployment,
  reshapeGatewayResponse,
  reshapeResource,
  reshapeRestApi,
  reshapeStage,
} from "@/lib/aws/reader/reshape-wire";
import { WireTally } from "@/lib/aws/reader/wire-values";

// API Gateway's largest page: "The default value is 25 and the maximum value is 500."
// https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
export const MAX_PAGE_SIZE = 500;

/**
 * The most items of each per-API collection the audit takes: ten times API Gateway's default quotas ("Stages per API
 * 10", "Authorizers per API (AWS Lambda and Amazon Cognito) 10", both adjustable), and far more than the 21 gateway
 * response types. More than that is a broken proxy or a hostile answer: every extra stage multiplies the rules' work
 * by the number of methods, so the rest is left out and the part listed as incomplete.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html
 */
export const MAX_ITEMS = { stages: 100, authorizers: 100, gatewayResponses: 100 } as const;

export interface ReadApiOptions {
  /** Page size for paginated collections (tests use tiny pages); 1–500, default 500. */
  pageSize?: number;
  accountId?: string;
}

export type ReadApiResult = { ok: true; snapshot: RawApiSnapshot } | { ok: false; error: PreflightAwsError };

function reasonOf(error: unknown, operation: string, region: string): string {
  const mapped = mapAwsError(error, { operation, region });
  return `${mapped.message} ${mapped.hint}`.trim();
}

type ExportOutcome = { kind: "export"; text: string } | { kind: "summary"; deployment: RawDeployment; exportError: unknown };

/** Which stage to export for each deployment stages serve, and which (canary) deployments only a summary can describe. */
export function deploymentPlan(stages: RawStage[]): {
  exported: Array<{ deploymentId: string; stageName: string }>;
  summaryOnly: string[];
} {
  const exported = new Map<string, string>();
  for (const stage of [...stages].sort((a, b) => a.stageName.localeCompare(b.stageName))) {
    if (stage.deploymentId && !exported.has(stage.deploymentId)) exported.set(stage.deploymentId, stage.stageName);
  }
  const summaryOnly = new Set<string>();
  for (const stage of stages) {
    const canary = stage.canarySettings?.deploymentId;
    if (canary && !exported.has(canary)) summaryOnly.add(canary);
  }
  return { exported: [...exported].map(([deploymentId, stageName]) => ({ deploymentId, stageName })), summaryOnly: [...summaryOnly] };
}

interface KeptItems<R> {
  kept: R[];
  /** Why the part is incomplete: items beyond the limit, or items without their identity. */
  incomplete: MissingPart[];
}

/**
 * Items without their identity (what a broken proxy or a future version may send) are left out, and the part is
 * listed as incomplete: the rules that need it say "not evaluated" rather than pass on a list with holes.
 */
function keepItems<W, R>(
  part: ModelPart,
  operation: string,
  all: W[],
  reshape: (item: W, tally: WireTally) => R | undefined,
  tally: WireTally,
  what: string,
  limit = Number.POSITIVE_INFINITY,
): KeptItems<R> {
  const kept: R[] = [];
  const incomplete: MissingPart[] = [];
  const items = all.length > limit ? all.slice(0, limit) : all;
  if (items.length < all.length)
    incomplete.push({
      part,
      operation,
      reason: `${operation} answered ${all.length} ${what.split(" (")[0]}, far beyond API Gateway's quotas; only the first ${limit} were audited.`,
    });
  for (const item of items) {
    const reshaped = reshape(item, tally);
    if (reshaped !== undefined) kept.push(reshaped);
  }
  const dropped = items.length - kept.length;
  if (dropped > 0)
    incomplete.push({
      part,
      operation,
      reason: `${operation} answered ${dropped} of ${items.length} ${what} without the fields that identify them; they were left out.`,
    });
  return { kept, incomplete };
}

/** The API summary an export implies (path → verb → authorization), so summary-based code sees the same deployment. */
function summaryOf(resources: RawResource[]): NonNullable<RawDeployment["apiSummary"]> {
  const summary: NonNullable<RawDeployment["apiSummary"]> = {};
  for (const r of resources) {
    const methods = Object.entries(r.resourceMethods ?? {});
    if (methods.length === 0) continue;
    summary[r.path] = Object.fromEntries(
      methods.map(([verb, m]) => [verb, { authorizationType: m.authorizationType ?? "NONE", apiKeyRequired: m.apiKeyRequired ?? false }]),
    );
  }
  return summary;
}

/**
 * Reads one REST API with the fewest calls AWS allows: GetRestApi, GetResources (embed=methods, 500
 * a page), GetAuthorizers, GetStages and GetGatewayResponses at once, then, as soon as the stages are known,
 * GetExport of one stage per distinct deployment the stages serve and GetDeployment (embed=apisummary) for each canary
 * deployment no stage serves: ⌈resources/500⌉ + 4 + distinct deployments + canary-only deployments calls (plus one
 * GetDeployment for each export that fails), in two round trips for APIs up to 500 resources.
 * Only GetRestApi is essential; any other failed part is listed in `missing` and the read goes on.
 */
export async function readApi(port: ApiGatewayPort, restApiId: string, options: ReadApiOptions = {}): Promise<ReadApiResult> {
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${pageSize}).`);
  }
  const region = port.region;

  const restApi = port.getRestApi(restApiId);
  const resources = collectAll((position) => port.getResources(restApiId, position, pageSize));
  const authorizers = collectAll((position) => port.getAuthorizers(restApiId, position, pageSize));
  const gatewayResponses = collectAll((position) => port.getGatewayResponses(restApiId, position, pageSize));
  const stages = port.getStages(restApiId);
  const tallies = new Map<string, WireTally>();
  const tallyOf = (operation: string) => {
    let tally = tallies.get(operation);
    if (!tally) tallies.set(operation, (tally = new WireTally()));
    return tally;
  };
  // The stages are reshaped once, as soon as GetStages answers (first MAX_ITEMS.stages, those with a name): the same
  // list plans the deployment reads below and goes into the snapshot. Their tally joins the others when the stages are
  // kept, so warnings keep their order.
  const stagesTally = new WireTally();
  const keptStages = stages.then((list: Stage[]) =>
    keepItems("stages", "GetStages", list, reshapeStage, stagesTally, "stages (stageName)", MAX_ITEMS.stages),
  );
  // Each deployment a stage serves is read once, as soon as the stages are known: GetExport of the first stage
  // serving it (the whole deployed snapshot), falling back to GetDeployment embed=apisummary when the endpoint cannot
  // export; a canary deployment no stage serves as its main one is not exportable (an export is of a stage) and is
  // read from its API summary.
  const deployments = keptStages.then(({ kept }) => {
    const plan = deploymentPlan(kept);
    return Promise.all([
      plan,
      Promise.allSettled(
        plan.exported.map(({ deploymentId, stageName }) =>
          port.getExport(restApiId, stageName).then(
            (text): ExportOutcome => ({ kind: "export", text }),
            (exportError: unknown) =>
              port.getDeployment(restApiId, deploymentId).then((d): ExportOutcome => ({
                kind: "summary",
                deployment: reshapeDeployment(d, deploymentId, tallyOf("GetDeployment")),
                exportError,
              })),
          ),
        ),
      ),
      Promise.allSettled(
        plan.summaryOnly.map((id) => port.getDeployment(restApiId, id).then((d) => reshapeDeployment(d, id, tallyOf("GetDeployment")))),
      ),
    ]);
  });

  const [apiR, resourcesR, authorizersR, gatewayR, stagesR, deploymentsR] = await Promise.allSettled([
    restApi,
    resources,
    authorizers,
    gatewayResponses,
    keptStages,
    deployments,
  ]);

  if (apiR.status === "rejected") return { ok: false, error: mapAwsError(apiR.reason, { operation: "GetRestApi", region, restApiId }) };

  const missing: MissingPart[] = [];
  const miss = (part: ModelPart, operation: string, error: unknown, detail?: string) =>
    missing.push({ part, operation, reason: reasonOf(error, operation, region), ...(detail ? { detail } : {}) });

  const snapshot: RawApiSnapshot = {
    region,
    ...(options.accountId ? { accountId: options.accountId } : {}),
    restApi: reshapeRestApi(apiR.value, restApiId, tallyOf("GetRestApi")),
    deployments: {},
    missing,
  };
  const keep = <W, R>(
    part: ModelPart,
    operation: string,
    all: W[],
    reshape: (item: W, tally: WireTally) => R | undefined,
    what: string,
    limit?: number,
  ) => {
    const { kept, incomplete } = keepItems(part, operation, all, reshape, tallyOf(operation), what, limit);
    missing.push(...incomplete);
    return kept;
  };
  if (resourcesR.status === "fulfilled")
    snapshot.resources = keep("resources", "GetResources", resourcesR.value, reshapeResource, "resources (id, path)");
  else miss("resources", "GetResources", resourcesR.reason);
  if (authorizersR.status === "fulfilled")
    snapshot.authorizers = keep(
      "authorizers",
      "GetAuthorizers",
      authorizersR.value,
      reshapeAuthorizer,
      "authorizers (id)",
      MAX_ITEMS.authorizers,
    );
  else miss("authorizers", "GetAuthorizers", authorizersR.reason);
  if (gatewayR.status === "fulfilled")
    snapshot.gatewayResponses = keep(
      "gatewayResponses",
      "GetGatewayResponses",
      gatewayR.value,
      reshapeGatewayResponse,
      "gateway responses (responseType)",
      MAX_ITEMS.gatewayResponses,
    );
  else miss("gatewayResponses", "GetGatewayResponses", gatewayR.reason);
  if (stagesR.status === "fulfilled") {
    tallies.set("GetStages", stagesTally);
    missing.push(...stagesR.value.incomplete);
    snapshot.stages = stagesR.value.kept;
    // The reads were planned from these same stages; only their answers can be missing (a rejected read is listed).
    const [plan, exportsR, summariesR] =
      deploymentsR.status === "fulfilled" ? deploymentsR.value : [deploymentPlan(snapshot.stages), [], []];
    const stagesOf = (id: string) =>
      snapshot.stages
        ?.filter((s) => s.deploymentId === id || s.canarySettings?.deploymentId === id)
        .map((s) => s.stageName)
        .join(", ");
    const draft = {
      restApi: snapshot.restApi,
      resources: snapshot.resources,
      authorizers: snapshot.authorizers,
      gatewayResponses: snapshot.gatewayResponses,
    };
    const fromSummary = (deployment: RawDeployment): RawDeployment =>
      // An empty summary cannot be a real deployment (AWS refuses to deploy an API without methods): the deployed
      // state is unknown, and the model says so instead of "nothing is deployed".
      Object.keys(deployment.apiSummary ?? {}).length > 0 ? { ...deployment, served: servedFromSummary(deployment, draft) } : deployment;
    plan.exported.forEach(({ deploymentId: id, stageName }, i) => {
      const result = exportsR[i];
      if (result?.status !== "fulfilled") {
        miss("deployments", "GetDeployment", result?.reason ?? new Error("not read"), `deployment ${id} of stage ${stagesOf(id)}`);
        return;
      }
      const value = result.value;
      if (value.kind === "summary") {
        miss(
          "deployments",
          "GetExport",
          value.exportError,
          `stage ${stageName}: only the API summary of deployment ${id} was read; the rest is the draft's`,
        );
        snapshot.deployments[id] = fromSummary(value.deployment);
        return;
      }
      const parsed = servedFromExport(value.text, stageName);
      if (!parsed.ok) {
        missing.push({
          part: "deployments",
          operation: "GetExport",
          reason: parsed.reason,
          detail: `deployment ${id} of stage ${stagesOf(id)}`,
        });
        return;
      }
      const served = withDraftIds(parsed.served, snapshot.resources ?? [], snapshot.authorizers ?? []);
      snapshot.deployments[id] = { id, apiSummary: summaryOf(served.resources), served };
    });
    plan.summaryOnly.forEach((id, i) => {
      const result = summariesR[i];
      if (result?.status === "fulfilled") snapshot.deployments[id] = fromSummary(result.value);
      else
        miss("deployments", "GetDeployment", result?.reason ?? new Error("not read"), `canary deployment ${id} of stage ${stagesOf(id)}`);
    });
  } else {
    miss("stages", "GetStages", stagesR.reason);
    // Without stages there is nothing to look up; the deployments are unknown too.
    missing.push({ part: "deployments", operation: "GetDeployment", reason: "Not read because GetStages failed." });
  }
  const warnings = [...tallies].flatMap(([operation, tally]) => tally.messages(operation));
  if (warnings.length > 0) snapshot.warnings = warnings;
  return { ok: true, snapshot };
}
