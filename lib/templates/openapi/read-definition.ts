/**
 * An OpenAPI 3 / Swagger 2 definition with API Gateway's `x-amazon-apigateway-*` extensions → the parts of a
 * RawApiSnapshot that API Gateway's import would create: resources and methods, authorizers, gateway
 * responses and the API's own settings, each with the position it was written at. Used for a standalone
 * file, for a definition embedded in a CloudFormation/SAM template (`Body`, `DefinitionBody`, an included
 * file) and for the document SAM generates. Pure.
 */
import type { RawAuthorizer, RawGatewayResponse, RawMethod, RawResource, RawRestApi } from "@/lib/model/raw-snapshot";
import { GATEWAY_RESPONSE_TYPES } from "@/lib/model/gateway-responses";
import type { ValuePath } from "@/lib/templates/document";
import { elementKey, type ElementLocations, type SourcePosition, type TemplateGap } from "@/lib/templates/types";
import { isRecord, placeholderIntrinsics, type IntrinsicHooks, type JsonRecord } from "@/lib/templates/openapi/values";
import { childPath, field, gap, keysOf, recordField, textField, textList, textMap, type Reading } from "@/lib/templates/openapi/reading";
import { methodSecurity, readSecuritySchemes, type SecuritySchemes } from "@/lib/templates/openapi/security";
import { readIntegration, readMethodResponses, readRequestParameters } from "@/lib/templates/openapi/integration";
import { basePathPrefix, ResourceTree, splitPath, type BasePathMode } from "@/lib/templates/openapi/paths";
import { openApiVersion } from "@/lib/templates/openapi/detect";

export interface OpenApiInput {
  /** The definition as parsed (intrinsics still in place when it sits in a template). */
  definition: unknown;
  /** Position of a path inside the definition; for an embedded definition, mapped into the template's file. */
  locate(path: ValuePath): SourcePosition;
  /** Default: intrinsics read as placeholders (`${AWS::Region}`), `Fn::If` not chosen. */
  hooks?: IntrinsicHooks;
  /** The import's `basepath` parameter (CloudFormation `Parameters.basepath`); default ignore. */
  basePathMode?: BasePathMode;
}

export interface OpenApiReading {
  restApi: Omit<RawRestApi, "id">;
  resources: RawResource[];
  authorizers: RawAuthorizer[];
  /** Only the customised responses; the model supplies API Gateway's defaults for the rest. */
  gatewayResponses: RawGatewayResponse[];
  locations: ElementLocations;
  gaps: TemplateGap[];
  /** elementKey → why that element's reading is uncertain (findings on it should lower their confidence). */
  uncertainties: Record<string, string>;
}

// OpenAPI operation keys API Gateway imports, plus its ANY extension
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-any-method.html).
const OPERATIONS: Record<string, string> = {
  get: "GET",
  put: "PUT",
  post: "POST",
  delete: "DELETE",
  options: "OPTIONS",
  head: "HEAD",
  patch: "PATCH",
  "x-amazon-apigateway-any-method": "ANY",
};
const PATH_ITEM_FIELDS = new Set(["summary", "description", "parameters", "servers"]);
// Root-level extensions this reader reads or knowingly leaves aside (they do not change what a request meets).
const KNOWN_ROOT_EXTENSIONS = new Set([
  "x-amazon-apigateway-gateway-responses",
  "x-amazon-apigateway-binary-media-types",
  "x-amazon-apigateway-api-key-source",
  "x-amazon-apigateway-endpoint-configuration",
  "x-amazon-apigateway-policy",
  "x-amazon-apigateway-request-validators",
  "x-amazon-apigateway-request-validator",
  "x-amazon-apigateway-documentation",
  "x-amazon-apigateway-minimum-compression-size",
  "x-amazon-apigateway-importexport-version",
  "x-amazon-apigateway-tag-value",
  "x-amazon-apigateway-cors",
]);
const KNOWN_OPERATION_EXTENSIONS = new Set([
  "x-amazon-apigateway-integration",
  "x-amazon-apigateway-request-validator",
  "x-amazon-apigateway-auth",
]);
const VALIDATOR = "x-amazon-apigateway-request-validator";
/** API Gateway's default quota is 300 resources per API; far more than that is not a real definition. */
const MAX_PATHS = 10_000;

const ROOT_SECURITY_UNCERTAINTY =
  "authorization comes from the document-level security; API Gateway's documentation does not say whether its import applies it to operations without their own (read as applied, the way OpenAPI defines it)";

