import { flushAuthorizerCache } from "../data-plane/authorizer-cache";
import { badRequest, conflict, notFound } from "../errors";
import { epochSeconds } from "../ids";
import type { StageWire } from "../state";
import type { Scope } from "../store";
import { requireApi, requireStage } from "./lookup";
import { applyCanaryPatch, readCanarySettings } from "./canary";
import { applyMethodSettingPatch } from "./method-settings";
import { splitPatchPath, type PatchOperation } from "./patch";
import { deepCopy, oneOf, optBool, optString, optStringMap, reqString } from "./validate";

/**
 * Stages. https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateStage.html
 * Variable names and values: https://docs.aws.amazon.com/apigateway/latest/developerguide/stage-variables.html
 */
const STAGE_NAME = /^[A-Za-z0-9_-]+$/;
const VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
const VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;
const CACHE_SIZES = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"] as const;

export interface CreateStageInput {
  stageName?: unknown;
  deploymentId?: unknown;
  description?: unknown;
  cacheClusterEnabled?: unknown;
  cacheClusterSize?: unknown;
  variables?: unknown;
  tracingEnabled?: unknown;
  tags?: unknown;
  canarySettings?: unknown;
}

function checkVariables(variables: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (!VARIABLE_NAME.test(name)) throw badRequest(`Invalid stage variable name: ${name}. Names may only contain [A-Za-z0-9_]`);
    if (!VARIABLE_VALUE.test(value))
      throw badRequest(`Invalid stage variable value for ${name}. Values may only contain [A-Za-z0-9-._~:/?#&=,]`);
  }
}

function applyCacheCluster(stage: StageWire): void {
  if (stage.cacheClusterEnabled) {
    stage.cacheClusterSize ??= "0.5";
    stage.cacheClusterStatus = "AVAILABLE";
  } else {
    stage.cacheClusterStatus = "NOT_AVAILABLE";
  }
}

export function createStage(scope: Scope, restApiId: string, input: CreateStageInput): StageWire {
  const api = requireApi(scope, restApiId);
  const stageName = reqString(input.stageName, "stageName");
  if (!STAGE_NAME.test(stageName)) throw badRequest("Stage name only allows a-zA-Z0-9_-");
  const deploymentId = reqString(input.deploymentId, "deploymentId");
  if (!api.deployments.has(deploymentId)) throw notFound("Invalid Deployment identifier specified");
  if (api.stages.has(stageName)) throw conflict("Stage already exists");
  const now = epochSeconds(scope.store.now());
  const variables = optStringMap(input.variables, "variables");
  checkVariables(variables);
  const stage: StageWire = {
    stageName,
    deploymentId,
    description: optString(input.description, "description"),
    createdDate: now,
    lastUpdatedDate: now,
    cacheClusterEnabled: optBool(input.cacheClusterEnabled, "cacheClusterEnabled") ?? false,
    cacheClusterSize: oneOf(optString(input.cacheClusterSize, "cacheClusterSize"), CACHE_SIZES, "cache cluster size"),
    methodSettings: {},
    variables,
    tracingEnabled: optBool(input.tracingEnabled, "tracingEnabled") ?? false,
    tags: optStringMap(input.tags, "tags"),
  };
  const canary = readCanarySettings(input.canarySettings, (id) => api.deployments.has(id));
  if (canary) stage.canarySettings = canary;
  applyCacheCluster(stage);
  api.stages.set(stageName, stage);
  return deepCopy(stage);
}

export function getStages(scope: Scope, restApiId: string, deploymentId?: string): StageWire[] {
  return [...requireApi(scope, restApiId).stages.values()]
    .filter((stage) => !deploymentId || stage.deploymentId === deploymentId)
    .map(deepCopy);
}

export function getStage(scope: Scope, restApiId: string, stageName: string): StageWire {
  return deepCopy(requireStage(requireApi(scope, restApiId), stageName));
}

export function deleteStage(scope: Scope, restApiId: string, stageName: string): void {
  const api = requireApi(scope, restApiId);
  requireStage(api, stageName);
  api.stages.delete(stageName);
  flushAuthorizerCache(restApiId, stageName);
}

const TOP_LEVEL = new Set(["deploymentId", "description", "cacheClusterEnabled", "cacheClusterSize", "tracingEnabled", "variables"]);

export function updateStage(scope: Scope, restApiId: string, stageName: string, operations: PatchOperation[]): StageWire {
  const api = requireApi(scope, restApiId);
  const stage = deepCopy(requireStage(api, stageName));
  for (const operation of operations) {
    const rawSegments = operation.path.slice(1).split("/");
    const [field, key, ...rest] = splitPatchPath(operation.path);
    if (field === "canarySettings") {
      applyCanaryPatch(
        stage,
        operation,
        [key, ...rest].filter((s): s is string => s !== undefined),
        (id) => api.deployments.has(id),
      );
    } else if (field !== undefined && TOP_LEVEL.has(field) && rest.length === 0) {
      applyTopLevel(stage, operation, field, key, (id) => api.deployments.has(id));
    } else {
      applyMethodSettingPatch(stage, operation, rawSegments);
    }
  }
  applyCacheCluster(stage);
  stage.lastUpdatedDate = epochSeconds(scope.store.now());
  api.stages.set(stageName, stage);
  return deepCopy(stage);
}

function applyTopLevel(
  stage: StageWire,
  operation: PatchOperation,
  field: string,
  key: string | undefined,
  deploymentExists: (id: string) => boolean,
): void {
  const invalid = () =>
    badRequest(`Invalid patch path '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
  if (field === "variables") {
    if (!key) throw invalid();
    const variables = { ...(stage.variables ?? {}) };
    if (operation.op === "remove") delete variables[key];
    else if (operation.op === "add" || operation.op === "replace") variables[key] = operation.value ?? "";
    else throw invalid();
    checkVariables(variables);
    stage.variables = variables;
    return;
  }
  if (key !== undefined) throw invalid();
  if (operation.op === "remove" && field === "description") {
    delete stage.description;
    return;
  }
  if (operation.op !== "replace") throw invalid();
  const value = operation.value ?? "";
  switch (field) {
    case "deploymentId":
      if (!deploymentExists(value)) throw badRequest(`Deployment id does not exist: ${value}`);
      stage.deploymentId = value;
      return;
    case "description":
      stage.description = value;
      return;
    case "cacheClusterEnabled":
      stage.cacheClusterEnabled = optBool(value, field) ?? false;
      return;
    case "cacheClusterSize":
      stage.cacheClusterSize = oneOf(value, CACHE_SIZES, "cache cluster size");
      return;
    case "tracingEnabled":
      stage.tracingEnabled = optBool(value, field) ?? false;
      return;
  }
}

/** https://docs.aws.amazon.com/apigateway/latest/api/API_FlushStageAuthorizersCache.html */
export function flushStageAuthorizersCache(scope: Scope, restApiId: string, stageName: string): void {
  requireStage(requireApi(scope, restApiId), stageName);
  flushAuthorizerCache(restApiId, stageName);
}

/** https://docs.aws.amazon.com/apigateway/latest/api/API_FlushStageCache.html */
export function flushStageCache(
  scope: Scope,
  restApiId: string,
  stageName: string,
  flushResponseCache: (apiId: string, stage: string) => void,
): void {
  const stage = requireStage(requireApi(scope, restApiId), stageName);
  if (!stage.cacheClusterEnabled) throw badRequest("Cache cluster is not enabled for this stage");
  flushResponseCache(restApiId, stageName);
}
