import { badRequest, conflict } from "../errors";
import type { AuthorizerWire, RestApiState } from "../state";
import type { Scope } from "../store";
import { requireApi, requireAuthorizer } from "./lookup";
import { applyPatch, type PatchOperation } from "./patch";
import { deepCopy, oneOf, optInt, optString, optStringList, reqString } from "./validate";

/**
 * Authorizers. https://docs.aws.amazon.com/apigateway/latest/api/API_CreateAuthorizer.html
 * `authorizerResultTtlInSeconds` stays absent when not given; API Gateway then caches for 300 s
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html).
 */
export const AUTHORIZER_TYPES = ["TOKEN", "REQUEST", "COGNITO_USER_POOLS"] as const;
const MAX_TTL = 3600;

export interface CreateAuthorizerInput {
  name?: unknown;
  type?: unknown;
  providerARNs?: unknown;
  authType?: unknown;
  authorizerUri?: unknown;
  authorizerCredentials?: unknown;
  identitySource?: unknown;
  identityValidationExpression?: unknown;
  authorizerResultTtlInSeconds?: unknown;
}

export function createAuthorizer(scope: Scope, restApiId: string, input: CreateAuthorizerInput): AuthorizerWire {
  const api = requireApi(scope, restApiId);
  const authorizer: AuthorizerWire = {
    id: scope.store.newId(api.authorizers, 6),
    name: reqString(input.name, "name"),
    type: oneOf(reqString(input.type, "type"), AUTHORIZER_TYPES, "authorizer type") as AuthorizerWire["type"],
    providerARNs: optStringList(input.providerARNs, "providerARNs"),
    authType: optString(input.authType, "authType"),
    authorizerUri: optString(input.authorizerUri, "authorizerUri"),
    authorizerCredentials: optString(input.authorizerCredentials, "authorizerCredentials"),
    identitySource: optString(input.identitySource, "identitySource"),
    identityValidationExpression: optString(input.identityValidationExpression, "identityValidationExpression"),
    authorizerResultTtlInSeconds: optInt(input.authorizerResultTtlInSeconds, "authorizerResultTtlInSeconds"),
  };
  validateAuthorizer(api, authorizer);
  api.authorizers.set(authorizer.id, authorizer);
  return deepCopy(authorizer);
}

function validateAuthorizer(api: RestApiState, authorizer: AuthorizerWire): void {
  for (const other of api.authorizers.values()) {
    if (other.id !== authorizer.id && other.name === authorizer.name)
      throw conflict(`Authorizer with name ${authorizer.name} already exists`);
  }
  const ttl = authorizer.authorizerResultTtlInSeconds;
  if (ttl !== undefined && (ttl < 0 || ttl > MAX_TTL)) throw badRequest(`Authorizer result TTL must be between 0 and ${MAX_TTL} seconds`);
  if (authorizer.type === "COGNITO_USER_POOLS") {
    if (!authorizer.providerARNs?.length) throw badRequest("ProviderARNs need to be specified for COGNITO_USER_POOLS authorizers");
    return;
  }
  if (!authorizer.authorizerUri) throw badRequest(`Authorizer URI needs to be specified for ${authorizer.type} authorizers`);
  const sources = (authorizer.identitySource ?? "")
    .split(",")
    .map((source) => source.trim())
    .filter(Boolean);
  if (authorizer.type === "TOKEN") {
    if (sources.length !== 1 || !/^method\.request\.header\.[^\s,]+$/.test(sources[0] ?? "")) {
      throw badRequest("Invalid identity source for TOKEN authorizer: it must be a single header, method.request.header.<name>");
    }
  } else if ((ttl === undefined || ttl > 0) && sources.length === 0) {
    // REQUEST authorizers key their cache on the identity sources, so caching needs at least one.
    throw badRequest("Identity source must be specified for a REQUEST authorizer when authorization caching is enabled");
  }
}

export function getAuthorizers(scope: Scope, restApiId: string): AuthorizerWire[] {
  return [...requireApi(scope, restApiId).authorizers.values()].map(deepCopy);
}

export function getAuthorizer(scope: Scope, restApiId: string, authorizerId: string): AuthorizerWire {
  return deepCopy(requireAuthorizer(requireApi(scope, restApiId), authorizerId));
}

export function updateAuthorizer(scope: Scope, restApiId: string, authorizerId: string, operations: PatchOperation[]): AuthorizerWire {
  const api = requireApi(scope, restApiId);
  const draft = deepCopy(requireAuthorizer(api, authorizerId)) as unknown as Record<string, unknown>;
  applyPatch(draft, operations, {
    name: { kind: "string" },
    type: { kind: "string", allowed: AUTHORIZER_TYPES },
    authType: { kind: "string", removable: true },
    authorizerUri: { kind: "string", removable: true },
    authorizerCredentials: { kind: "string", removable: true },
    identitySource: { kind: "string", removable: true },
    identityValidationExpression: { kind: "string", removable: true },
    authorizerResultTtlInSeconds: { kind: "integer", min: 0, max: MAX_TTL },
    providerARNs: { kind: "stringSet" },
  });
  const updated = draft as unknown as AuthorizerWire;
  validateAuthorizer(api, updated);
  api.authorizers.set(authorizerId, updated);
  return deepCopy(updated);
}

export function deleteAuthorizer(scope: Scope, restApiId: string, authorizerId: string): void {
  const api = requireApi(scope, restApiId);
  requireAuthorizer(api, authorizerId);
  for (const resource of api.resources.values()) {
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      if (method.authorizerId === authorizerId) {
        throw conflict(`Cannot delete authorizer '${authorizerId}', is referenced in method: ${method.httpMethod}:${resource.path}`);
      }
    }
  }
  api.authorizers.delete(authorizerId);
}
