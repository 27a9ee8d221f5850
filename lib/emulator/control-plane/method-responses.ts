import { badRequest, conflict, notFound } from "../errors";
import type { MethodResponseWire } from "../state";
import type { Scope } from "../store";
import { requireMethodAt } from "./lookup";
import { replaceMethod } from "./methods";
import { applyPatch, type PatchOperation } from "./patch";
import { deepCopy, optBoolMap, optStringMap } from "./validate";

/**
 * Method responses. https://docs.aws.amazon.com/apigateway/latest/api/API_PutMethodResponse.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_UpdateMethodResponse.html
 */
export const STATUS_CODE = /^[1-5]\d\d$/;

export function checkStatusCode(statusCode: string): void {
  if (!STATUS_CODE.test(statusCode)) throw badRequest(`Invalid status code specified: ${statusCode}. It must match [1-5]\\d\\d`);
}

export function putMethodResponse(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  input: { responseParameters?: unknown; responseModels?: unknown },
): MethodResponseWire {
  checkStatusCode(statusCode);
  const { resource, method } = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  if (method.methodResponses?.[statusCode]) throw conflict("Response already exists for this resource");
  const responseParameters = optBoolMap(input.responseParameters, "responseParameters");
  for (const key of Object.keys(responseParameters ?? {})) {
    if (!/^method\.response\.header\.[^\s]+$/.test(key)) throw badRequest(`Invalid mapping expression specified: ${key}`);
  }
  const response: MethodResponseWire = {
    statusCode,
    responseParameters,
    responseModels: optStringMap(input.responseModels, "responseModels"),
  };
  replaceMethod(resource, { ...method, methodResponses: { ...(method.methodResponses ?? {}), [statusCode]: response } });
  return deepCopy(response);
}

function requireMethodResponse(scope: Scope, restApiId: string, resourceId: string, httpMethod: string, statusCode: string) {
  const found = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  const response = found.method.methodResponses?.[statusCode];
  if (!response) throw notFound("Invalid Response status code specified");
  return { ...found, response };
}

export function getMethodResponse(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): MethodResponseWire {
  return deepCopy(requireMethodResponse(scope, restApiId, resourceId, httpMethod, statusCode).response);
}

export function updateMethodResponse(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  operations: PatchOperation[],
): MethodResponseWire {
  const { resource, method, response } = requireMethodResponse(scope, restApiId, resourceId, httpMethod, statusCode);
  const draft = deepCopy(response) as unknown as Record<string, unknown>;
  applyPatch(draft, operations, { responseParameters: { kind: "booleanMap" }, responseModels: { kind: "stringMap" } });
  const updated = draft as unknown as MethodResponseWire;
  replaceMethod(resource, { ...method, methodResponses: { ...(method.methodResponses ?? {}), [statusCode]: updated } });
  return deepCopy(updated);
}

export function deleteMethodResponse(scope: Scope, restApiId: string, resourceId: string, httpMethod: string, statusCode: string): void {
  const { resource, method } = requireMethodResponse(scope, restApiId, resourceId, httpMethod, statusCode);
  const responses = { ...(method.methodResponses ?? {}) };
  delete responses[statusCode];
  replaceMethod(resource, { ...method, methodResponses: Object.keys(responses).length ? responses : undefined });
}
