import "server-only";
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

// API Gateway's largest page: "The default value is 25 and the maximum value is 500."
// https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
export const MAX_PAGE_SIZE = 500;

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
  const deployments = stages.then((list) => {
    const ids = [...new Set(list.map((s) => s.deploymentId).filter((id): id is string => !!id))];
    return Promise.allSettled(ids.map((id) => port.getDeployment(restApiId, id).then((d) => reshapeDeployment(d, id))));
  });

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
    restApi: reshapeRestApi(apiR.value, restApiId),
    deployments: {},
    missing,
  };
  if (resourcesR.status === "fulfilled") snapshot.resources = resourcesR.value.map(reshapeResource);
  else miss("resources", "GetResources", resourcesR.reason);
  if (authorizersR.status === "fulfilled") snapshot.authorizers = authorizersR.value.map(reshapeAuthorizer);
  else miss("authorizers", "GetAuthorizers", authorizersR.reason);
  if (gatewayR.status === "fulfilled") snapshot.gatewayResponses = gatewayR.value.map(reshapeGatewayResponse);
  else miss("gatewayResponses", "GetGatewayResponses", gatewayR.reason);
  if (stagesR.status === "fulfilled") {
    snapshot.stages = stagesR.value.map(reshapeStage);
    const ids = [...new Set(stagesR.value.map((s) => s.deploymentId).filter((id): id is string => !!id))];
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
  return { ok: true, snapshot };
}
