import { badRequest, notFound } from "../errors";
import { epochSeconds } from "../ids";
import type { DeploymentState, DeploymentWire, RestApiState } from "../state";
import type { Scope } from "../store";
import { requireApi } from "./lookup";
import { createStage, type CreateStageInput } from "./stages";
import { readCanarySettings } from "./canary";
import { asObject, deepCopy, optString } from "./validate";

/**
 * Deployments freeze the draft API; the data plane only ever serves a deployment's snapshot.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDeployment.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html (embed=apisummary)
 */
export interface CreateDeploymentInput extends Omit<CreateStageInput, "stageName" | "deploymentId" | "description"> {
  stageName?: unknown;
  stageDescription?: unknown;
  description?: unknown;
  /** Deploys as the stage's canary instead of replacing its deployment (API_CreateDeployment.html canarySettings). */
  canarySettings?: unknown;
}

export type ApiSummary = Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>>;

export function createDeployment(scope: Scope, restApiId: string, input: CreateDeploymentInput, id?: string): DeploymentWire {
  const api = requireApi(scope, restApiId);
  checkDeployable(api);
  const stageName = optString(input.stageName, "stageName");
  const wire: DeploymentWire = {
    id: id ?? scope.store.newId(api.deployments),
    description: optString(input.description, "description"),
    createdDate: epochSeconds(scope.store.now()),
  };
  const deployment: DeploymentState = {
    wire,
    snapshot: {
      resources: deepCopy([...api.resources.values()]),
      authorizers: deepCopy([...api.authorizers.values()]),
      gatewayResponses: deepCopy([...api.gatewayResponses.values()]),
      apiKeySource: api.api.apiKeySource ?? "HEADER",
      ...(api.api.binaryMediaTypes ? { binaryMediaTypes: [...api.api.binaryMediaTypes] } : {}),
      ...(api.api.policy ? { policy: api.api.policy } : {}),
    },
  };
  api.deployments.set(wire.id, deployment);
  if (stageName) {
    const existing = api.stages.get(stageName);
    if (existing && input.canarySettings !== undefined && input.canarySettings !== null) {
      const settings = readCanarySettings({ ...asObject(input.canarySettings, "canarySettings"), deploymentId: wire.id }, (id) =>
        api.deployments.has(id),
      );
      if (settings) existing.canarySettings = settings;
      existing.lastUpdatedDate = epochSeconds(scope.store.now());
    } else if (existing) {
      existing.deploymentId = wire.id;
      existing.lastUpdatedDate = epochSeconds(scope.store.now());
      const variables = input.variables as Record<string, string> | undefined;
      if (variables) existing.variables = { ...(existing.variables ?? {}), ...variables };
    } else {
      createStage(scope, restApiId, { ...input, stageName, deploymentId: wire.id, description: input.stageDescription });
    }
  }
  return { ...wire };
}

/** AWS refuses to deploy an API with no methods, or with a method lacking an integration. */
function checkDeployable(api: RestApiState): void {
  let methods = 0;
  for (const resource of api.resources.values()) {
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      methods += 1;
      if (!method.methodIntegration) throw badRequest(`No integration defined for method ${method.httpMethod} ${resource.path}`);
    }
  }
  if (methods === 0) throw badRequest("The REST API doesn't contain any methods");
}

function requireDeployment(api: RestApiState, deploymentId: string): DeploymentState {
  const deployment = api.deployments.get(deploymentId);
  if (!deployment) throw notFound("Invalid Deployment identifier specified");
  return deployment;
}

export function getDeployments(scope: Scope, restApiId: string): DeploymentWire[] {
  return [...requireApi(scope, restApiId).deployments.values()].map((deployment) => ({ ...deployment.wire }));
}

export function getDeployment(
  scope: Scope,
  restApiId: string,
  deploymentId: string,
  embedApiSummary: boolean,
): DeploymentWire & { apiSummary?: ApiSummary } {
  const deployment = requireDeployment(requireApi(scope, restApiId), deploymentId);
  if (!embedApiSummary) return { ...deployment.wire };
  return { ...deployment.wire, apiSummary: apiSummary(deployment) };
}

export function apiSummary(deployment: DeploymentState): ApiSummary {
  const summary: ApiSummary = {};
  for (const resource of deployment.snapshot.resources) {
    const methods = Object.values(resource.resourceMethods ?? {});
    if (methods.length === 0) continue;
    summary[resource.path] = Object.fromEntries(
      methods.map((method) => [method.httpMethod, { authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired }]),
    );
  }
  return summary;
}

export function deleteDeployment(scope: Scope, restApiId: string, deploymentId: string): void {
  const api = requireApi(scope, restApiId);
  requireDeployment(api, deploymentId);
  for (const stage of api.stages.values()) {
    if (stage.deploymentId === deploymentId) {
      throw badRequest("Active stages pointing to this deployment must be moved or deleted");
    }
  }
  api.deployments.delete(deploymentId);
}
