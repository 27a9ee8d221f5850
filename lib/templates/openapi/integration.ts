/**
 * An operation's `x-amazon-apigateway-integration`, responses and parameters → the method's integration,
 * integration responses, method responses and request parameters
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html).
 */
import type { RawIntegration, RawIntegrationResponse, RawMethodResponse } from "@/lib/model/raw-snapshot";
import type { ValuePath } from "@/lib/templates/document";
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";
import { dereference } from "@/lib/templates/openapi/refs";
import { childPath, field, gap, keysOf, recordField, textField, textList, textMap, type Reading } from "@/lib/templates/openapi/reading";
import { setOwn } from "@/lib/model/set-own";
import { indexKeyedMap } from "@/lib/templates/index-keys";

const INTEGRATION_TYPES: Record<string, string> = {
  aws: "AWS",
  aws_proxy: "AWS_PROXY",
  http: "HTTP",
  http_proxy: "HTTP_PROXY",
  mock: "MOCK",
};

export function readIntegration(reading: Reading, operation: JsonRecord, path: ValuePath, where: string): RawIntegration | undefined {
  const ext = field(reading, operation, "x-amazon-apigateway-integration");
  if (ext === undefined) return undefined;
  const at = childPath(path, "x-amazon-apigateway-integration");
  if (!isRecord(ext)) {
    gap(reading, at, `${where}: x-amazon-apigateway-integration is not an object; not read`, "resources");
    return undefined;
  }
  const typeText = textField(reading, ext, "type", at)?.toLowerCase();
  const type = typeText === undefined ? undefined : INTEGRATION_TYPES[typeText];
  if (!type) {
    gap(
      reading,
      [...at, "type"],
      `${where}: integration type "${typeText ?? ""}" is not aws, aws_proxy, http, http_proxy or mock; integration not read`,
      "resources",
    );
    return undefined;
  }
  const integration: RawIntegration = { type };
  const httpMethod = textField(reading, ext, "httpMethod", at);
  if (httpMethod !== undefined) integration.httpMethod = httpMethod.toUpperCase();
  const uri = textField(reading, ext, "uri", at);
  if (uri !== undefined) integration.uri = uri;
  const requestParameters = textMap(reading, ext, "requestParameters", at);
  if (requestParameters) integration.requestParameters = requestParameters;
  const requestTemplates = textMap(reading, ext, "requestTemplates", at);
  if (requestTemplates) integration.requestTemplates = requestTemplates;
  const cacheKeyParameters = textList(reading, ext, "cacheKeyParameters", at);
  if (cacheKeyParameters) integration.cacheKeyParameters = cacheKeyParameters;
  const cacheNamespace = textField(reading, ext, "cacheNamespace", at);
  if (cacheNamespace !== undefined) integration.cacheNamespace = cacheNamespace;
  const contentHandling = textField(reading, ext, "contentHandling", at);
  if (contentHandling !== undefined) integration.contentHandling = contentHandling;
  const responses = recordField(reading, ext, "responses");
  if (responses) integration.integrationResponses = readIntegrationResponses(reading, responses, childPath(at, "responses"), where);
  return integration;
}

/**
 * `responses` is keyed by selection pattern ("default" = the response without one); API Gateway keys
 * integration responses by status code, so two patterns for one status code cannot both exist.
 */
