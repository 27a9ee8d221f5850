import { badRequest } from "../errors";
import type { AuthorizerWire, DeploymentSnapshot, MethodWire, RestApiState, StageWire } from "../state";
import type { Scope } from "../store";
import { requireApi, requireStage } from "./lookup";

/**
 * GetExport: "Exports a deployed version of a RestApi in a specified format"
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html), i.e. the snapshot of the deployment the
 * stage points at, never the draft. `exportType` is oas30 or swagger; `extensions=integrations|apigateway` adds
 * x-amazon-apigateway-integration, `extensions=authorizers|apigateway` adds x-amazon-apigateway-authorizer, and
 * `apigateway` also the request-validator extension ("Export a REST API from API Gateway",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-export-api.html). Root extensions follow
 * the import's vocabulary (api-gateway-swagger-extensions.html): gateway responses, binary media types, API key
 * source and the resource policy, each as the deployment captured it.
 *
 * What an export does not carry, and a reader must take elsewhere: ids (authorizers are keyed by name, resources by
 * path, validators by name), stage settings (method settings, cache cluster, variables, canary), and the canary's
 * own deployment (an export is of a stage, which names one deployment).
 */
export type ExportType = "oas30" | "swagger";
export type JsonObject = Record<string, unknown>;

export interface ExportOptions {
  /** The `extensions` parameter, comma separated: integrations, authorizers, apigateway, postman. */
  extensions?: string;
}

export function exportStage(
  scope: Scope,
  restApiId: string,
  stageName: string,
  exportType: string,
  options: ExportOptions = {},
): JsonObject {
  const api = requireApi(scope, restApiId);
  const stage = requireStage(api, stageName);
  if (exportType !== "oas30" && exportType !== "swagger") {
    throw badRequest(`Invalid export type: ${exportType}. Valid types are oas30 and swagger`);
  }
  const deployment = api.deployments.get(stage.deploymentId);
  if (!deployment) throw badRequest("Invalid Deployment identifier specified");
  const extensions = new Set((options.extensions ?? "").split(",").map((e) => e.trim().toLowerCase()));
  const flags = {
    integrations: extensions.has("integrations") || extensions.has("apigateway"),
    authorizers: extensions.has("authorizers") || extensions.has("apigateway"),
    apigateway: extensions.has("apigateway"),
  };
  return buildDocument(scope, api, stage, deployment.snapshot, exportType, flags);
}

type Flags = { integrations: boolean; authorizers: boolean; apigateway: boolean };

function buildDocument(
  scope: Scope,
  api: RestApiState,
  stage: StageWire,
  snapshot: DeploymentSnapshot,
  type: ExportType,
  flags: Flags,
): JsonObject {
  const oas3 = type === "oas30";
  const host = `${api.api.id}.execute-api.${scope.region}.amazonaws.com`;
  const doc: JsonObject = oas3
    ? {
        openapi: "3.0.1",
        info: info(api, stage),
        servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: stage.stageName } } }],
      }
    : { swagger: "2.0", info: info(api, stage), host, basePath: `/${stage.stageName}`, schemes: ["https"] };

  const schemes: Record<string, JsonObject> = {};
  const authorizersById = new Map(snapshot.authorizers.map((a) => [a.id, a]));
  const paths: Record<string, JsonObject> = {};
  const resources = [...snapshot.resources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const resource of resources) {
    const item: JsonObject = {};
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      const key = method.httpMethod === "ANY" ? "x-amazon-apigateway-any-method" : method.httpMethod.toLowerCase();
      item[key] = operation(method, authorizersById, schemes, oas3, flags);
    }
    // The root and intermediate resources without methods are still listed, as the import creates them from paths.
    paths[resource.path] = item;
  }
  doc.paths = paths;
  if (Object.keys(schemes).length > 0) {
    if (oas3) doc.components = { securitySchemes: schemes };
    else doc.securityDefinitions = schemes;
  }
  if (flags.apigateway) {
    const customised = snapshot.gatewayResponses.filter((r) => !r.defaultResponse);
    if (customised.length > 0) {
      doc["x-amazon-apigateway-gateway-responses"] = Object.fromEntries(
        customised.map((r) => [
          r.responseType,
          defined({ statusCode: r.statusCode, responseParameters: r.responseParameters, responseTemplates: r.responseTemplates }),
        ]),
      );
    }
    if (snapshot.policy) doc["x-amazon-apigateway-policy"] = parsePolicy(snapshot.policy);
  }
  if (snapshot.binaryMediaTypes && snapshot.binaryMediaTypes.length > 0)
    doc["x-amazon-apigateway-binary-media-types"] = [...snapshot.binaryMediaTypes];
  if (flags.apigateway) doc["x-amazon-apigateway-api-key-source"] = snapshot.apiKeySource;
  return doc;
}

function info(api: RestApiState, stage: StageWire): JsonObject {
  return defined({
    title: api.api.name,
    description: api.api.description,
    // AWS writes the deployment's date as the version when the API has none.
    version: api.api.version ?? new Date(stage.lastUpdatedDate * 1000).toISOString(),
  });
}

function parsePolicy(policy: string): unknown {
  try {
    return JSON.parse(policy);
  } catch {
    return policy;
  }
}

