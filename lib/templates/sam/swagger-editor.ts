/**
 * The parts of the SAM translator's SwaggerEditor (samtranslator/swagger/swagger.py) that decide what an API
 * Gateway method meets: events' Lambda proxy integrations, the CORS OPTIONS methods, authorizers and API keys.
 * It edits one plain JSON document that has already been resolved for one condition variant, so the
 * translator's `Fn::If` handling (`get_conditional_contents`) is not needed here. Where SAM's documentation
 * is silent, each function follows the translator function it names.
 */
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";
import { pyTruthy } from "@/lib/templates/sam/conditions";
import { setOwnKey } from "@/lib/templates/index-keys";

const INTEGRATION = "x-amazon-apigateway-integration";
export const ANY_METHOD = "x-amazon-apigateway-any-method";
// swagger.py `_EXCLUDED_PATHS_FIELDS`: path-item keys that are not methods.
const EXCLUDED_PATH_FIELDS = new Set(["summary", "description", "parameters"]);
// base_editor.py `_ALL_HTTP_METHODS`: what AllowMethods lists for a path with ANY.
const ALL_HTTP_METHODS = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"];

export function define(record: JsonRecord, key: string, value: unknown): void {
  setOwnKey(record, key, value);
}

/** base_editor.py `_normalize_method_name`: lower case, `any` → the ANY extension. */
export function normalizeMethod(method: string): string {
  const lower = method.toLowerCase();
  return lower === "any" ? ANY_METHOD : lower;
}

export class SamSwaggerEditor {
  constructor(readonly doc: JsonRecord) {
    if (!isRecord(doc.paths)) define(doc, "paths", {});
  }

  get paths(): JsonRecord {
    return this.doc.paths as JsonRecord;
  }

  private securityDefinitions(): JsonRecord {
    // SAM writes securityDefinitions in both versions (and moves them to components for OpenAPI 3 afterwards,
    // api_generator.py `_openapi_postprocess`); the reader looks in both places.
    if (!isRecord(this.doc.securityDefinitions)) define(this.doc, "securityDefinitions", {});
    return this.doc.securityDefinitions as JsonRecord;
  }

  pathItem(path: string): JsonRecord | undefined {
    const item = this.paths[path];
    return isRecord(item) ? item : undefined;
  }

  /** base_editor.py `has_integration`. */
  hasIntegration(path: string, method: string): boolean {
    const definition = this.pathItem(path)?.[normalizeMethod(method)];
    return isRecord(definition) && pyTruthy(definition[INTEGRATION]);
  }

  /** swagger.py `add_lambda_integration`: aws_proxy, POST, the function's invocation ARN; `responses` defaults to {}. */
  addLambdaIntegration(path: string, method: string, uri: unknown): void {
    const name = normalizeMethod(method);
    if (!this.pathItem(path)) define(this.paths, path, {});
    const item = this.pathItem(path) as JsonRecord;
    if (!isRecord(item[name])) define(item, name, {});
    const definition = item[name] as JsonRecord;
    define(definition, INTEGRATION, { type: "aws_proxy", httpMethod: "POST", uri });
    if (!Object.hasOwn(definition, "responses")) define(definition, "responses", {});
  }

  /** swagger.py `iter_on_all_methods_for_path`: (normalized name, definition) of methods with an integration. */
  *methodsWithIntegration(path: string): Generator<[string, JsonRecord]> {
    const item = this.pathItem(path);
    if (!item) return;
    for (const key of Object.keys(item)) {
      if (EXCLUDED_PATH_FIELDS.has(key)) continue;
      const definition = item[key];
      if (!isRecord(definition) || !pyTruthy(definition[INTEGRATION])) continue;
      yield [normalizeMethod(key), definition];
    }
  }

  private methodAt(path: string, method: string): JsonRecord | undefined {
    const definition = this.pathItem(path)?.[normalizeMethod(method)];
    return isRecord(definition) && pyTruthy(definition[INTEGRATION]) ? definition : undefined;
  }

