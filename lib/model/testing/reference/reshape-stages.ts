/**
 * Reference copy (a test oracle, never used by the product) of lib/model/reshape-stages.ts as it was on main 29ed0d8, before the
 * normaliser's second speed pass (issue 16). normalize-differential.test.ts normalises every seed, every corpus template and
 * random snapshots with both and requires the same JSON and the same warnings. Kept as it was: do not optimise it.
 */
import {
  AUTHORIZATION_TYPES,
  type AuthorizationType,
  type DeployedMethodSummary,
  type DeploymentModel,
  type DriftItem,
  type EffectiveMethodSettings,
  type HttpVerb,
  type MethodSettingsModel,
  type ResourceModel,
  type ServedModel,
  type StageModel,
} from "@/lib/model/types";
import type { RawDeployment, RawMethodSetting, RawStage } from "@/lib/model/raw-snapshot";
import { remember, reshapeResourcesOnce, type NormalizeCache } from "@/lib/model/testing/reference/normalize-cache";
import { DEFAULT_METHOD_SETTINGS, methodSettingsResolver, mergeMethodSetting } from "@/lib/model/method-settings";
import { computeDrift } from "@/lib/model/testing/reference/drift";
import {
  comparePaths,
  compareVerbs,
  isAuthorizationType,
  isHttpVerb,
  toAuthorizationType,
} from "@/lib/model/testing/reference/reshape-resources";

/** No real deployment has an empty API summary (AWS refuses to deploy an API without methods). */
export function isUnknownDeployment(raw: RawDeployment): boolean {
  return !raw.served && Object.keys(raw.apiSummary ?? {}).length === 0;
}

export const UNKNOWN_DEPLOYMENT =
  "What this stage serves is unknown: the endpoint answered GetDeployment (embed=apisummary) with an empty summary, which no real deployment has. The stage is evaluated as if it served the current configuration.";

export function reshapeDeployment(raw: RawDeployment, warn: (m: string) => void = () => {}, cache?: NormalizeCache): DeploymentModel {
  const apiSummary: DeploymentModel["apiSummary"] = {};
  const rawSummary = raw.apiSummary ?? {};
  for (const path of inOrder(Object.keys(rawSummary), comparePaths)) {
    const verbs: Partial<Record<HttpVerb, DeployedMethodSummary>> = {};
    const rawVerbs = rawSummary[path] ?? {};
    for (const verb of inOrder(Object.keys(rawVerbs), compareVerbs)) {
      if (!isHttpVerb(verb)) continue;
      const summary = rawVerbs[verb];
      const given = summary?.authorizationType;
      const authorizationType: AuthorizationType =
        given !== undefined && isAuthorizationType(given) ? given : toAuthorizationType(given, warn, `Deployed ${verb} ${path}`);
      verbs[verb] = deployedSummary(authorizationType, summary?.apiKeyRequired ?? false);
    }
    apiSummary[path] = verbs;
  }
  const model: DeploymentModel = { id: raw.id, apiSummary };
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

// A deployed method's summary is one of eight values; each is one shared frozen object rather than a copy per method
// (a 10,000-method deployment held 10,000 of them, issue 16). Models are read-only once normalized.
const SUMMARIES = new Map<boolean, Record<string, DeployedMethodSummary>>(
  [false, true].map((apiKeyRequired) => [
    apiKeyRequired,
    Object.fromEntries(
      AUTHORIZATION_TYPES.map((authorizationType) => [authorizationType, Object.freeze({ authorizationType, apiKeyRequired })]),
    ),
  ]),
);

function deployedSummary(authorizationType: AuthorizationType, apiKeyRequired: boolean): DeployedMethodSummary {
  return SUMMARIES.get(apiKeyRequired)?.[authorizationType] ?? { authorizationType, apiKeyRequired };
}

/** The keys sorted by compare; a list already in order (as the reader and the templates give it) is not sorted again. */
function inOrder(keys: string[], compare: (a: string, b: string) => number): string[] {
  for (let i = 1; i < keys.length; i++) if (compare(keys[i - 1]!, keys[i]!) > 0) return keys.sort(compare);
  return keys;
}

interface ServedMethod {
  path: string;
  httpMethod: HttpVerb;
}

/** Methods a stage serves, in path then verb order: the deployment's summary, or the draft's methods when the deployment is unknown. */
function servedMethods(deployment: DeploymentModel | undefined, resources: readonly ResourceModel[]): ServedMethod[] {
  const methods: ServedMethod[] = [];
  if (deployment) {
    const summary = deployment.apiSummary;
    for (const path in summary) {
      if (!Object.hasOwn(summary, path)) continue;
      const verbs = summary[path]!;
      for (const httpMethod in verbs) if (Object.hasOwn(verbs, httpMethod)) methods.push({ path, httpMethod: httpMethod as HttpVerb });
    }
  } else {
    for (const resource of resources)
      for (const method of resource.methods) methods.push({ path: method.path, httpMethod: method.httpMethod });
  }
  // Usually in order already (reshapeDeployment sorts the summary, the resources are sorted): the check replaces the sort.
  for (let i = 1; i < methods.length; i++) if (byPathAndVerb(methods[i - 1]!, methods[i]!) > 0) return methods.sort(byPathAndVerb);
  return methods;
}

function byPathAndVerb(a: ServedMethod, b: ServedMethod): number {
  return comparePaths(a.path, b.path) || compareVerbs(a.httpMethod, b.httpMethod);
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

/** One entry per method the stage serves (the deployment's, or the draft's when the deployment is unknown). */
function effectiveSettingsOnce(
  deployment: DeploymentModel | undefined,
  resources: readonly ResourceModel[],
  methodSettings: Record<string, RawMethodSetting> | undefined,
  cacheClusterEnabled: boolean,
  cache: NormalizeCache | undefined,
): EffectiveMethodSettings[] {
  const make = () => {
    const settingsOf = methodSettingsResolver(methodSettings, { cacheClusterEnabled });
    return servedMethods(deployment, resources).map(({ path, httpMethod }) => settingsOf(path, httpMethod));
  };
  if (!cache) return make();
  const served = deployment ?? resources;
  let bySettings = cache.settings.get(served);
  if (!bySettings) cache.settings.set(served, (bySettings = new Map()));
  let known = bySettings.get(methodSettings);
  if (!known) bySettings.set(methodSettings, (known = []));
  const found = known.find((entry) => entry.cluster === cacheClusterEnabled);
  if (found) return found.settings;
  const settings = make();
  known.push({ cluster: cacheClusterEnabled, settings });
  return settings;
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
  const effectiveSettings = effectiveSettingsOnce(
    deploymentModel,
    resources ?? EMPTY_RESOURCES,
    raw.methodSettings,
    cacheClusterEnabled,
    cache,
  );
  const stage: StageModel = {
    name: raw.stageName,
    deploymentId: raw.deploymentId ?? "",
    cacheClusterEnabled,
    tracingEnabled: raw.tracingEnabled ?? false,
    variableNames: [...raw.variableNames].sort(),
    methodSettings,
    effectiveSettings,
    // Drift needs both sides; without the deployment or the current resources there is nothing to compare.
    drift: deploymentModel && resources ? driftOnce(deploymentModel, resources, cache) : [],
  };
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
