import type { EffectiveMethodSettings, StageModel } from "@/lib/model/types";

/**
 * Whether API Gateway actually caches a method's responses on a stage. Nothing is cached without
 * a cache cluster; and "when you enable caching for a stage, only GET methods have caching enabled
 * by default" — other verbs need their own method override
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html).
 */
export function isMethodCached(stage: StageModel, setting: EffectiveMethodSettings): boolean {
  if (!stage.cacheClusterEnabled || !setting.cachingEnabled) return false;
  return setting.httpMethod === "GET" || setting.source === "method";
}

export function cachedMethods(stage: StageModel): EffectiveMethodSettings[] {
  // Without a cache cluster nothing is cached (isMethodCached): the stage's per-method settings, made when first read
  // (lib/model/effective-settings.ts), are not needed at all.
  if (!stage.cacheClusterEnabled) return [];
  return stage.effectiveSettings.filter((setting) => isMethodCached(stage, setting));
}

/** Settings grouped by where a fix belongs: the stage-wide "*\/*" entry (defaults included) or one method's override. */
export type SettingScope = { scope: "stage"; settings: EffectiveMethodSettings[] } | { scope: "method"; setting: EffectiveMethodSettings };

export function byScope(settings: EffectiveMethodSettings[]): SettingScope[] {
  const stageWide = settings.filter((s) => s.source !== "method");
  const scopes: SettingScope[] = stageWide.length > 0 ? [{ scope: "stage", settings: stageWide }] : [];
  for (const setting of settings.filter((s) => s.source === "method")) scopes.push({ scope: "method", setting });
  return scopes;
}
