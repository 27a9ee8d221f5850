import type { DeploymentModel, DriftItem, MethodSettingsModel, ResourceModel, ServedModel, StageModel } from "@/lib/model/types";
import type { RawDeployment, RawStage } from "@/lib/model/raw-snapshot";
import { remember, reshapeResourcesOnce, type NormalizeCache } from "@/lib/model/normalize-cache";
import { DEFAULT_METHOD_SETTINGS, mergeMethodSetting } from "@/lib/model/method-settings";
import { defineEffectiveSettings } from "@/lib/model/effective-settings";
import { computeDrift } from "@/lib/model/drift";
import { reshapeSummary } from "@/lib/model/reshape-summary";
import { defineApiSummary } from "@/lib/model/deployed-paths";

/** No real deployment has an empty API summary (AWS refuses to deploy an API without methods). */
export function isUnknownDeployment(raw: RawDeployment): boolean {
  return !raw.served && Object.keys(raw.apiSummary ?? {}).length === 0;
}

export const UNKNOWN_DEPLOYMENT =
  "What this stage serves is unknown: the endpoint answered GetDeployment (embed=apisummary) with an empty summary, which no real deployment has. The stage is evaluated as if it served the current configuration.";

export function reshapeDeployment(raw: RawDeployment, warn: (m: string) => void = () => {}, cache?: NormalizeCache): DeploymentModel {
  const model = { id: raw.id } as DeploymentModel;
  defineApiSummary(model, reshapeSummary(raw.apiSummary, warn));
  if (raw.description !== undefined) model.description = raw.description;
  if (raw.createdDate !== undefined) model.createdDate = raw.createdDate;
  if (raw.served) {
    const served: ServedModel = {
      source: raw.served.source,
      resources: reshapeResourcesOnce(raw.served.resources, warn, cache),
      filledFromDraft: [...raw.served.filledFromDraft],
    };
    if (raw.served.exportedStage !== undefined) served.exportedStage = raw.served.exportedStage;
    model.served = served;
  }
  return model;
}

const EMPTY_RESOURCES: readonly ResourceModel[] = Object.freeze([]);

function deploymentOnce(raw: RawDeployment, warn: (m: string) => void, cache: NormalizeCache | undefined): DeploymentModel {
  return cache ? remember(cache.deployments, raw, warn, (say) => reshapeDeployment(raw, say, cache)) : reshapeDeployment(raw, warn);
}

function driftOnce(deployment: DeploymentModel, resources: ResourceModel[], cache: NormalizeCache | undefined): DriftItem[] {
  if (!cache) return computeDrift(deployment, resources);
  let byResources = cache.drift.get(deployment);
  if (!byResources) cache.drift.set(deployment, (byResources = new Map()));
  let drift = byResources.get(resources);
  if (!drift) byResources.set(resources, (drift = computeDrift(deployment, resources)));
  return drift;
}

export function reshapeStage(
  raw: RawStage,
  deployment: RawDeployment | undefined,
  resources: ResourceModel[] | undefined,
  warn: (m: string) => void = () => {},
  canaryDeployment?: (id: string) => RawDeployment | undefined,
  cache?: NormalizeCache,
): StageModel {
  const unknown = deployment !== undefined && isUnknownDeployment(deployment);
  const deploymentModel = deployment && !unknown ? deploymentOnce(deployment, warn, cache) : undefined;
  const cacheClusterEnabled = raw.cacheClusterEnabled ?? false;
  const methodSettings: Record<string, MethodSettingsModel> = {};
  for (const key of Object.keys(raw.methodSettings ?? {}).sort()) {
    const setting = raw.methodSettings?.[key];
    methodSettings[key] = mergeMethodSetting(DEFAULT_METHOD_SETTINGS, setting);
    const strategy = setting?.unauthorizedCacheControlHeaderStrategy;
    // mergeMethodSetting keeps the default for a value it does not know; the user is told.
    if (strategy !== undefined && methodSettings[key]?.unauthorizedCacheControlHeaderStrategy !== strategy)
      warn(
        `Stage ${raw.stageName}, method setting ${key}, has an unknown unauthorizedCacheControlHeaderStrategy "${strategy}"; the default was used.`,
      );
  }
  // effectiveSettings and drift are added next, in this key order (the model's JSON keeps it).
  const stage = {
    name: raw.stageName,
    deploymentId: raw.deploymentId ?? "",
    cacheClusterEnabled,
    tracingEnabled: raw.tracingEnabled ?? false,
    variableNames: [...raw.variableNames].sort(),
    methodSettings,
  } as StageModel;
  // Made when first read (effective-settings.ts): in an audit, only a stage with a cache cluster needs them.
  defineEffectiveSettings(stage, {
    deployment: deploymentModel,
    resources: resources ?? EMPTY_RESOURCES,
    methodSettings: raw.methodSettings,
    cacheClusterEnabled,
    memo: cache?.settings,
  });
  // Drift needs both sides; without the deployment or the current resources there is nothing to compare.
  stage.drift = deploymentModel && resources ? driftOnce(deploymentModel, resources, cache) : [];
  if (raw.description !== undefined) stage.description = raw.description;
  if (raw.createdDate !== undefined) stage.createdDate = raw.createdDate;
  if (raw.lastUpdatedDate !== undefined) stage.lastUpdatedDate = raw.lastUpdatedDate;
  if (raw.cacheClusterSize !== undefined) stage.cacheClusterSize = raw.cacheClusterSize;
  if (raw.cacheClusterStatus !== undefined) stage.cacheClusterStatus = raw.cacheClusterStatus;
  if (raw.webAclArn) stage.webAclArn = raw.webAclArn;
  if (raw.variableShapes) stage.variableShapes = { ...raw.variableShapes };
  if (deploymentModel) stage.deployment = deploymentModel;
  if (unknown) stage.deploymentUnknown = UNKNOWN_DEPLOYMENT;
  const canary = raw.canarySettings;
  if (canary?.deploymentId) {
    const rawCanary = canaryDeployment?.(canary.deploymentId);
    const canaryModel = rawCanary && !isUnknownDeployment(rawCanary) ? deploymentOnce(rawCanary, warn, cache) : undefined;
    stage.canary = {
      deploymentId: canary.deploymentId,
      percentTraffic: canary.percentTraffic ?? 0,
      useStageCache: canary.useStageCache ?? false,
      variableOverrideNames: [...(canary.variableOverrideNames ?? [])].sort(),
      ...(canaryModel ? { deployment: canaryModel } : {}),
      drift: canaryModel && resources ? driftOnce(canaryModel, resources, cache) : [],
    };
  }
  return stage;
}
