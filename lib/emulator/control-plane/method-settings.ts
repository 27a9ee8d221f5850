import { badRequest } from "../errors";
import type { MethodSettingWire, StageWire } from "../state";
import { escapeSegment, unescapeSegment, type PatchOperation } from "./patch";
import { optBool, optInt } from "./validate";

/**
 * Stage method settings patched through UpdateStage paths `/{resourcePath}/{verb}/{setting}`,
 * `resourcePath` being `~1`-escaped (`/~1users~1{id}/GET/caching/enabled`) or `*` (`/*\/*\/…`).
 * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateStage.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html
 */
export const DEFAULT_METHOD_SETTING: MethodSettingWire = {
  metricsEnabled: false,
  loggingLevel: "OFF",
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER",
};

type Setter = (setting: MethodSettingWire, value: string) => void;

const bool = (value: string, name: string) => {
  const flag = optBool(value, name);
  if (flag === undefined) throw badRequest(`Invalid value for ${name}`);
  return flag;
};

const SETTERS: Record<string, Setter> = {
  "metrics/enabled": (s, v) => {
    s.metricsEnabled = bool(v, "metrics/enabled");
  },
  "logging/loglevel": (s, v) => {
    if (!["OFF", "ERROR", "INFO"].includes(v)) throw badRequest("Invalid logging level: valid values are OFF, ERROR, INFO");
    s.loggingLevel = v;
  },
  "logging/dataTrace": (s, v) => {
    s.dataTraceEnabled = bool(v, "logging/dataTrace");
  },
  "throttling/burstLimit": (s, v) => {
    s.throttlingBurstLimit = optInt(v, "throttling/burstLimit") ?? 0;
  },
  "throttling/rateLimit": (s, v) => {
    const rate = Number(v);
    if (!Number.isFinite(rate) || rate < 0) throw badRequest("Invalid value for throttling/rateLimit");
    s.throttlingRateLimit = rate;
  },
  "caching/enabled": (s, v) => {
    s.cachingEnabled = bool(v, "caching/enabled");
  },
  "caching/ttlInSeconds": (s, v) => {
    const ttl = optInt(v, "caching/ttlInSeconds") ?? 0;
    // "The default is 300 seconds ... The maximum TTL value is 3600 seconds" (api-gateway-caching.html).
    if (ttl < 0 || ttl > 3600) throw badRequest("Cache TTL must be between 0 and 3600 seconds");
    s.cacheTtlInSeconds = ttl;
  },
  "caching/dataEncrypted": (s, v) => {
    s.cacheDataEncrypted = bool(v, "caching/dataEncrypted");
  },
  "caching/requireAuthorizationForCacheControl": (s, v) => {
    s.requireAuthorizationForCacheControl = bool(v, "caching/requireAuthorizationForCacheControl");
  },
  "caching/unauthorizedCacheControlHeaderStrategy": (s, v) => {
    const allowed = ["FAIL_WITH_403", "SUCCEED_WITH_RESPONSE_HEADER", "SUCCEED_WITHOUT_RESPONSE_HEADER"] as const;
    if (!(allowed as readonly string[]).includes(v))
      throw badRequest(`Invalid value for unauthorizedCacheControlHeaderStrategy: ${allowed.join(", ")}`);
    s.unauthorizedCacheControlHeaderStrategy = v as MethodSettingWire["unauthorizedCacheControlHeaderStrategy"];
  },
};

/** "~1users~1{id}" + "GET" → "~1users~1{id}/GET"; "*" + "*" → "*\/*". */
export function methodSettingKey(rawResourcePath: string, verb: string): string {
  if (rawResourcePath === "*") {
    if (verb !== "*") throw badRequest("Invalid method setting path: a wildcard resource needs a wildcard method");
    return "*/*";
  }
  let path = unescapeSegment(rawResourcePath);
  if (!path.startsWith("/")) path = `/${path}`;
  return `${escapeSegment(path)}/${verb.toUpperCase()}`;
}

/** Applies one method-setting patch; `segments` are the raw (still escaped) path segments. */
export function applyMethodSettingPatch(stage: StageWire, operation: PatchOperation, segments: string[]): void {
  if (segments.length === 2 && operation.op === "remove") {
    const key = methodSettingKey(segments[0] as string, segments[1] as string);
    if (!stage.methodSettings[key])
      throw badRequest(`Cannot remove method setting ${key} because there is no method setting for this method`);
    const settings = { ...stage.methodSettings };
    delete settings[key];
    stage.methodSettings = settings;
    return;
  }
  if (segments.length < 4) throw badRequest(`Invalid method setting path: ${operation.path}`);
  const setting = segments.slice(-2).join("/");
  const verb = segments[segments.length - 3] as string;
  const key = methodSettingKey(segments.slice(0, -3).join("/"), verb);
  const setter = SETTERS[setting];
  if (!setter) throw badRequest(`Invalid method setting path: ${operation.path}. Supported settings: ${Object.keys(SETTERS).join(", ")}`);
  if (operation.op !== "replace" && operation.op !== "add")
    throw badRequest(`Invalid patch operation '${operation.op}' for ${operation.path}; use replace`);
  if (operation.value === undefined) throw badRequest(`Invalid patch operation: ${operation.path} requires a value`);
  // A new override starts from the stage-wide values, so changing one setting keeps the others.
  const current = { ...(stage.methodSettings[key] ?? stage.methodSettings["*/*"] ?? DEFAULT_METHOD_SETTING) };
  setter(current, operation.value);
  stage.methodSettings = { ...stage.methodSettings, [key]: current };
}
