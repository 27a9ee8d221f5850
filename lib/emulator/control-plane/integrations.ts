import { badRequest, notFound } from "../errors";
import type { IntegrationResponseWire, IntegrationWire, MethodWire } from "../state";
import type { Scope } from "../store";
import { isIntegrationResponseSource } from "./integration-response-mappings";
import { requireIntegration, requireMethodAt } from "./lookup";
import { checkStatusCode } from "./method-responses";
import { replaceMethod } from "./methods";
import { applyPatch, type PatchOperation } from "./patch";
import { deepCopy, oneOf, optInt, optString, optStringList, optStringMap, reqString } from "./validate";

/**
 * Integrations and integration responses.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegrationResponse.html
 */
export const INTEGRATION_TYPES = ["HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY", "MOCK"] as const;
const PASSTHROUGH = ["WHEN_NO_MATCH", "WHEN_NO_TEMPLATES", "NEVER"] as const;
const CONTENT_HANDLING = ["CONVERT_TO_BINARY", "CONVERT_TO_TEXT"] as const;
// "Between 50 and 29,000 milliseconds", the default being 29 seconds (API_PutIntegration.html).
const TIMEOUT = { min: 50, max: 29000 };

export interface PutIntegrationInput {
  type?: unknown;
  httpMethod?: unknown;
  uri?: unknown;
  connectionType?: unknown;
  connectionId?: unknown;
  credentials?: unknown;
  requestParameters?: unknown;
  requestTemplates?: unknown;
  passthroughBehavior?: unknown;
  cacheNamespace?: unknown;
  cacheKeyParameters?: unknown;
  contentHandling?: unknown;
  timeoutInMillis?: unknown;
}

export function putIntegration(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  input: PutIntegrationInput,
): IntegrationWire {
  const { resource, method } = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  const integration: IntegrationWire = {
    type: oneOf(reqString(input.type, "type").toUpperCase(), INTEGRATION_TYPES, "integration type") as IntegrationWire["type"],
    httpMethod: optString(input.httpMethod, "httpMethod")?.toUpperCase(),
    uri: optString(input.uri, "uri"),
    connectionType: optString(input.connectionType, "connectionType"),
    connectionId: optString(input.connectionId, "connectionId"),
    credentials: optString(input.credentials, "credentials"),
    requestParameters: optStringMap(input.requestParameters, "requestParameters"),
    requestTemplates: optStringMap(input.requestTemplates, "requestTemplates"),
    passthroughBehavior:
      oneOf(optString(input.passthroughBehavior, "passthroughBehavior")?.toUpperCase(), PASSTHROUGH, "passthrough behavior") ??
      "WHEN_NO_MATCH",
    contentHandling: oneOf(optString(input.contentHandling, "contentHandling"), CONTENT_HANDLING, "content handling"),
    timeoutInMillis: optInt(input.timeoutInMillis, "timeoutInMillis") ?? 29000,
    cacheNamespace: optString(input.cacheNamespace, "cacheNamespace") ?? resource.id,
    cacheKeyParameters: optStringList(input.cacheKeyParameters, "cacheKeyParameters") ?? [],
  };
  validateIntegration(method, integration);
  replaceMethod(resource, { ...method, methodIntegration: integration });
  return deepCopy(integration);
}

function validateIntegration(method: MethodWire, integration: IntegrationWire): void {
  if (integration.type !== "MOCK") {
    if (!integration.uri) throw badRequest("Invalid integration URI specified");
    if (!integration.httpMethod) throw badRequest("Enumeration value for HttpMethod must be non-empty");
  }
  if (integration.type === "AWS_PROXY" && integration.uri?.includes(":lambda:") && integration.httpMethod !== "POST") {
    // Lambda is only ever invoked with POST (set-up-lambda-proxy-integrations.html).
    throw badRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations with POST");
  }
  if (integration.timeoutInMillis < TIMEOUT.min || integration.timeoutInMillis > TIMEOUT.max) {
    throw badRequest(`Timeout should be between ${TIMEOUT.min} ms and ${TIMEOUT.max} ms`);
  }
  for (const parameter of integration.cacheKeyParameters) {
    if (!/^method\.request\.(header|querystring|path|multivalueheader|multivaluequerystring)\.[^\s]+$/.test(parameter)) {
      throw badRequest(`Invalid cache key parameter specified: ${parameter}`);
    }
    if (method.requestParameters?.[parameter] === undefined && !parameter.startsWith("method.request.path.")) {
      throw badRequest(`Invalid cache key parameter specified: ${parameter} is not a method request parameter`);
    }
  }
}

export function getIntegration(scope: Scope, restApiId: string, resourceId: string, httpMethod: string): IntegrationWire {
  return deepCopy(requireIntegration(requireMethodAt(scope, restApiId, resourceId, httpMethod).method));
}

