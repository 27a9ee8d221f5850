import type { AuthorizerResult } from "./authorizer-functions";

/**
 * API Gateway caches a Lambda authorizer's policy per stage, keyed by the identity sources, for the
 * authorizer's result TTL. The cached policy is reused for every method that authorizer guards,
 * which is exactly why a policy scoped to one method ARN produces intermittent 403s elsewhere.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-lambda-authorizer-output.html
 */
interface Entry {
  result: AuthorizerResult;
  expiresAt: number;
}

const entries = new Map<string, Entry>();

function entryKey(apiId: string, stage: string, authorizerId: string, identity: string): string {
  return JSON.stringify([apiId, stage, authorizerId, identity]);
}

export function getCachedAuthorization(
  apiId: string,
  stage: string,
  authorizerId: string,
  identity: string,
  now = Date.now(),
): AuthorizerResult | undefined {
  const key = entryKey(apiId, stage, authorizerId, identity);
  const entry = entries.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    entries.delete(key);
    return undefined;
  }
  return entry.result;
}

export function cacheAuthorization(
  apiId: string,
  stage: string,
  authorizerId: string,
  identity: string,
  result: AuthorizerResult,
  ttlSeconds: number,
  now = Date.now(),
): void {
  if (ttlSeconds <= 0) return;
  entries.set(entryKey(apiId, stage, authorizerId, identity), { result, expiresAt: now + ttlSeconds * 1000 });
}

/** FlushStageAuthorizersCache: drops every cached policy of one stage. */
export function flushAuthorizerCache(apiId: string, stage: string): void {
  for (const key of entries.keys()) {
    const [keyApi, keyStage] = JSON.parse(key) as [string, string];
    if (keyApi === apiId && keyStage === stage) entries.delete(key);
  }
}

/** Drops every cached policy (an emulator reset). */
export function clearAuthorizerCache(): void {
  entries.clear();
}
