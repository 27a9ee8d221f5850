import { randomBytes } from "node:crypto";
import { badRequest, notFound } from "../errors";
import { epochSeconds } from "../ids";
import type { ApiKeyState } from "../state";
import type { Scope } from "../store";
import { deepCopy, optBool, optString, optStringList, optStringMap } from "./validate";

/**
 * API keys (per account and region). The key's `value` is secret: AWS returns it from CreateApiKey
 * and otherwise only when asked with includeValue(s)=true.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_CreateApiKey.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_GetApiKeys.html
 */
export type ApiKeyWire = Omit<ApiKeyState, "value"> & { value?: string };

export interface CreateApiKeyInput {
  name?: unknown;
  description?: unknown;
  enabled?: unknown;
  value?: unknown;
  customerId?: unknown;
  stageKeys?: unknown;
  tags?: unknown;
}

export function createApiKey(scope: Scope, input: CreateApiKeyInput): ApiKeyWire {
  const value = optString(input.value, "value") ?? randomBytes(30).toString("base64url").slice(0, 40);
  // "The value must be a string of at least 20 characters" (API_CreateApiKey.html).
  if (value.length < 20 || value.length > 128) throw badRequest("API Key value should be at least 20 characters");
  const now = epochSeconds(scope.store.now());
  const stageKeys = (input.stageKeys as { restApiId?: string; stageName?: string }[] | undefined)?.map(
    (key) => `${key.restApiId}/${key.stageName}`,
  );
  const key: ApiKeyState = {
    id: scope.store.newId(scope.state.apiKeys),
    name: optString(input.name, "name") ?? "",
    value,
    enabled: optBool(input.enabled, "enabled") ?? false,
    description: optString(input.description, "description"),
    customerId: optString(input.customerId, "customerId"),
    createdDate: now,
    lastUpdatedDate: now,
    stageKeys: stageKeys ?? optStringList(undefined, "stageKeys") ?? [],
    tags: optStringMap(input.tags, "tags"),
  };
  scope.state.apiKeys.set(key.id, key);
  return deepCopy(key);
}

export function presentApiKey(key: ApiKeyState, includeValue: boolean): ApiKeyWire {
  const copy: ApiKeyWire = deepCopy(key);
  if (!includeValue) delete copy.value;
  return copy;
}

export function getApiKeys(scope: Scope, options: { includeValues: boolean; nameQuery?: string; customerId?: string }): ApiKeyWire[] {
  return [...scope.state.apiKeys.values()]
    .filter((key) => !options.nameQuery || key.name.startsWith(options.nameQuery))
    .filter((key) => !options.customerId || key.customerId === options.customerId)
    .map((key) => presentApiKey(key, options.includeValues));
}

export function getApiKey(scope: Scope, apiKeyId: string, includeValue: boolean): ApiKeyWire {
  const key = scope.state.apiKeys.get(apiKeyId);
  if (!key) throw notFound("Invalid API Key identifier specified");
  return presentApiKey(key, includeValue);
}

export function deleteApiKey(scope: Scope, apiKeyId: string): void {
  if (!scope.state.apiKeys.delete(apiKeyId)) throw notFound("Invalid API Key identifier specified");
}
