import { describeOverride, type HeaderOverride } from "@/lib/model/response-overrides";
import { overriddenHeaders } from "./template-headers";
import type { HttpVerb, IntegrationResponseModel, MethodModel } from "@/lib/model/types";

/** Methods a browser sends cross-origin without a preflight (Fetch standard "CORS-safelisted method"). */
export const SAFELISTED_METHODS: ReadonlySet<HttpVerb> = new Set<HttpVerb>(["GET", "HEAD", "POST"]);

/** Content types a request may carry without a preflight (Fetch standard "CORS-safelisted request-header"). */
export const SAFELISTED_CONTENT_TYPES: ReadonlySet<string> = new Set([
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "text/plain",
]);

/** Request headers that never trigger a preflight on their own. */
export const SAFELISTED_REQUEST_HEADERS: ReadonlySet<string> = new Set(["accept", "accept-language", "content-language", "content-type"]);

/**
 * Headers a preflight OPTIONS carries: the CORS ones plus what the browser adds to every request.
 * It never carries credentials: no Authorization, no Cookie, no x-api-key, no custom header.
 */
export const PREFLIGHT_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  "origin",
  "access-control-request-method",
  "access-control-request-headers",
  "accept",
  "accept-encoding",
  "accept-language",
  "user-agent",
  "referer",
  "host",
  "connection",
  "sec-fetch-mode",
  "sec-fetch-site",
  "sec-fetch-dest",
]);

export const CORS_HEADER = {
  allowOrigin: "Access-Control-Allow-Origin",
  allowMethods: "Access-Control-Allow-Methods",
  allowHeaders: "Access-Control-Allow-Headers",
  allowCredentials: "Access-Control-Allow-Credentials",
} as const;

/** "'GET,PUT'" → "GET,PUT"; a non-literal mapping (a request header, a stage variable) → undefined. */
export function literalValue(expression: string): string | undefined {
  const match = /^'(.*)'$/s.exec(expression.trim());
  return match ? match[1] : undefined;
}

export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function includesIgnoreCase(list: readonly string[], item: string): boolean {
  return list.some((entry) => entry.toLowerCase() === item.toLowerCase());
}

export function isProxyIntegration(method: MethodModel): boolean {
  return method.integration?.type === "AWS_PROXY" || method.integration?.type === "HTTP_PROXY";
}

/** The response headers a method returns on its success path, as configured in API Gateway. */
export interface ConfiguredResponse {
  /** The integration response used when no selection pattern matches (the "default"). */
  statusCode?: string;
  /** Header names declared by the method response of that status. */
  declared: string[];
  /** Header name → mapping expression from the integration response. */
  mapped: Record<string, string>;
  /** Lower-cased header name → what the integration response's mapping template sets via $context.responseOverride.header. */
  templated: ReadonlyMap<string, HeaderOverride>;
}

/**
 * Headers of the default integration response (no selection pattern) and the matching method
 * response. A MOCK preflight answers through it; proxy integrations pass the backend's headers
 * through instead, so callers check isProxyIntegration first.
 */
export function defaultResponse(method: MethodModel): ConfiguredResponse {
  // Asked for every method (knownOrigin) and again per OPTIONS by several rules; methods are immutable once
  // normalized, so each is computed once. Shared: callers only read it.
  let response = defaultResponses.get(method);
  if (!response) {
    response = computeDefaultResponse(method);
    defaultResponses.set(method, response);
  }
  return response;
}

const defaultResponses = new WeakMap<MethodModel, ConfiguredResponse>();

/** The integration response a method answers with when no selection pattern matches (the "default"). */
function chosenResponse(method: MethodModel): IntegrationResponseModel | undefined {
  const responses = method.integration?.integrationResponses ?? [];
  return responses.find((r) => !r.selectionPattern) ?? responses[0];
}

/**
 * `headerValue(defaultResponse(method).mapped, name)` without building the whole response: asked of every method (the
 * API's most common origin), where parsing each method's mapping templates and copying its mappings dominated.
 */
export function defaultMappedHeader(method: MethodModel, name: string): string | undefined {
  return mappedHeader(chosenResponse(method)?.responseParameters, name);
}

/**
 * The value integration response parameters map to a method response header, read in place. The same answer as
 * copying the "method.response.header.*" entries into a record and asking headerValue(): the first header whose name
 * matches ignoring case, with the value last mapped to exactly that name.
 */
export function mappedHeader(parameters: Record<string, string> | undefined, name: string): string | undefined {
  if (parameters === undefined) return undefined;
  const wanted = name.toLowerCase();
  let found: string | undefined;
  let value: string | undefined;
  for (const key in parameters) {
    if (!Object.hasOwn(parameters, key) || !key.toLowerCase().startsWith(MAPPED_PREFIX)) continue;
    const header = key.slice(MAPPED_PREFIX.length);
    if (found === undefined ? header.toLowerCase() === wanted : header === found) {
      found = header;
      value = parameters[key];
    }
  }
  return value;
}

/** Whether method response parameters declare a header (`method.response.header.<name>`, any case). */
export function declaresHeader(parameters: Record<string, boolean> | undefined, name: string): boolean {
  if (parameters === undefined) return false;
  const wanted = name.toLowerCase();
  for (const key in parameters) {
    if (
      Object.hasOwn(parameters, key) &&
      key.toLowerCase().startsWith(MAPPED_PREFIX) &&
      key.slice(MAPPED_PREFIX.length).toLowerCase() === wanted
    )
      return true;
  }
  return false;
}

const MAPPED_PREFIX = "method.response.header.";

function computeDefaultResponse(method: MethodModel): ConfiguredResponse {
  const chosen = chosenResponse(method);
  const statusCode = chosen?.statusCode;
  const methodResponse = method.methodResponses.find((r) => r.statusCode === statusCode);
  const declared = Object.keys(methodResponse?.responseParameters ?? {})
    .filter((key) => key.toLowerCase().startsWith("method.response.header."))
    .map((key) => key.slice("method.response.header.".length));
  const mapped: Record<string, string> = {};
  for (const [key, value] of Object.entries(chosen?.responseParameters ?? {})) {
    if (key.toLowerCase().startsWith("method.response.header.")) mapped[key.slice("method.response.header.".length)] = value;
  }
  return { ...(statusCode !== undefined ? { statusCode } : {}), declared, mapped, templated: overriddenHeaders(chosen?.responseTemplates) };
}

/**
 * The value a response sends for a header, as a mapping expression: a template override wins over the mapping
 * (overrides are applied after the standard mappings and are final:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html).
 * A template literal set unconditionally reads as the quoted literal "'value'"; a dynamic or conditional one as its
 * description ("dynamic: echoes the request Origin"), which literalValue() does not take for a literal.
 */
export function sentHeader(response: Pick<ConfiguredResponse, "mapped" | "templated">, name: string): string | undefined {
  const override = response.templated.get(name.toLowerCase());
  if (override)
    return override.value.kind === "literal" && !override.conditional ? `'${override.value.value}'` : describeOverride(override);
  return headerValue(response.mapped, name);
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