export function readOpenApiDefinition(input: OpenApiInput): OpenApiReading {
  const reading: Reading = {
    hooks: input.hooks ?? placeholderIntrinsics,
    locate: input.locate,
    gaps: [],
    locations: {},
    uncertainties: {},
  };
  const resolved = reading.hooks.resolve(input.definition);
  const root: JsonRecord = isRecord(resolved) ? resolved : {};
  if (!isRecord(resolved)) gap(reading, [], "the definition is not an object", "resources");
  const version = openApiVersion(root);
  reading.locations[elementKey({ kind: "api" })] = reading.locate([]);

  const restApi = readApiSettings(reading, root);
  const schemes = readSecuritySchemes(reading, root);

  const prefix = basePathPrefix(basePathOf(reading, root, version), input.basePathMode ?? "ignore");
  const tree = new ResourceTree(reading.locate([]));
  tree.ensure(prefix, reading.locate(version === "2" ? ["basePath"] : ["servers"]));

  // Document-level security (OpenAPI: "can be overridden by operation-level security"). API Gateway's own docs
  // are silent on it and an AWS engineer once said the import ignores it
  // (https://github.com/amazon-archives/aws-apigateway-importer/issues/204, 2017), while AWS's Smithy converter
  // writes authorizers only at the document level and relies on the import applying them
  // (https://github.com/smithy-lang/smithy/pull/329). Read as applied (the safe side for an audit) and flagged uncertain.
  const rootSecurity = field(reading, root, "security");
  const hasRootSecurity = Array.isArray(rootSecurity) && rootSecurity.length > 0;

  const paths = recordField(reading, root, "paths");
  if (!paths) gap(reading, ["paths"], "the definition has no paths", "resources");
  const pathKeys = keysOf(paths);
  if (pathKeys.length > MAX_PATHS)
    gap(reading, ["paths"], `more than ${MAX_PATHS} paths; only the first ${MAX_PATHS} were read`, "resources");

  // Resources whose location is written: each is located once, where a path first names it (building its element key
  // once, not again in the loop that locates the intermediate resources after the paths).
  const located = new Set<RawResource>();
  const definition: DefinitionContext = { reading, root, schemes, rootSecurity, hasRootSecurity, prefix, tree, located };
  if (paths) for (const pathKey of pathKeys.slice(0, MAX_PATHS)) readPathItem(definition, paths, pathKey);
  for (const resource of tree.list()) {
    if (located.has(resource)) continue;
    reading.locations[elementKey({ kind: "resource", path: resource.path })] ??= tree.positions.get(resource.path) ?? reading.locate([]);
  }
  for (const key of keysOf(root)) {
    if (key.startsWith("x-amazon-apigateway") && !KNOWN_ROOT_EXTENSIONS.has(key)) gap(reading, [key], `${key} is not read`);
  }
  if (Object.hasOwn(root, "x-amazon-apigateway-cors")) {
    // "Specifies the CORS configuration for an HTTP API" — a REST API import does not apply it
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-cors-configuration.html).
    gap(
      reading,
      ["x-amazon-apigateway-cors"],
      "x-amazon-apigateway-cors configures HTTP APIs only; a REST API import ignores it, so it adds no OPTIONS methods or CORS headers here",
    );
  }

  return {
    restApi,
    resources: tree.list(),
    authorizers: schemes.authorizers,
    gatewayResponses: readGatewayResponses(reading, root),
    locations: reading.locations,
    gaps: reading.gaps,
    uncertainties: reading.uncertainties,
  };
}

/** What every path and operation of one definition is read against, and the resources read so far. */
interface DefinitionContext {
  reading: Reading;
  root: JsonRecord;
  schemes: SecuritySchemes;
  rootSecurity: unknown;
  hasRootSecurity: boolean;
  /** Path segments the base path puts before every path's (see basePathPrefix). */
  prefix: string[];
  tree: ResourceTree;
  /** Resources whose location is written (see readOpenApiDefinition). */
  located: Set<RawResource>;
}

/**
 * One entry of `paths` → its resource (and the intermediate ones) and its methods. Functions of their own, as
 * `readMethod`, so that V8 optimises them.
 */