  /**
   * swagger.py `add_cors`: a MOCK OPTIONS method on a path without one, answering with the CORS headers
   * (`_options_method_response_for_cors`); AllowMethods defaults to the path's methods plus OPTIONS, or every
   * method when the path has ANY (`_make_cors_allowed_methods_for_path_item`).
   */
  addCors(
    path: string,
    cors: { allowOrigin: unknown; allowHeaders: unknown; allowMethods: unknown; maxAge: unknown; allowCredentials: unknown },
  ): boolean {
    const item = this.pathItem(path);
    if (!item || Object.hasOwn(item, "options")) return false;
    let allowMethods = cors.allowMethods;
    if (!pyTruthy(allowMethods)) {
      const keys = Object.keys(item);
      const methods = keys.includes(ANY_METHOD) ? ALL_HTTP_METHODS : [...keys, "options"];
      allowMethods = `'${[...new Set(methods.map((m) => m.toUpperCase()))].sort().join(",")}'`;
    }
    const header = (name: string) => `method.response.header.${name}`;
    const parameters: JsonRecord = {};
    const headers: JsonRecord = {};
    define(parameters, header("Access-Control-Allow-Origin"), cors.allowOrigin);
    define(headers, "Access-Control-Allow-Origin", { type: "string" });
    if (pyTruthy(cors.allowHeaders)) {
      define(parameters, header("Access-Control-Allow-Headers"), cors.allowHeaders);
      define(headers, "Access-Control-Allow-Headers", { type: "string" });
    }
    if (pyTruthy(allowMethods)) {
      define(parameters, header("Access-Control-Allow-Methods"), allowMethods);
      define(headers, "Access-Control-Allow-Methods", { type: "string" });
    }
    if (cors.maxAge !== undefined && cors.maxAge !== null) {
      define(parameters, header("Access-Control-Max-Age"), cors.maxAge);
      define(headers, "Access-Control-Max-Age", { type: "integer" });
    }
    if (cors.allowCredentials === true) {
      define(parameters, header("Access-Control-Allow-Credentials"), "'true'");
      define(headers, "Access-Control-Allow-Credentials", { type: "string" });
    }
    define(item, "options", {
      summary: "CORS support",
      [INTEGRATION]: {
        type: "mock",
        requestTemplates: { "application/json": '{\n  "statusCode" : 200\n}\n' },
        responses: { default: { statusCode: "200", responseParameters: parameters, responseTemplates: { "application/json": "{}\n" } } },
      },
      responses: { "200": { description: "Default response for CORS method", headers } },
    });
    return true;
  }

  addSecurityDefinition(name: string, definition: JsonRecord, onlyIfAbsent: boolean): void {
    const definitions = this.securityDefinitions();
    if (onlyIfAbsent && Object.hasOwn(definitions, name)) return;
    define(definitions, name, definition);
  }

  /** swagger.py `add_awsiam_security_definition`. */
  addAwsIamSecurityDefinition(): void {
    this.addSecurityDefinition(
      "AWS_IAM",
      { "x-amazon-apigateway-authtype": "awsSigv4", type: "apiKey", name: "Authorization", in: "header" },
      true,
    );
  }

  /** swagger.py `add_apikey_security_definition`. */
  addApiKeySecurityDefinition(): void {
    this.addSecurityDefinition("api_key", { type: "apiKey", name: "x-api-key", in: "header" }, true);
  }

  /**
   * swagger.py `set_path_default_authorizer`: every method with an integration (OPTIONS too unless
   * AddDefaultAuthorizerToCorsPreflight is false) gets the default authorizer, unless the event set its own
   * authorizer or `NONE` (the marker is removed here).
   */
  setPathDefaultAuthorizer(
    path: string,
    defaultAuthorizer: string,
    authorizerNames: string[],
    scopesOf: (name: string) => unknown[],
    addToPreflight: boolean,
  ): void {
    const names = new Set(["AWS_IAM", ...authorizerNames]);
    for (const [methodName, definition] of this.methodsWithIntegration(path)) {
      if (!addToPreflight && methodName === "options") continue;
      const existing = Array.isArray(definition.security) ? (definition.security as unknown[]) : [];
      const nonAuthorizer: unknown[] = [];
      const authorizer: unknown[] = [];
      for (const security of existing) {
        if (isRecord(security) && Object.keys(security).some((k) => names.has(k))) authorizer.push(security);
        else nonAuthorizer.push(security);
      }
      let chosen: unknown[] = [];
      const noneIndex = nonAuthorizer.findIndex((s) => isRecord(s) && Object.hasOwn(s, "NONE"));
      if (noneIndex > -1) nonAuthorizer.splice(noneIndex, 1);
      else if (authorizer.length > 0) chosen = authorizer;
      else chosen = [{ [defaultAuthorizer]: scopesOf(defaultAuthorizer) }];
      const security = [...nonAuthorizer, ...chosen];
      if (security.length > 0) {
        define(definition, "security", security);
        if (isRecord(security[0]) && Object.hasOwn(security[0], "AWS_IAM")) this.addAwsIamSecurityDefinition();
      }
    }
  }

