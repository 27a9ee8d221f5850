/**
 * The stage SAM creates for an API (api_generator.py `_construct_stage`): StageName (the implicit API's is
 * "Prod"), CacheClusterEnabled/Size, MethodSettings, Variables (names only), TracingEnabled.
 */
import type { RawMethodSetting, RawStage } from "@/lib/model/raw-snapshot";
import { methodSettingsKeyOf } from "@/lib/templates/cloudformation/element-parts";
import { isRecord, placeholderText, type JsonRecord } from "@/lib/templates/openapi/values";

export interface StageReading {
  stage: RawStage;
  /**
   * The stage named "Stage" SAM also deploys unless OpenApiVersion is set: "For reasons of backwards
   * compatibility, SAM creates a stage called Stage by default. Setting this property to any valid value will
   * prevent the creation of the auto-generated stage Stage" (SAM developer guide, AWS::Serverless::Api
   * OpenApiVersion; api_generator.py `_construct_deployment`: Deployment StageName "Stage" unless
   * `remove_extra_stage`). It has none of the configured stage settings.
   */
  extraStage?: RawStage;
  problems: string[];
}

const SETTING_FIELDS: Record<string, keyof RawMethodSetting> = {
  MetricsEnabled: "metricsEnabled",
  LoggingLevel: "loggingLevel",
  DataTraceEnabled: "dataTraceEnabled",
  ThrottlingBurstLimit: "throttlingBurstLimit",
  ThrottlingRateLimit: "throttlingRateLimit",
  CachingEnabled: "cachingEnabled",
  CacheTtlInSeconds: "cacheTtlInSeconds",
  CacheDataEncrypted: "cacheDataEncrypted",
};

/**
 * SAM's MethodSettings are CloudFormation MethodSettings, keyed as the CloudFormation reader keys them. SAM templates
 * commonly write the path unencoded ("/pets/{id}", as SAM's own docs do), so that is read without a note here.
 */
export function methodSettingKey(resourcePath: string, httpMethod: string): string {
  return methodSettingsKeyOf(resourcePath, httpMethod.toUpperCase(), () => {});
}

export function readStage(properties: JsonRecord, implicit: boolean): StageReading {
  const problems: string[] = [];
  const stageName = implicit ? "Prod" : (placeholderText(properties.StageName) ?? "");
  if (!stageName) problems.push("StageName is missing or not a string");
  const stage: RawStage = {
    stageName: stageName || "(unnamed)",
    variableNames: isRecord(properties.Variables) ? Object.keys(properties.Variables) : [],
  };
  if (typeof properties.CacheClusterEnabled === "boolean") stage.cacheClusterEnabled = properties.CacheClusterEnabled;
  else if (properties.CacheClusterEnabled !== undefined) problems.push("CacheClusterEnabled is not a literal boolean");
  const size = placeholderText(properties.CacheClusterSize);
  if (size !== undefined) stage.cacheClusterSize = size;
  if (typeof properties.TracingEnabled === "boolean") stage.tracingEnabled = properties.TracingEnabled;
  if (properties.MethodSettings !== undefined) {
    if (!Array.isArray(properties.MethodSettings)) problems.push("MethodSettings is not a list");
    else {
      const settings: Record<string, RawMethodSetting> = {};
      properties.MethodSettings.forEach((raw, index) => {
        if (!isRecord(raw) || typeof raw.ResourcePath !== "string" || typeof raw.HttpMethod !== "string") {
          problems.push(`MethodSettings[${index}] has no literal ResourcePath and HttpMethod`);
          return;
        }
        const setting: RawMethodSetting = {};
        for (const [field, target] of Object.entries(SETTING_FIELDS)) {
          const value = raw[field];
          if (value === undefined) continue;
          if (typeof value === "boolean" || typeof value === "number" || typeof value === "string")
            (setting as Record<string, unknown>)[target] = value;
          else problems.push(`MethodSettings[${index}].${field} is not a literal value`);
        }
        Object.defineProperty(settings, methodSettingKey(raw.ResourcePath, raw.HttpMethod), {
          value: setting,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
      stage.methodSettings = settings;
    }
  }
  const reading: StageReading = { stage, problems };
  const openApiVersion = properties.OpenApiVersion;
  const versionSet = openApiVersion !== undefined && openApiVersion !== null && openApiVersion !== "" && openApiVersion !== false;
  if (!versionSet && stage.stageName !== "Stage") reading.extraStage = { stageName: "Stage", variableNames: [] };
  return reading;
}
