/**
 * Reference copy (a test oracle, never used by the product) of lib/model/method-settings.ts as it was on main 29ed0d8, before the
 * normaliser's second speed pass (issue 16). normalize-differential.test.ts normalises every seed, every corpus template and
 * random snapshots with both and requires the same JSON and the same warnings. Kept as it was: do not optimise it.
 */
import type { CacheControlStrategy, EffectiveMethodSettings, HttpVerb, MethodSettingsModel } from "@/lib/model/types";
import type { RawMethodSetting } from "@/lib/model/raw-snapshot";

// Stage-wide key: "Keys ... are method paths defined as {resource_path}/{http_method} for an individual
// method override, or /*/* for overriding all methods in the stage" (the map itself uses "*/*"):
// https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html
export const STAGE_WIDE_KEY = "*/*";

const STRATEGIES: readonly CacheControlStrategy[] = ["FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"];

// Defaults when neither the stage nor the method sets a value: caching off, TTL 300 s, cache
// invalidation requires authorization, unauthorized invalidation answers with a warning header:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
export const DEFAULT_METHOD_SETTINGS: Readonly<MethodSettingsModel> = Object.freeze({
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
  metricsEnabled: false,
  dataTraceEnabled: false,
});

/**
 * Escapes a resource path the way method settings keys and patch paths do: JSON-pointer style,
 * "~" → "~0" and "/" → "~1" (https://docs.aws.amazon.com/apigateway/latest/api/patch-operations.html).
 */
export function escapeResourcePath(path: string): string {
  return path.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapeResourcePath(escaped: string): string {
  return escaped.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The methodSettings key of one method, e.g. "/orders/{id}" GET → "~1orders~1{id}/GET". */
export function methodSettingsKey(path: string, httpMethod: string): string {
  return `${escapeResourcePath(path)}/${httpMethod}`;
}

export type ParsedSettingsKey =
  { scope: "stage" } | { scope: "method"; path: string; httpMethod: string } | { scope: "path"; path: string };

/** Parses "*\/*", "~1orders~1{id}/GET" or "~1orders/*"; undefined for a key of another shape. */
export function parseMethodSettingsKey(key: string): ParsedSettingsKey | undefined {
  if (key === STAGE_WIDE_KEY) return { scope: "stage" };
  const slash = key.lastIndexOf("/");
  if (slash <= 0 || slash === key.length - 1) return undefined;
  const escapedPath = key.slice(0, slash);
  const verb = key.slice(slash + 1);
  // An escaped path never contains a raw "/" and always starts with "~1" (every path starts with "/").
  if (escapedPath.includes("/") || !escapedPath.startsWith("~1")) return undefined;
  const path = unescapeResourcePath(escapedPath);
  return verb === "*" ? { scope: "path", path } : { scope: "method", path, httpMethod: verb };
}

/** Fills a raw MethodSetting (as configured) on top of a base; undefined fields keep the base value. */
export function mergeMethodSetting(base: MethodSettingsModel, raw: RawMethodSetting | undefined): MethodSettingsModel {
  if (!raw) return { ...base };
  const merged: MethodSettingsModel = { ...base };
  if (raw.cachingEnabled !== undefined) merged.cachingEnabled = raw.cachingEnabled;
  if (raw.cacheTtlInSeconds !== undefined) merged.cacheTtlInSeconds = raw.cacheTtlInSeconds;
  if (raw.cacheDataEncrypted !== undefined) merged.cacheDataEncrypted = raw.cacheDataEncrypted;
  if (raw.requireAuthorizationForCacheControl !== undefined)
    merged.requireAuthorizationForCacheControl = raw.requireAuthorizationForCacheControl;
  const strategy = STRATEGIES.find((s) => s === raw.unauthorizedCacheControlHeaderStrategy);
  if (strategy) merged.unauthorizedCacheControlHeaderStrategy = strategy;
  if (raw.throttlingBurstLimit !== undefined) merged.throttlingBurstLimit = raw.throttlingBurstLimit;
  if (raw.throttlingRateLimit !== undefined) merged.throttlingRateLimit = raw.throttlingRateLimit;
  if (raw.metricsEnabled !== undefined) merged.metricsEnabled = raw.metricsEnabled;
  if (raw.loggingLevel !== undefined) merged.loggingLevel = raw.loggingLevel;
  if (raw.dataTraceEnabled !== undefined) merged.dataTraceEnabled = raw.dataTraceEnabled;
  return merged;
}

export interface StageCacheContext {
  /** The stage's cache cluster: "A cache cluster must be enabled on the stage for responses to be cached."
   * (https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html) */
  cacheClusterEnabled: boolean;
}

/**
 * Effective settings of one method: defaults, then "*\/*", then "<path>/*", then the method's own key.
 * Caching switched on stage-wide covers GET only; other verbs cache only through their own override
 * ("When you enable caching for a stage, only GET methods have caching enabled by default"):
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
 */
export function effectiveMethodSettings(
  raw: Record<string, RawMethodSetting> | undefined,
  path: string,
  httpMethod: HttpVerb,
  stage: StageCacheContext,
): EffectiveMethodSettings {
  return methodSettingsResolver(raw, stage)(path, httpMethod);
}

/**
 * effectiveMethodSettings for many methods of one stage: the stage-wide layer is merged once, and a stage with no
 * per-path or per-method key skips the key escaping per method (10,000 methods, issue 16). Same values, same key order:
 * merging an absent layer only copied the object.
 */
export function methodSettingsResolver(
  raw: Record<string, RawMethodSetting> | undefined,
  stage: StageCacheContext,
): (path: string, httpMethod: HttpVerb) => EffectiveMethodSettings {
  const settings = raw ?? {};
  const stageWide = settings[STAGE_WIDE_KEY];
  const stageMerged = mergeMethodSetting(DEFAULT_METHOD_SETTINGS, stageWide);
  const stageOptional = optionalKeys(stageMerged);
  const stageSource: EffectiveMethodSettings["source"] = stageWide ? "stage" : "default";
  const overrides = Object.keys(settings).some((key) => key !== STAGE_WIDE_KEY);
  return (path, httpMethod) => {
    const pathWide = overrides ? settings[`${escapeResourcePath(path)}/*`] : undefined;
    const own = overrides ? settings[methodSettingsKey(path, httpMethod)] : undefined;
    if (!pathWide && !own) {
      const caching = httpMethod === "GET" && stageMerged.cachingEnabled;
      return effectiveEntry(stageMerged, stageOptional, stage.cacheClusterEnabled && caching, path, httpMethod, stageSource);
    }
    let merged = stageMerged;
    if (pathWide) merged = mergeMethodSetting(merged, pathWide);
    if (own) merged = mergeMethodSetting(merged, own);
    const ownCaching = own?.cachingEnabled ?? pathWide?.cachingEnabled;
    const cachingSetting = ownCaching !== undefined ? ownCaching : httpMethod === "GET" && merged.cachingEnabled;
    return effectiveEntry(merged, optionalKeys(merged), stage.cacheClusterEnabled && cachingSetting, path, httpMethod, "method");
  };
}

// The fields every merged setting has, in DEFAULT_METHOD_SETTINGS' order (mergeMethodSetting copies the defaults first).
const BASE_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_METHOD_SETTINGS));