  /**
   * swagger.py `set_path_default_apikey_required`: every method with an integration gets `api_key` unless
   * the event said `ApiKeyRequired: false` (marker `api_key_false`, removed here); OPTIONS loses every API key
   * requirement when AddApiKeyRequiredToCorsPreflight is false.
   */
  setPathDefaultApiKeyRequired(path: string, requiredOnOptions: boolean): void {
    for (const [methodName, definition] of this.methodsWithIntegration(path)) {
      const existing = Array.isArray(definition.security) ? (definition.security as unknown[]) : [];
      const nonApiKey: unknown[] = [];
      const apiKey: unknown[] = [];
      for (const security of existing) {
        if (isRecord(security) && (Object.hasOwn(security, "api_key") || Object.hasOwn(security, "api_key_false"))) apiKey.push(security);
        else nonApiKey.push(security);
      }
      let added: unknown[] = [];
      const falseIndex = apiKey.findIndex((s) => isRecord(s) && Object.hasOwn(s, "api_key_false"));
      if (falseIndex > -1) apiKey.splice(falseIndex, 1);
      else added = [{ api_key: [] }];
      let security = [...nonApiKey, ...added];
      if (methodName === "options" && !requiredOnOptions) security = nonApiKey;
      if (JSON.stringify(security) !== JSON.stringify(existing)) define(definition, "security", security);
    }
  }

  /** swagger.py `_set_method_authorizer`: appends `{name: scopes}` to the method's security. */
  setMethodAuthorizer(path: string, method: string, name: string, scopes: unknown[] | undefined): void {
    const definition = this.methodAt(path, method);
    if (!definition) return;
    const existing = Array.isArray(definition.security) ? (definition.security as unknown[]) : [];
    const security = [...existing, { [name]: scopes ?? [] }];
    define(definition, "security", security);
    if (isRecord(security[0]) && Object.hasOwn(security[0], "AWS_IAM")) this.addAwsIamSecurityDefinition();
  }

  /** swagger.py `_set_method_apikey_handling`: `api_key`, or the `api_key_false` marker. */
  setMethodApiKey(path: string, method: string, required: boolean): void {
    const definition = this.methodAt(path, method);
    if (!definition) return;
    if (required) this.addApiKeySecurityDefinition();
    const existing = Array.isArray(definition.security) ? (definition.security as unknown[]) : [];
    define(definition, "security", [...existing, { [required ? "api_key" : "api_key_false"]: [] }]);
  }

  /** swagger.py `add_request_parameters_to_method`. */
  addRequestParameters(path: string, method: string, parameters: Array<{ name: string; required: unknown; caching: unknown }>): void {
    const definition = this.methodAt(path, method);
    if (!definition) return;
    const list = Array.isArray(definition.parameters) ? [...(definition.parameters as unknown[])] : [];
    for (const parameter of parameters) {
      const [location = "", ...rest] = parameter.name.replace("method.request.", "").split(".");
      list.push({
        in: location === "querystring" ? "query" : location,
        name: rest.join("."),
        required: parameter.required,
        type: "string",
      });
      if (pyTruthy(parameter.caching)) {
        const integration = definition[INTEGRATION] as JsonRecord;
        const keys = Array.isArray(integration.cacheKeyParameters) ? (integration.cacheKeyParameters as unknown[]) : [];
        define(integration, "cacheKeyParameters", [...keys, parameter.name]);
      }
    }
    define(definition, "parameters", list);
  }
}
