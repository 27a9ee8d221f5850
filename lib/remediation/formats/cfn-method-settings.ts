import type { DesiredStageSetting } from "@/lib/remediation/desired-state";
import type { StageMethodSetting } from "@/lib/remediation/intents";
import { cfnMethodSettingResourcePath } from "@/lib/remediation/naming";
import { booleanSetting, numberSetting } from "@/lib/remediation/stage-settings";

// AWS::ApiGateway::Stage MethodSetting (SAM's MethodSettings take the same entries):
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html
/** MethodSetting has no property for the cache-control authorization settings; those stay CLI commands. */
export const CFN_METHOD_SETTING_PROPERTIES: Partial<Record<StageMethodSetting, string>> = {
  "caching/enabled": "CachingEnabled",
  "caching/ttlInSeconds": "CacheTtlInSeconds",
  "caching/dataEncrypted": "CacheDataEncrypted",
};

/** CFN/SAM MethodSetting entries, plus the settings they cannot express. */
export function cfnMethodSettings(settings: readonly DesiredStageSetting[]): {
  entries: Array<Record<string, unknown>>;
  unsupported: Array<{ setting: DesiredStageSetting; names: StageMethodSetting[] }>;
} {
  const entries: Array<Record<string, unknown>> = [];
  const unsupported: Array<{ setting: DesiredStageSetting; names: StageMethodSetting[] }> = [];
  for (const setting of settings) {
    const entry: Record<string, unknown> = { ResourcePath: cfnMethodSettingResourcePath(setting.path), HttpMethod: setting.httpMethod };
    const missing: StageMethodSetting[] = [];
    for (const [name, value] of Object.entries(setting.settings) as Array<[StageMethodSetting, string | number | boolean]>) {
      const property = CFN_METHOD_SETTING_PROPERTIES[name];
      if (!property) missing.push(name);
      else entry[property] = name === "caching/ttlInSeconds" ? numberSetting(value) : booleanSetting(value);
    }
    if (Object.keys(entry).length > 2) entries.push(entry);
    if (missing.length > 0) unsupported.push({ setting, names: missing });
  }
  return { entries, unsupported };
}
