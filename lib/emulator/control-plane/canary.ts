import { badRequest } from "../errors";
import type { CanarySettingsWire, StageWire } from "../state";
import type { PatchOperation } from "./patch";
import { asObject, optBool, optString, optStringMap } from "./validate";

/**
 * A stage's canary release (https://docs.aws.amazon.com/apigateway/latest/api/API_CanarySettings.html): set with
 * CreateStage's `canarySettings`, CreateDeployment's `canarySettings` (the new deployment becomes the canary) or
 * UpdateStage patches under /canarySettings (percentTraffic, deploymentId, useStageCache,
 * stageVariableOverrides/{name}; `remove /canarySettings` deletes the canary), as the canary-release guide's CLI
 * examples use them (https://docs.aws.amazon.com/apigateway/latest/developerguide/canary-release.html).
 */
export function readPercent(value: unknown): number {
  const percent = typeof value === "string" ? Number(value) : value;
  if (typeof percent !== "number" || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw badRequest("Canary traffic percentage must be between 0.0 and 100.0");
  }
  return percent;
}

export function readCanarySettings(value: unknown, deploymentExists: (id: string) => boolean): CanarySettingsWire | undefined {
  if (value === undefined || value === null) return undefined;
  const input = asObject(value, "canarySettings");
  const canary: CanarySettingsWire = {};
  const deploymentId = optString(input.deploymentId, "canarySettings.deploymentId");
  if (deploymentId !== undefined) {
    if (!deploymentExists(deploymentId)) throw badRequest(`Deployment id does not exist: ${deploymentId}`);
    canary.deploymentId = deploymentId;
  }
  canary.percentTraffic = input.percentTraffic === undefined ? 0 : readPercent(input.percentTraffic);
  const overrides = optStringMap(input.stageVariableOverrides, "canarySettings.stageVariableOverrides");
  if (overrides) canary.stageVariableOverrides = overrides;
  canary.useStageCache = optBool(input.useStageCache, "canarySettings.useStageCache") ?? false;
  return canary;
}

/** One UpdateStage operation under /canarySettings; `segments` follow "canarySettings". */
export function applyCanaryPatch(
  stage: StageWire,
  operation: PatchOperation,
  segments: string[],
  deploymentExists: (id: string) => boolean,
): void {
  const invalid = () =>
    badRequest(`Invalid patch path '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
  const [field, name, ...rest] = segments;
  if (field === undefined) {
    if (operation.op !== "remove") throw invalid();
    delete stage.canarySettings;
    return;
  }
  if (rest.length > 0) throw invalid();
  const canary: CanarySettingsWire = { ...(stage.canarySettings ?? { percentTraffic: 0, useStageCache: false }) };
  if (field === "stageVariableOverrides") {
    if (!name) throw invalid();
    const overrides = { ...(canary.stageVariableOverrides ?? {}) };
    if (operation.op === "remove") delete overrides[name];
    else if (operation.op === "add" || operation.op === "replace") overrides[name] = operation.value ?? "";
    else throw invalid();
    canary.stageVariableOverrides = overrides;
  } else {
    if (name !== undefined || operation.op !== "replace") throw invalid();
    const value = operation.value ?? "";
    if (field === "percentTraffic") canary.percentTraffic = readPercent(value);
    else if (field === "useStageCache") canary.useStageCache = optBool(value, field) ?? false;
    else if (field === "deploymentId") {
      if (!deploymentExists(value)) throw badRequest(`Deployment id does not exist: ${value}`);
      canary.deploymentId = value;
    } else throw invalid();
  }
  stage.canarySettings = canary;
}
