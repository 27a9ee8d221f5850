import type { MethodSettingWire, MethodWire, ResourceWire, StageWire } from "../state";
import { onStageCacheFlush } from "../stage-cache-events";
import type { IncomingRequest } from "./incoming-request";
import { resolveMappingValue } from "./mapping-values";
import type { HttpReply } from "./reply";

/**
 * Stage response caching. Active when the stage has a cache cluster and the method's effective
 * setting (its own `~1path/VERB` override, else `*\/*`, which applies to GET only) enables caching
 * with a TTL > 0. The key is the method plus the values of the integration's cacheKeyParameters only:
 * a request header or path parameter left out of the key is shared between callers.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
 */
interface Entry {
  reply: HttpReply;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

export function flushStageResponseCache(apiId: string, stageName: string): void {
  const prefix = JSON.stringify([apiId, stageName]).slice(0, -1);
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}

/** Drops every cached response (an emulator reset). */
export function clearStageResponseCache(): void {
  entries.clear();
}

// FlushStageCache lives in the control plane; it reaches this cache through the event hub.
onStageCacheFlush(flushStageResponseCache);

export function effectiveMethodSetting(stage: StageWire, resourcePath: string, httpMethod: string): MethodSettingWire | undefined {
  const own = stage.methodSettings[`${resourcePath.replace(/\//g, "~1")}/${httpMethod}`];
  if (own) return own;
  return httpMethod === "GET" ? stage.methodSettings["*/*"] : undefined;
}

export type CacheDecision =
  | { kind: "off" }
  | { kind: "hit"; reply: HttpReply }
  | { kind: "miss"; store(reply: HttpReply): void; warning?: string }
  | { kind: "forbidden" };

export interface CacheLookup {
  stage: StageWire;
  apiId: string;
  resource: ResourceWire;
  method: MethodWire;
  request: IncomingRequest;
  pathParameters: Record<string, string>;
  /** Whether the caller may invalidate entries (a SigV4-signed request; see SPEC.md). */
  callerMayInvalidate: boolean;
  now: number;
}

const WARNING = '199 - "Cache-control headers were ignored because the caller was unauthorized."';

export function lookupStageCache(lookup: CacheLookup): CacheDecision {
  const { stage, request } = lookup;
  const setting = stage.cacheClusterEnabled ? effectiveMethodSetting(stage, lookup.resource.path, request.httpMethod) : undefined;
  if (!setting?.cachingEnabled || setting.cacheTtlInSeconds <= 0) return { kind: "off" };

  const keyValues = (lookup.method.methodIntegration?.cacheKeyParameters ?? []).map(
    (parameter) => resolveMappingValue(parameter, { request, pathParameters: lookup.pathParameters }) ?? null,
  );
  const key = JSON.stringify([
    lookup.apiId,
    stage.stageName,
    lookup.method.methodIntegration?.cacheNamespace ?? lookup.resource.id,
    request.httpMethod,
    keyValues,
  ]);
  const store = (reply: HttpReply) => {
    // Only successful responses are cached (emulator choice, see SPEC.md).
    if (reply.statusCode >= 200 && reply.statusCode < 300)
      entries.set(key, { reply, expiresAt: lookup.now + setting.cacheTtlInSeconds * 1000 });
  };

  // A client asks for a fresh response with Cache-Control: max-age=0.
  const wantsInvalidation = /(^|,)\s*max-age\s*=\s*0\s*(,|$)/i.test(request.headers["cache-control"] ?? "");
  let warning: string | undefined;
  if (wantsInvalidation) {
    if (!setting.requireAuthorizationForCacheControl || lookup.callerMayInvalidate) return { kind: "miss", store };
    if (setting.unauthorizedCacheControlHeaderStrategy === "FAIL_WITH_403") return { kind: "forbidden" };
    if (setting.unauthorizedCacheControlHeaderStrategy === "SUCCEED_WITH_RESPONSE_HEADER") warning = WARNING;
  }

  const entry = entries.get(key);
  if (entry && entry.expiresAt > lookup.now) {
    return { kind: "hit", reply: warning ? { ...entry.reply, headers: { ...entry.reply.headers, Warning: warning } } : entry.reply };
  }
  return { kind: "miss", store, warning };
}