/** The optional fields (throttling, logging level) a merged setting has, in the order they were set. */
function optionalKeys(merged: MethodSettingsModel): Array<keyof MethodSettingsModel> {
  return (Object.keys(merged) as Array<keyof MethodSettingsModel>).filter((key) => !BASE_KEYS.has(key));
}

/**
 * `{ ...merged, cachingEnabled, path, httpMethod, source }` with the same key order, built as a literal: a stage has one
 * entry per method, and an object spread per entry cost more than the rest of the stage together (issue 16).
 */
function effectiveEntry(
  merged: MethodSettingsModel,
  optional: ReadonlyArray<keyof MethodSettingsModel>,
  cachingEnabled: boolean,
  path: string,
  httpMethod: HttpVerb,
  source: EffectiveMethodSettings["source"],
): EffectiveMethodSettings {
  const entry: Record<string, unknown> = {
    cachingEnabled,
    cacheTtlInSeconds: merged.cacheTtlInSeconds,
    cacheDataEncrypted: merged.cacheDataEncrypted,
    requireAuthorizationForCacheControl: merged.requireAuthorizationForCacheControl,
    unauthorizedCacheControlHeaderStrategy: merged.unauthorizedCacheControlHeaderStrategy,
    metricsEnabled: merged.metricsEnabled,
    dataTraceEnabled: merged.dataTraceEnabled,
  };
  for (const key of optional) entry[key] = merged[key];
  entry.path = path;
  entry.httpMethod = httpMethod;
  entry.source = source;
  return entry as unknown as EffectiveMethodSettings;
}
