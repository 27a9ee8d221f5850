/**
 * SAM's `Globals` merge, as the translator does it (samtranslator/plugins/globals/globals.py,
 * `GlobalProperties._do_merge`): dictionaries merge key by key with the resource's own value winning on a
 * conflict; two lists concatenate (globals first, then the resource's own); anything else, or two values of
 * different kinds, is the resource's own value. An intrinsic function counts as a scalar (`_token_of`).
 */
import { intrinsicName, isRecord, type JsonRecord } from "@/lib/templates/openapi/values";
import { setOwnKey } from "@/lib/templates/index-keys";

// samtranslator/plugins/globals/globals.py `Globals.supported_properties[AWS::Serverless::Api]`: everything but
// DefinitionBody ("hard to reason about merge of Swagger dictionaries") and StageName.
export const GLOBAL_API_PROPERTIES: readonly string[] = [
  "Auth",
  "Name",
  "DefinitionUri",
  "CacheClusterEnabled",
  "CacheClusterSize",
  "MergeDefinitions",
  "Variables",
  "EndpointConfiguration",
  "MethodSettings",
  "BinaryMediaTypes",
  "MinimumCompressionSize",
  "Cors",
  "GatewayResponses",
  "AccessLogSetting",
  "CanarySetting",
  "TracingEnabled",
  "OpenApiVersion",
  "Domain",
  "AlwaysDeploy",
  "PropagateTags",
  "SecurityPolicy",
  "EndpointAccessMode",
];

type Token = "primitive" | "dict" | "list";

function tokenOf(value: unknown): Token {
  if (Array.isArray(value)) return "list";
  if (isRecord(value)) return intrinsicName(value) ? "primitive" : "dict";
  return "primitive";
}

export function mergeGlobal(globalValue: unknown, localValue: unknown): unknown {
  const g = tokenOf(globalValue);
  const l = tokenOf(localValue);
  if (g !== l || g === "primitive") return localValue;
  if (g === "list") return [...(globalValue as unknown[]), ...(localValue as unknown[])];
  const merged: JsonRecord = {};
  for (const [key, value] of Object.entries(globalValue as JsonRecord)) define(merged, key, value);
  for (const [key, value] of Object.entries(localValue as JsonRecord)) {
    define(merged, key, Object.hasOwn(merged, key) ? mergeGlobal(merged[key], value) : value);
  }
  return merged;
}

/** The resource's properties with the `Globals.Api` section merged in (only the properties SAM lets Globals set). */
export function mergeApiGlobals(globals: JsonRecord | undefined, properties: JsonRecord): JsonRecord {
  if (!globals) return properties;
  const supported: JsonRecord = {};
  for (const key of Object.keys(globals)) if (GLOBAL_API_PROPERTIES.includes(key)) define(supported, key, globals[key]);
  return mergeGlobal(supported, properties) as JsonRecord;
}

function define(record: JsonRecord, key: string, value: unknown): void {
  setOwnKey(record, key, value);
}
