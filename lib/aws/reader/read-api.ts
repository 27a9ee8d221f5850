import "server-only";
import type { Stage } from "@aws-sdk/client-api-gateway";
import type { ApiGatewayPort } from "@/lib/aws/client/api-gateway-port";
import { collectAll } from "@/lib/aws/client/paginate";
import { mapAwsError } from "@/lib/aws/errors/map-aws-error";
import type { PreflightAwsError } from "@/lib/aws/errors/aws-errors";
import type { MissingPart, ModelPart } from "@/lib/model/types";
import type { RawApiSnapshot, RawDeployment } from "@/lib/model/raw-snapshot";
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

/**
 * Reads one REST API with the fewest calls AWS allows: GetRestApi, GetResources (embed=methods, 500
 * a page), GetAuthorizers, GetStages and GetGatewayResponses at once, then GetDeployment
 * (embed=apisummary) for each distinct deployment as soon as the stages are known:
 * ⌈resources/500⌉ + 4 + distinct deployments calls, in two round trips for APIs up to 500 resources.
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
  const deploymentIdsOf = (list: Stage[]) => [
    ...new Set(list.map((s) => s.deploymentId).filter((id): id is string => typeof id === "string" && id !== "")),
  ];
  const deployments = stages.then((list) =>
    Promise.allSettled(
      deploymentIdsOf(list.slice(0, MAX_ITEMS.stages)).map((id) =>
        port.getDeployment(restApiId, id).then((d) => reshapeDeployment(d, id, tallyOf("GetDeployment"))),
      ),
    ),
  );

  const [apiR, resourcesR, authorizersR, gatewayR, stagesR, deploymentsR] = await Promise.allSettled([
    restApi,
    resources,
    authorizers,
    gatewayResponses,
    stages,
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
  // Items without their identity (what a broken proxy or a future version may send) are left out, and the part is
  // listed as incomplete: the rules that need it say "not evaluated" rather than pass on a list with holes.
  const keep = <W, R>(
    part: ModelPart,
    operation: string,
    all: W[],
    reshape: (item: W, tally: WireTally) => R | undefined,
    what: string,
    limit = Number.POSITIVE_INFINITY,
  ) => {
    const kept: R[] = [];
    const items = all.length > limit ? all.slice(0, limit) : all;
    if (items.length < all.length)
      missing.push({
        part,
        operation,
        reason: `${operation} answered ${all.length} ${what.split(" (")[0]}, far beyond API Gateway's quotas; only the first ${limit} were audited.`,
      });
    for (const item of items) {
      const reshaped = reshape(item, tallyOf(operation));
      if (reshaped !== undefined) kept.push(reshaped);
    }
    const dropped = items.length - kept.length;
    if (dropped > 0)
      missing.push({
        part,
        operation,
        reason: `${operation} answered ${dropped} of ${items.length} ${what} without the fields that identify them; they were left out.`,
      });
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
    const stageList = stagesR.value.slice(0, MAX_ITEMS.stages);
    snapshot.stages = keep("stages", "GetStages", stagesR.value, reshapeStage, "stages (stageName)", MAX_ITEMS.stages);
    const ids = deploymentIdsOf(stageList);
    const results = deploymentsR.status === "fulfilled" ? deploymentsR.value : [];
    ids.forEach((id, i) => {
      const result = results[i];
      if (result?.status === "fulfilled") {
        snapshot.deployments[id] = result.value satisfies RawDeployment;
      } else {
        const stageNames = snapshot.stages
          ?.filter((s) => s.deploymentId === id)
          .map((s) => s.stageName)
          .join(", ");
        miss("deployments", "GetDeployment", result?.reason ?? new Error("not read"), `deployment ${id} of stage ${stageNames}`);
      }
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