const LOCATIONS: Record<string, string> = { path: "path", querystring: "query", header: "header" };

function operation(
  method: MethodWire,
  authorizers: Map<string, AuthorizerWire>,
  schemes: Record<string, JsonObject>,
  oas3: boolean,
  flags: Flags,
): JsonObject {
  const op: JsonObject = {};
  if (method.operationName) op.operationId = method.operationName;
  const parameters = Object.entries(method.requestParameters ?? {}).flatMap(([key, required]) => {
    const match = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key);
    const location = match?.[1] ? LOCATIONS[match[1]] : undefined;
    if (!match || !location || !match[2]) return [];
    const parameter: JsonObject = { name: match[2], in: location, required: location === "path" || required };
    if (oas3) parameter.schema = { type: "string" };
    else parameter.type = "string";
    return [parameter];
  });
  if (parameters.length > 0) op.parameters = parameters;
  const responses: Record<string, JsonObject> = {};
  for (const [code, response] of Object.entries(method.methodResponses ?? {})) {
    const entry: JsonObject = { description: `${code} response` };
    const headers = Object.keys(response.responseParameters ?? {})
      .filter((p) => p.startsWith("method.response.header."))
      .map((p) => p.slice("method.response.header.".length));
    if (headers.length > 0) {
      entry.headers = Object.fromEntries(headers.map((h) => [h, oas3 ? { schema: { type: "string" } } : { type: "string" }]));
    }
    responses[code] = entry;
  }
  op.responses = responses;
  const security = securityOf(method, authorizers, schemes, flags);
  if (security.length > 0) op.security = security;
  if (flags.apigateway && method.requestValidatorId) op["x-amazon-apigateway-request-validator"] = method.requestValidatorId;
  if (flags.integrations && method.methodIntegration) {
    const i = method.methodIntegration;
    op["x-amazon-apigateway-integration"] = defined({
      type: i.type.toLowerCase(),
      httpMethod: i.httpMethod,
      uri: i.uri,
      credentials: i.credentials,
      connectionType: i.connectionType,
      connectionId: i.connectionId,
      requestParameters: i.requestParameters,
      requestTemplates: i.requestTemplates,
      passthroughBehavior: i.passthroughBehavior?.toLowerCase(),
      contentHandling: i.contentHandling,
      timeoutInMillis: i.timeoutInMillis,
      cacheNamespace: i.cacheNamespace,
      cacheKeyParameters: i.cacheKeyParameters,
      // Keyed by selection pattern, "default" for the response without one (api-gateway-swagger-extensions-integration-responses.html).
      responses: i.integrationResponses
        ? Object.fromEntries(
            Object.values(i.integrationResponses).map((r) => [
              r.selectionPattern ?? "default",
              defined({
                statusCode: r.statusCode,
                responseParameters: r.responseParameters,
                responseTemplates: r.responseTemplates,
                contentHandling: r.contentHandling,
              }),
            ]),
          )
        : undefined,
    });
  }
  return op;
}

/** A method's authorization as security requirements, adding each scheme it names (api-gateway-swagger-extensions-authorizer.html). */
function securityOf(
  method: MethodWire,
  authorizers: Map<string, AuthorizerWire>,
  schemes: Record<string, JsonObject>,
  flags: Flags,
): JsonObject[] {
  const security: JsonObject[] = [];
  if (method.authorizationType === "AWS_IAM") {
    schemes.sigv4 ??= { type: "apiKey", name: "Authorization", in: "header", "x-amazon-apigateway-authtype": "awsSigv4" };
    security.push({ sigv4: [] });
  } else if (method.authorizationType === "CUSTOM" || method.authorizationType === "COGNITO_USER_POOLS") {
    const authorizer = method.authorizerId ? authorizers.get(method.authorizerId) : undefined;
    if (authorizer) {
      schemes[authorizer.name] ??= scheme(authorizer, flags);
      security.push({ [authorizer.name]: method.authorizationScopes ? [...method.authorizationScopes] : [] });
    }
  }
  if (method.apiKeyRequired) {
    schemes.api_key ??= { type: "apiKey", name: "x-api-key", in: "header" };
    security.push({ api_key: [] });
  }
  return security;
}

function scheme(authorizer: AuthorizerWire, flags: Flags): JsonObject {
  const header = /^method\.request\.header\.([^,\s]+)$/.exec(authorizer.identitySource ?? "")?.[1] ?? "Unused";
  const out: JsonObject = {
    type: "apiKey",
    name: header,
    in: "header",
    "x-amazon-apigateway-authtype": authorizer.type === "COGNITO_USER_POOLS" ? "cognito_user_pools" : "custom",
  };
  if (flags.authorizers) {
    out["x-amazon-apigateway-authorizer"] = defined({
      type: authorizer.type.toLowerCase(),
      authorizerUri: authorizer.authorizerUri,
      authorizerCredentials: authorizer.authorizerCredentials,
      identitySource: authorizer.identitySource,
      identityValidationExpression: authorizer.identityValidationExpression,
      authorizerResultTtlInSeconds: authorizer.authorizerResultTtlInSeconds,
      providerARNs: authorizer.providerARNs,
    });
  }
  return out;
}

function defined(value: JsonObject): JsonObject {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}