function readIntegrationResponses(
  reading: Reading,
  responses: JsonRecord,
  at: ValuePath,
  where: string,
): Record<string, RawIntegrationResponse> {
  // Keyed by status code (array indexes: see index-keys.ts).
  const out = indexKeyedMap<RawIntegrationResponse>();
  for (const pattern of keysOf(responses)) {
    const response = field(reading, responses, pattern);
    const path = childPath(at, pattern);
    if (!isRecord(response)) {
      gap(reading, path, `${where}: integration response "${pattern}" is not an object; not read`, "resources");
      continue;
    }
    const statusCode = textField(reading, response, "statusCode", path);
    if (statusCode === undefined) {
      gap(reading, path, `${where}: integration response "${pattern}" has no statusCode; not read`, "resources");
      continue;
    }
    if (Object.hasOwn(out, statusCode)) {
      gap(
        reading,
        path,
        `${where}: two integration responses for status ${statusCode}; API Gateway keeps one per status code`,
        "resources",
      );
      continue;
    }
    const entry: RawIntegrationResponse = { statusCode };
    if (pattern !== "default") entry.selectionPattern = pattern;
    const responseParameters = textMap(reading, response, "responseParameters", path);
    if (responseParameters) entry.responseParameters = responseParameters;
    const responseTemplates = textMap(reading, response, "responseTemplates", path);
    if (responseTemplates) entry.responseTemplates = responseTemplates;
    const contentHandling = textField(reading, response, "contentHandling", path);
    if (contentHandling !== undefined) entry.contentHandling = contentHandling;
    setOwn(out, statusCode, entry);
  }
  return out;
}

/** `/^[1-5]\d\d$/` without a regular expression (this runs on every response of every operation). */
function isStatusCode(code: string): boolean {
  if (code.length !== 3) return false;
  const first = code.charCodeAt(0);
  const second = code.charCodeAt(1);
  const third = code.charCodeAt(2);
  return first >= 49 && first <= 53 && second >= 48 && second <= 57 && third >= 48 && third <= 57;
}

/** What `dereference` follows: an object with its own string `$ref`. */
function isRef(value: unknown): boolean {
  return isRecord(value) && Object.hasOwn(value, "$ref") && typeof value.$ref === "string";
}

/** Response headers become `method.response.header.<name>` (required only when the header says so). */
export function readMethodResponses(
  reading: Reading,
  root: JsonRecord,
  operation: JsonRecord,
  path: ValuePath,
): Record<string, RawMethodResponse> | undefined {
  const responses = recordField(reading, operation, "responses");
  if (!responses) return undefined;
  const out = indexKeyedMap<RawMethodResponse>();
  for (const code of keysOf(responses)) {
    // Only concrete status codes become method responses; "default" and ranges such as "2XX" have no API Gateway equivalent.
    if (!isStatusCode(code)) continue;
    // dereference only for a $ref (it returns anything else as it is): its path, for gaps, is built only then.
    const written = field(reading, responses, code);
    const { value: response, path: responsePath } = isRef(written)
      ? dereference(reading, root, written, [...path, "responses", code])
      : { value: written, path: undefined };
    const entry: RawMethodResponse = { statusCode: code };
    const headers = recordField(reading, response, "headers");
    if (headers) {
      const parameters: Record<string, boolean> = {};
      for (const name of keysOf(headers)) {
        const writtenHeader = field(reading, headers, name);
        const header = isRef(writtenHeader)
          ? dereference(reading, root, writtenHeader, [...(responsePath ?? [...path, "responses", code]), "headers", name]).value
          : writtenHeader;
        parameters[`method.response.header.${name}`] = isRecord(header) && header.required === true;
      }
      entry.responseParameters = parameters;
    }
    setOwn(out, code, entry);
  }
  return out;
}

const PARAMETER_LOCATIONS: Record<string, string> = { path: "path", query: "querystring", header: "header" };

/** Path-item and operation `parameters` (the operation's win) → `method.request.<location>.<name>`: required. */
export function readRequestParameters(
  reading: Reading,
  root: JsonRecord,
  lists: Array<{ value: unknown; path: ValuePath }>,
): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  let any = false;
  for (const { value, path } of lists) {
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      gap(reading, path, "parameters is not a list; not read");
      continue;
    }
    value.forEach((raw, index) => {
      const { value: parameter } = dereference(reading, root, reading.hooks.resolve(raw), [...path, index]);
      if (!isRecord(parameter)) return;
      const location = typeof parameter.in === "string" ? PARAMETER_LOCATIONS[parameter.in] : undefined;
      const name = typeof parameter.name === "string" ? parameter.name : undefined;
      if (!location || !name) return;
      // Path parameters are always required (OpenAPI: "required … MUST be true" for in: path).
      out[`method.request.${location}.${name}`] = location === "path" || parameter.required === true;
      any = true;
    });
  }
  return any ? out : undefined;
}