function readPathItem(definition: DefinitionContext, paths: JsonRecord, pathKey: string): void {
  const { reading, tree, prefix, located } = definition;
  const itemPath: ValuePath = ["paths", pathKey];
  const parts = splitPath(pathKey);
  if (!parts) {
    gap(reading, itemPath, `path "${pathKey.slice(0, 200)}" is not an absolute path of non-empty segments; not read`, "resources");
    return;
  }
  const item = field(reading, paths, pathKey);
  if (!isRecord(item)) {
    gap(reading, itemPath, `path "${pathKey}" is not an object; not read`, "resources");
    return;
  }
  if (Object.hasOwn(item, "$ref")) gap(reading, [...itemPath, "$ref"], `path "${pathKey}": a path item $ref is not read`, "resources");
  const position = reading.locate(itemPath);
  const resource = tree.ensure(prefix.length === 0 ? parts : [...prefix, ...parts], position);
  if (parts.length === 0 && prefix.length === 0) tree.positions.set("/", position);
  if (!located.has(resource)) {
    located.add(resource);
    reading.locations[elementKey({ kind: "resource", path: resource.path })] = position;
  }

  for (const key of keysOf(item)) {
    const verb = OPERATIONS[key];
    if (!verb) {
      if (PATH_ITEM_FIELDS.has(key) || key === "$ref") continue;
      if (key === "trace") gap(reading, [...itemPath, key], `${pathKey}: TRACE is not an API Gateway method; not read`);
      else if (key.startsWith("x-amazon-apigateway")) gap(reading, [...itemPath, key], `${pathKey}: ${key} is not read`);
      continue;
    }
    const opPath = childPath(itemPath, key);
    const operation = field(reading, item, key);
    const where = `${verb} ${resource.path}`;
    if (!isRecord(operation)) {
      gap(reading, opPath, `${where}: the operation is not an object; not read`, "resources");
      continue;
    }
    const methodKey = elementKey({ kind: "method", path: resource.path, httpMethod: verb });
    if (resource.resourceMethods && Object.hasOwn(resource.resourceMethods, verb)) {
      gap(reading, opPath, `${where} is defined twice (a path differing only by a trailing slash?); the first is kept`, "resources");
      continue;
    }
    const method = readMethod(definition, item, itemPath, operation, opPath, verb, where, methodKey);
    resource.resourceMethods ??= {};
    resource.resourceMethods[verb] = method;
    reading.locations[methodKey] = reading.locate(opPath);
  }
}

/**
 * One operation → its method (security, validator, parameters, responses, integration), its gaps and uncertainty.
 * A function of its own, not the body of the paths loop: V8 optimises a function by how often it runs, and the loop
 * body ran a thousand times per call of a large function that never got past the baseline compiler.
 */
function readMethod(
  { reading, root, schemes, rootSecurity, hasRootSecurity }: DefinitionContext,
  item: JsonRecord,
  itemPath: ValuePath,
  operation: JsonRecord,
  opPath: ValuePath,
  verb: string,
  where: string,
  methodKey: string,
): RawMethod {
  const method: RawMethod = { httpMethod: verb };
  const ownSecurity = Object.hasOwn(operation, "security");
  const security = methodSecurity(
    reading,
    schemes,
    ownSecurity ? field(reading, operation, "security") : rootSecurity,
    ownSecurity ? [...opPath, "security"] : ["security"],
    where,
  );
  method.authorizationType = security.authorizationType;
  if (security.authorizerId !== undefined) method.authorizerId = security.authorizerId;
  if (security.authorizationScopes) method.authorizationScopes = security.authorizationScopes;
  method.apiKeyRequired = security.apiKeyRequired;
  // x-amazon-apigateway-auth (type AWS_IAM / NONE) sets the authorization type directly
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-auth.html).
  // (Paths for gaps are built only where the field exists: most operations have neither this nor parameters.)
  const legacyAuthExtension = recordField(reading, operation, "x-amazon-apigateway-auth");
  const legacyAuth = legacyAuthExtension
    ? textField(reading, legacyAuthExtension, "type", [...opPath, "x-amazon-apigateway-auth"])
    : undefined;
  if (legacyAuth !== undefined) {
    const type = legacyAuth.toUpperCase();
    if (type === "AWS_IAM" || type === "NONE") {
      method.authorizationType = type;
      delete method.authorizerId;
    } else
      gap(
        reading,
        [...opPath, "x-amazon-apigateway-auth"],
        `${where}: x-amazon-apigateway-auth type "${legacyAuth}" is not AWS_IAM or NONE; not read`,
      );
  }
  if (security.uncertainty) reading.uncertainties[methodKey] = security.uncertainty;
  else if (!ownSecurity && hasRootSecurity && legacyAuth === undefined) reading.uncertainties[methodKey] = ROOT_SECURITY_UNCERTAINTY;

  // x-amazon-apigateway-request-validator names an entry of x-amazon-apigateway-request-validators; "The API-level
  // validator applies to all of the methods unless it is overridden by the method-level validator"
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-request-validator.html).
  // The name stands for the id the import creates, as security scheme names stand for authorizer ids.
  const validator = Object.hasOwn(operation, VALIDATOR)
    ? textField(reading, operation, VALIDATOR, [...opPath, VALIDATOR])
    : Object.hasOwn(root, VALIDATOR)
      ? textField(reading, root, VALIDATOR, [VALIDATOR])
      : undefined;
  if (validator !== undefined) method.requestValidatorId = validator;
  const operationId = textField(reading, operation, "operationId", opPath);
  if (operationId !== undefined) method.operationName = operationId;
  const itemParameters = field(reading, item, "parameters");
  const operationParameters = field(reading, operation, "parameters");
  const requestParameters =
    itemParameters === undefined && operationParameters === undefined
      ? undefined
      : readRequestParameters(reading, root, [
          { value: itemParameters, path: [...itemPath, "parameters"] },
          { value: operationParameters, path: [...opPath, "parameters"] },
        ]);
  if (requestParameters) method.requestParameters = requestParameters;
  const methodResponses = readMethodResponses(reading, root, operation, opPath);
  if (methodResponses) method.methodResponses = methodResponses;
  const integration = readIntegration(reading, operation, opPath, where);
  if (integration) method.methodIntegration = integration;
  for (const extension of keysOf(operation)) {
    if (extension.startsWith("x-amazon-apigateway") && !KNOWN_OPERATION_EXTENSIONS.has(extension)) {
      gap(reading, [...opPath, extension], `${where}: ${extension} is not read`);
    }
  }
  return method;
}

