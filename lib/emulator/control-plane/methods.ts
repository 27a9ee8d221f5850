import { badRequest, conflict } from "../errors";
import type { AuthorizationType, MethodWire, ResourceWire, RestApiState } from "../state";
import type { Scope } from "../store";
import { requireApi, requireMethodAt, requireResource } from "./lookup";
import { applyPatch, type PatchOperation } from "./patch";
import { deepCopy, oneOf, optBool, optBoolMap, optString, optStringList, optStringMap, reqString } from "./validate";

/**
 * Methods. https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethod.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateMethod.html
 */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"] as const;
// Kept apart from lib/model/types.ts AUTHORIZATION_TYPES on purpose: the emulator imports nothing from the
// product (eslint.config.mjs), so a product bug cannot hide behind an emulator sharing it.
export const AUTHORIZATION_TYPES = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"] as const;

export interface PutMethodInput {
  authorizationType?: unknown;
  authorizerId?: unknown;
  apiKeyRequired?: unknown;
  operationName?: unknown;
  requestParameters?: unknown;
  requestModels?: unknown;
  requestValidatorId?: unknown;
  authorizationScopes?: unknown;
}

export function normalizeVerb(httpMethod: string): string {
  const verb = httpMethod.toUpperCase();
  oneOf(verb, HTTP_METHODS, "HTTP method");
  return verb;
}

export function putMethod(scope: Scope, restApiId: string, resourceId: string, httpMethod: string, input: PutMethodInput): MethodWire {
  const api = requireApi(scope, restApiId);
  const resource = requireResource(api, resourceId);
  const verb = normalizeVerb(httpMethod);
  if (resource.resourceMethods?.[verb]) throw conflict("Method already exists for this resource");
  const method: MethodWire = {
    httpMethod: verb,
    authorizationType: oneOf(
      reqString(input.authorizationType, "authorizationType"),
      AUTHORIZATION_TYPES,
      "authorization type",
    ) as AuthorizationType,
    authorizerId: optString(input.authorizerId, "authorizerId"),
    apiKeyRequired: optBool(input.apiKeyRequired, "apiKeyRequired") ?? false,
    operationName: optString(input.operationName, "operationName"),
    requestParameters: optBoolMap(input.requestParameters, "requestParameters"),
    requestModels: optStringMap(input.requestModels, "requestModels"),
    requestValidatorId: optString(input.requestValidatorId, "requestValidatorId"),
    authorizationScopes: optStringList(input.authorizationScopes, "authorizationScopes"),
  };
  validateAuthorization(api, method);
  resource.resourceMethods = { ...(resource.resourceMethods ?? {}), [verb]: method };
  return deepCopy(method);
}

/** The authorizer must exist and suit the authorization type; NONE/AWS_IAM drop any authorizer. */
function validateAuthorization(api: RestApiState, method: MethodWire): void {
  const needsAuthorizer = method.authorizationType === "CUSTOM" || method.authorizationType === "COGNITO_USER_POOLS";
  if (!needsAuthorizer) {
    delete method.authorizerId;
    return;
  }
  if (!method.authorizerId)
    throw badRequest(
      `Invalid authorizer ID specified. Setting the authorization type to ${method.authorizationType} requires a valid authorizer.`,
    );
  const authorizer = api.authorizers.get(method.authorizerId);
  if (!authorizer)
    throw badRequest(
      "Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.",
    );
  const expected = authorizer.type === "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM";
  if (method.authorizationType !== expected) {
    throw badRequest(
      `Unable to set authorization type ${method.authorizationType} with authorizer ${authorizer.id} of type ${authorizer.type}; use ${expected}`,
    );
  }
  if (method.authorizationScopes && authorizer.type !== "COGNITO_USER_POOLS") {
    throw badRequest("Authorization scopes are only supported with COGNITO_USER_POOLS authorizers");
  }
}

export function getMethod(scope: Scope, restApiId: string, resourceId: string, httpMethod: string): MethodWire {
  return deepCopy(requireMethodAt(scope, restApiId, resourceId, httpMethod).method);
}

export function updateMethod(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  operations: PatchOperation[],
): MethodWire {
  const { api, resource, method } = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  const draft = deepCopy(method) as unknown as Record<string, unknown>;
  applyPatch(draft, operations, {
    authorizationType: { kind: "string", allowed: AUTHORIZATION_TYPES },
    authorizerId: { kind: "string", removable: true },
    apiKeyRequired: { kind: "boolean" },
    operationName: { kind: "string", removable: true },
    requestValidatorId: { kind: "string", removable: true },
    requestParameters: { kind: "booleanMap" },
    requestModels: { kind: "stringMap" },
    authorizationScopes: { kind: "stringSet" },
  });
  const updated = draft as unknown as MethodWire;
  if (updated.authorizationScopes?.length === 0) delete updated.authorizationScopes;
  validateAuthorization(api, updated);
  replaceMethod(resource, updated);
  return deepCopy(updated);
}

export function replaceMethod(resource: ResourceWire, method: MethodWire): void {
  resource.resourceMethods = { ...(resource.resourceMethods ?? {}), [method.httpMethod]: method };
}

export function deleteMethod(scope: Scope, restApiId: string, resourceId: string, httpMethod: string): void {
  const { resource, method } = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  const methods = { ...(resource.resourceMethods ?? {}) };
  delete methods[method.httpMethod];
  if (Object.keys(methods).length === 0) delete resource.resourceMethods;
  else resource.resourceMethods = methods;
}
