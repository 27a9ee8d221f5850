import { putGatewayResponse } from "../control-plane/gateway-responses";
import { putIntegration, putIntegrationResponse } from "../control-plane/integrations";
import { requireApi } from "../control-plane/lookup";
import { putMethodResponse, STATUS_CODE, updateMethodResponse } from "../control-plane/method-responses";
import { deleteMethod, putMethod } from "../control-plane/methods";
import { ensureResourcePath } from "../control-plane/resources";
import { createRestApi } from "../control-plane/rest-apis";
import { ApiError, badRequest } from "../errors";
import type { RestApiState, RestApiWire } from "../state";
import type { Scope } from "../store";
import { isObject, parseOpenApi, type JsonObject, type OpenApiDocument, type OpenApiOperation } from "./openapi-document";
import { importAuthorizers, methodAuthorization } from "./security";

/**
 * ImportRestApi / PutRestApi from an OpenAPI 3 or Swagger 2 definition, through the same write
 * functions clients call. A failure leaves the API as it was (AWS applies imports atomically).
 * https://docs.aws.amazon.com/apigateway/latest/api/API_ImportRestApi.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_PutRestApi.html
 */
export interface ImportOptions {
  failOnWarnings?: boolean;
}

type ImportedApi = RestApiWire & { warnings?: string[] };

function readDocument(text: string): OpenApiDocument {
  const parsed = parseOpenApi(text);
  if (!parsed.ok) throw badRequest(parsed.error);
  return parsed.document;
}

export function importRestApi(scope: Scope, text: string, options: ImportOptions = {}): ImportedApi {
  const document = readDocument(text);
  if (!document.title) throw badRequest("Invalid OpenAPI input: info.title is required to name the API");
  const apiKeySource = document.root["x-amazon-apigateway-api-key-source"];
  const api = createRestApi(scope, {
    name: document.title,
    description: document.description,
    version: document.apiVersion,
    apiKeySource: typeof apiKeySource === "string" ? apiKeySource.toUpperCase() : undefined,
    binaryMediaTypes: document.root["x-amazon-apigateway-binary-media-types"],
  });
  try {
    const warnings = applyDocument(scope, api.id, document, "overwrite");
    if (warnings.length && options.failOnWarnings) throw badRequest(`Warnings found during import:\n\t${warnings.join("\n\t")}`);
    return withWarnings(requireApi(scope, api.id).api, warnings);
  } catch (error) {
    scope.state.restApis.delete(api.id);
    throw error;
  }
}

export function putRestApi(scope: Scope, restApiId: string, text: string, options: ImportOptions & { mode: string }): ImportedApi {
  if (options.mode !== "merge" && options.mode !== "overwrite")
    throw badRequest(`Invalid mode '${options.mode}': valid values are merge and overwrite`);
  const api = requireApi(scope, restApiId);
  const document = readDocument(text);
  const backup = structuredClone(api);
  try {
    const warnings = applyDocument(scope, restApiId, document, options.mode);
    if (warnings.length && options.failOnWarnings) throw badRequest(`Warnings found during import:\n\t${warnings.join("\n\t")}`);
    const apiKeySource = document.root["x-amazon-apigateway-api-key-source"];
    if (typeof apiKeySource === "string") api.api.apiKeySource = apiKeySource.toUpperCase() === "AUTHORIZER" ? "AUTHORIZER" : "HEADER";
    if (options.mode === "overwrite" && document.description !== undefined) api.api.description = document.description;
    return withWarnings(api.api, warnings);
  } catch (error) {
    restore(api, backup);
    throw error;
  }
}

function restore(api: RestApiState, backup: RestApiState): void {
  api.api = backup.api;
  api.resources = backup.resources;
  api.authorizers = backup.authorizers;
  api.gatewayResponses = backup.gatewayResponses;
}

function withWarnings(api: RestApiWire, warnings: string[]): ImportedApi {
  return warnings.length ? { ...api, warnings } : { ...api };
}

function clearDefinition(api: RestApiState): void {
  const root = api.resources.get(api.api.rootResourceId);
  api.resources = new Map(root ? [[root.id, { id: root.id, path: "/" }]] : []);
  api.authorizers = new Map();
  api.gatewayResponses = new Map();
}

function applyDocument(scope: Scope, apiId: string, document: OpenApiDocument, mode: "merge" | "overwrite"): string[] {
  const api = requireApi(scope, apiId);
  if (mode === "overwrite") clearDefinition(api);
  const warnings: string[] = [];
  const authorizers = importAuthorizers(scope, apiId, document, [...api.authorizers.values()]);
  for (const { path, operations } of document.paths) {
    const resource = step(`Unable to create resource at path '${path}'`, () => ensureResourcePath(scope, apiId, path));
    for (const entry of operations) {
      if (resource.resourceMethods?.[entry.verb]) deleteMethod(scope, apiId, resource.id, entry.verb);
      importOperation(scope, apiId, resource.id, path, entry, document, authorizers, warnings);
    }
  }
  importGatewayResponses(scope, apiId, document);
  return warnings;
}