export function updateIntegration(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  operations: PatchOperation[],
): IntegrationWire {
  const { resource, method } = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  const draft = deepCopy(requireIntegration(method)) as unknown as Record<string, unknown>;
  applyPatch(draft, operations, {
    type: { kind: "string", allowed: INTEGRATION_TYPES },
    uri: { kind: "string", removable: true },
    httpMethod: { kind: "string", removable: true },
    passthroughBehavior: { kind: "string", allowed: PASSTHROUGH },
    timeoutInMillis: { kind: "integer", min: TIMEOUT.min, max: TIMEOUT.max },
    cacheNamespace: { kind: "string" },
    contentHandling: { kind: "string", removable: true, allowed: CONTENT_HANDLING },
    credentials: { kind: "string", removable: true },
    connectionType: { kind: "string" },
    connectionId: { kind: "string", removable: true },
    requestParameters: { kind: "stringMap" },
    requestTemplates: { kind: "stringMap" },
    cacheKeyParameters: { kind: "stringSet" },
  });
  const updated = draft as unknown as IntegrationWire;
  validateIntegration(method, updated);
  replaceMethod(resource, { ...method, methodIntegration: updated });
  return deepCopy(updated);
}

export function deleteIntegration(scope: Scope, restApiId: string, resourceId: string, httpMethod: string): void {
  const { resource, method } = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  requireIntegration(method);
  replaceMethod(resource, { ...method, methodIntegration: undefined });
}

export interface PutIntegrationResponseInput {
  selectionPattern?: unknown;
  responseParameters?: unknown;
  responseTemplates?: unknown;
  contentHandling?: unknown;
}

export function putIntegrationResponse(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  input: PutIntegrationResponseInput,
): IntegrationResponseWire {
  checkStatusCode(statusCode);
  const { resource, method } = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  const integration = requireIntegration(method);
  const response: IntegrationResponseWire = {
    statusCode,
    selectionPattern: optString(input.selectionPattern, "selectionPattern"),
    responseParameters: optStringMap(input.responseParameters, "responseParameters"),
    responseTemplates: optStringMap(input.responseTemplates, "responseTemplates"),
    contentHandling: oneOf(optString(input.contentHandling, "contentHandling"), CONTENT_HANDLING, "content handling"),
  };
  validateResponseMappings(method, response);
  const responses = { ...(integration.integrationResponses ?? {}), [statusCode]: response };
  replaceMethod(resource, { ...method, methodIntegration: { ...integration, integrationResponses: responses } });
  return deepCopy(response);
}

/**
 * Each mapped header must be declared by the method response with the same status code, and each value must be a
 * source AWS accepts for an integration response (see integration-response-mappings.ts).
 */
function validateResponseMappings(method: MethodWire, response: IntegrationResponseWire): void {
  const keys = Object.keys(response.responseParameters ?? {});
  if (keys.length === 0) return;
  for (const [key, value] of Object.entries(response.responseParameters ?? {})) {
    if (!isIntegrationResponseSource(value)) {
      throw badRequest(
        `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: ${key}]`,
      );
    }
  }
  const declared = method.methodResponses?.[response.statusCode];
  if (!declared)
    throw badRequest(
      "Invalid mapping expression specified: Validation Result: warnings : [], errors : [No method response exists for method.]",
    );
  for (const key of keys) {
    if (declared.responseParameters?.[key] === undefined) {
      throw badRequest(
        `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: ${key}]`,
      );
    }
  }
}

function requireIntegrationResponse(scope: Scope, restApiId: string, resourceId: string, httpMethod: string, statusCode: string) {
  const found = requireMethodAt(scope, restApiId, resourceId, httpMethod);
  const integration = requireIntegration(found.method);
  const response = integration.integrationResponses?.[statusCode];
  if (!response) throw notFound("Invalid Response status code specified");
  return { ...found, integration, response };
}

export function getIntegrationResponse(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): IntegrationResponseWire {
  return deepCopy(requireIntegrationResponse(scope, restApiId, resourceId, httpMethod, statusCode).response);
}

export function updateIntegrationResponse(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
  operations: PatchOperation[],
): IntegrationResponseWire {
  const { resource, method, integration, response } = requireIntegrationResponse(scope, restApiId, resourceId, httpMethod, statusCode);
  const draft = deepCopy(response) as unknown as Record<string, unknown>;
  applyPatch(draft, operations, {
    selectionPattern: { kind: "string", removable: true },
    contentHandling: { kind: "string", removable: true, allowed: CONTENT_HANDLING },
    responseParameters: { kind: "stringMap" },
    responseTemplates: { kind: "stringMap" },
  });
  const updated = draft as unknown as IntegrationResponseWire;
  validateResponseMappings(method, updated);
  const responses = { ...(integration.integrationResponses ?? {}), [statusCode]: updated };
  replaceMethod(resource, { ...method, methodIntegration: { ...integration, integrationResponses: responses } });
  return deepCopy(updated);
}

export function deleteIntegrationResponse(
  scope: Scope,
  restApiId: string,
  resourceId: string,
  httpMethod: string,
  statusCode: string,
): void {
  const { resource, method, integration } = requireIntegrationResponse(scope, restApiId, resourceId, httpMethod, statusCode);
  const responses = { ...(integration.integrationResponses ?? {}) };
  delete responses[statusCode];
  replaceMethod(resource, { ...method, methodIntegration: { ...integration, integrationResponses: responses } });
}