function basePathOf(reading: Reading, root: JsonRecord, version: "2" | "3" | undefined): string | undefined {
  if (version === "2") return textField(reading, root, "basePath", ["basePath"]);
  // OpenAPI 3: the first `basePath` server variable, else the path of the server URL
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api-basePath.html).
  const servers = field(reading, root, "servers");
  if (!Array.isArray(servers)) return undefined;
  for (const server of servers) {
    const variable = field(reading, recordField(reading, recordField(reading, server, "variables"), "basePath"), "default");
    if (typeof variable === "string") return variable;
  }
  const url = field(reading, servers[0], "url");
  if (typeof url !== "string") return undefined;
  const match = /^(?:[a-z]+:\/\/[^/]*)?(\/[^?#]*)/i.exec(url);
  return match?.[1] && match[1] !== "/" ? match[1] : undefined;
}

function readApiSettings(reading: Reading, root: JsonRecord): Omit<RawRestApi, "id"> {
  const info = recordField(reading, root, "info");
  const api: Omit<RawRestApi, "id"> = { name: textField(reading, info, "title", ["info"]) ?? "" };
  const description = textField(reading, info, "description", ["info"]);
  if (description !== undefined) api.description = description;
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-api-key-source.html
  const keySource = textField(reading, root, "x-amazon-apigateway-api-key-source", []);
  if (keySource !== undefined) {
    const upper = keySource.toUpperCase();
    if (upper === "HEADER" || upper === "AUTHORIZER") api.apiKeySource = upper;
    else
      gap(reading, ["x-amazon-apigateway-api-key-source"], `x-amazon-apigateway-api-key-source "${keySource}" is not HEADER or AUTHORIZER`);
  }
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-endpoint-configuration.html
  const endpoint = recordField(reading, root, "x-amazon-apigateway-endpoint-configuration");
  if (endpoint) {
    const types = textList(reading, endpoint, "types", ["x-amazon-apigateway-endpoint-configuration"]);
    if (types) api.endpointTypes = types.map((t) => t.toUpperCase());
    const disable = field(reading, endpoint, "disableExecuteApiEndpoint");
    if (typeof disable === "boolean") api.disableExecuteApiEndpoint = disable;
  }
  const binary = textList(reading, root, "x-amazon-apigateway-binary-media-types", []);
  if (binary) api.binaryMediaTypes = binary;
  const policy = field(reading, root, "x-amazon-apigateway-policy");
  if (policy !== undefined) api.policy = typeof policy === "string" ? policy : JSON.stringify(policy);
  return api;
}

// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html
function readGatewayResponses(reading: Reading, root: JsonRecord): RawGatewayResponse[] {
  const responses = recordField(reading, root, "x-amazon-apigateway-gateway-responses");
  if (!responses) return [];
  const out: RawGatewayResponse[] = [];
  for (const type of keysOf(responses)) {
    const path: ValuePath = ["x-amazon-apigateway-gateway-responses", type];
    const response = field(reading, responses, type);
    if (!GATEWAY_RESPONSE_TYPES.includes(type)) {
      gap(reading, path, `gateway response type "${type}" is not one API Gateway knows; not read`, "gatewayResponses");
      continue;
    }
    if (!isRecord(response)) {
      gap(reading, path, `gateway response ${type} is not an object; not read`, "gatewayResponses");
      continue;
    }
    const entry: RawGatewayResponse = { responseType: type, defaultResponse: false };
    const statusCode = textField(reading, response, "statusCode", path);
    if (statusCode !== undefined) entry.statusCode = statusCode;
    const responseParameters = textMap(reading, response, "responseParameters", path);
    if (responseParameters) entry.responseParameters = responseParameters;
    const responseTemplates = textMap(reading, response, "responseTemplates", path);
    if (responseTemplates) entry.responseTemplates = responseTemplates;
    out.push(entry);
    reading.locations[elementKey({ kind: "gatewayResponse", responseType: type })] = reading.locate(path);
  }
  return out;
}