function importOperation(
  scope: Scope,
  apiId: string,
  resourceId: string,
  path: string,
  entry: OpenApiOperation,
  document: OpenApiDocument,
  authorizers: ReturnType<typeof importAuthorizers>,
  warnings: string[],
): void {
  const where = `${entry.verb} ${path}`;
  const security = Array.isArray(entry.operation.security) ? entry.operation.security.filter(isObject) : undefined;
  const auth = methodAuthorization(document, security, authorizers, warnings, where);
  step(`Unable to put method '${entry.verb}' on resource at path '${path}'`, () =>
    putMethod(scope, apiId, resourceId, entry.verb, {
      ...auth,
      operationName: entry.operation.operationId,
      requestParameters: requestParameters(entry.parameters),
    }),
  );
  for (const [statusCode, response] of Object.entries(isObject(entry.operation.responses) ? entry.operation.responses : {})) {
    if (!STATUS_CODE.test(statusCode)) continue;
    const headers = isObject(response) && isObject(response.headers) ? Object.keys(response.headers) : [];
    step(`Unable to put method response '${statusCode}' on '${where}'`, () =>
      putMethodResponse(scope, apiId, resourceId, entry.verb, statusCode, {
        responseParameters: headers.length
          ? Object.fromEntries(headers.map((header) => [`method.response.header.${header}`, false]))
          : undefined,
      }),
    );
  }
  const integration = entry.operation["x-amazon-apigateway-integration"];
  if (!isObject(integration)) {
    warnings.push(`${where}: no x-amazon-apigateway-integration, the method has no integration`);
    return;
  }
  step(`Unable to put integration on '${where}'`, () =>
    putIntegration(scope, apiId, resourceId, entry.verb, {
      ...integration,
      type: typeof integration.type === "string" ? integration.type.toUpperCase() : integration.type,
      passthroughBehavior: typeof integration.passthroughBehavior === "string" ? integration.passthroughBehavior.toUpperCase() : undefined,
    }),
  );
  for (const [pattern, response] of Object.entries(isObject(integration.responses) ? integration.responses : {})) {
    if (!isObject(response)) continue;
    const statusCode = String(response.statusCode ?? "");
    declareMappedHeaders(scope, apiId, resourceId, entry.verb, statusCode, response.responseParameters, warnings, where);
    step(`Unable to put integration response on '${where}' for status '${statusCode}'`, () =>
      putIntegrationResponse(scope, apiId, resourceId, entry.verb, statusCode, {
        selectionPattern: pattern === "default" ? undefined : pattern,
        responseParameters: response.responseParameters,
        responseTemplates: response.responseTemplates,
        contentHandling: response.contentHandling,
      }),
    );
  }
}

/**
 * Generated definitions (Smithy, SAM) often map headers the operation's responses never declare;
 * the importer accepts them, so declare them on the method response instead of failing.
 */
function declareMappedHeaders(
  scope: Scope,
  apiId: string,
  resourceId: string,
  verb: string,
  statusCode: string,
  mappings: unknown,
  warnings: string[],
  where: string,
): void {
  if (!isObject(mappings) || !STATUS_CODE.test(statusCode)) return;
  const headers = Object.keys(mappings).filter((key) => key.startsWith("method.response.header."));
  if (headers.length === 0) return;
  const method = requireApi(scope, apiId).resources.get(resourceId)?.resourceMethods?.[verb];
  const declared = method?.methodResponses?.[statusCode];
  const missing = headers.filter((header) => declared?.responseParameters?.[header] === undefined);
  if (missing.length === 0) return;
  warnings.push(
    `${where}: integration response ${statusCode} maps ${missing.join(", ")} not declared by the method response; declared them`,
  );
  if (!declared) {
    putMethodResponse(scope, apiId, resourceId, verb, statusCode, {
      responseParameters: Object.fromEntries(missing.map((header) => [header, false])),
    });
    return;
  }
  updateMethodResponse(
    scope,
    apiId,
    resourceId,
    verb,
    statusCode,
    missing.map((header) => ({ op: "add" as const, path: `/responseParameters/${header}`, value: "false" })),
  );
}

function requestParameters(parameters: JsonObject[]): Record<string, boolean> | undefined {
  const locations: Record<string, string> = { header: "header", query: "querystring", path: "path" };
  const entries = parameters
    .filter((parameter) => typeof parameter.name === "string" && typeof parameter.in === "string" && locations[parameter.in])
    .map(
      (parameter) =>
        [`method.request.${locations[parameter.in as string]}.${parameter.name as string}`, parameter.required === true] as const,
    );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function importGatewayResponses(scope: Scope, apiId: string, document: OpenApiDocument): void {
  const responses = document.root["x-amazon-apigateway-gateway-responses"];
  if (!isObject(responses)) return;
  for (const [type, response] of Object.entries(responses)) {
    if (!isObject(response)) continue;
    step(`Unable to put gateway response '${type}'`, () =>
      putGatewayResponse(scope, apiId, type, {
        statusCode: response.statusCode === undefined ? undefined : String(response.statusCode),
        responseParameters: response.responseParameters,
        responseTemplates: response.responseTemplates,
      }),
    );
  }
}

/** AWS reports import failures as "Errors found during import: <what>: <why>". */
function step<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (ApiError.is(error)) throw badRequest(`Errors found during import:\n\t${what}: ${error.message}`);
    throw error;
  }
}
