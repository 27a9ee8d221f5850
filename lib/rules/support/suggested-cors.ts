import { ModelMemo } from "@/lib/model/model-memo";
import { HTTP_VERBS, type ApiModel, type HttpVerb, type MethodModel, type ResourceModel } from "@/lib/model/types";
import type { CorsHeaders } from "@/lib/remediation/intents";
import {
  CORS_HEADER,
  defaultMappedHeader,
  defaultMappings,
  headerValue,
  includesIgnoreCase,
  literalValue,
  mappedHeader,
  splitList,
} from "./cors-headers";
import { responseForFix } from "./gateway-responses";
import { recentAnswers } from "./recent-answers";
import { requiredRequestHeaders } from "./request-headers";

/**
 * The CORS headers a resource's preflight should return: every verb it serves, every header its
 * methods need, and the origin the API already allows elsewhere ("*" when it names none). Headers
 * the existing preflight already allows are kept.
 */
export function suggestedCors(model: ApiModel, resource: ResourceModel): CorsHeaders {
  const verbs = resource.methods.map((m) => m.httpMethod);
  const served: HttpVerb[] = verbs.includes("ANY") ? HTTP_VERBS.filter((v) => v !== "ANY") : [...new Set<HttpVerb>([...verbs, "OPTIONS"])];
  const allowMethods = HTTP_VERBS.filter((v) => served.includes(v));
  const allowHeaders: string[] = ["Content-Type"];
  const add = (name: string) => {
    if (!includesIgnoreCase(allowHeaders, name)) allowHeaders.push(name);
  };
  for (const method of resource.methods) requiredRequestHeaders(model, method).forEach(add);
  const existing = optionsOf(resource);
  const existingHeaders = existing ? literalValue(defaultMappedHeader(existing, CORS_HEADER.allowHeaders) ?? "") : undefined;
  if (existingHeaders)
    splitList(existingHeaders)
      .filter((h) => h !== "*")
      .forEach(add);
  return { allowOrigin: knownOrigin(model), allowMethods, allowHeaders };
}

/** The literal origin the resource's own preflight returns, else the API's most common one (knownOrigin). */
export function preflightOrigin(model: ApiModel, resource: ResourceModel): string {
  const options = optionsOf(resource);
  const mapped = options ? defaultMappedHeader(options, CORS_HEADER.allowOrigin) : undefined;
  return (mapped === undefined ? undefined : literalValue(mapped)) || knownOrigin(model);
}

/**
 * preflightOrigin for one walk over the resources. Preflights mostly share their mappings (lib/model/shared-parts.ts),
 * so each record is read once (recentAnswers), and resources given the same origin get the same string.
 */
export function preflightOrigins(model: ApiModel): (resource: ResourceModel) => string {
  const originOf = recentAnswers(literalOrigin);
  return (resource) => {
    const options = optionsOf(resource);
    return (options === undefined ? undefined : originOf(defaultMappings(options))) || knownOrigin(model);
  };
}

function optionsOf(resource: ResourceModel): MethodModel | undefined {
  for (const method of resource.methods) if (method.httpMethod === "OPTIONS") return method;
  return undefined;
}

// Rules ask once per method; the answer depends on the whole (immutable) model, so it is computed once per model.
const knownOrigins = new ModelMemo<ApiModel, string>();

/** The most common literal Access-Control-Allow-Origin the API already returns, else "*". */
export function knownOrigin(model: ApiModel): string {
  let origin = knownOrigins.get(model);
  if (origin === undefined) {
    origin = mostCommonOrigin(model);
    knownOrigins.set(model, origin);
  }
  return origin;
}

function mostCommonOrigin(model: ApiModel): string {
  const counts = new Map<string, number>();
  // Methods mostly share their default response's mappings (a GET's, a preflight's): each record is read once.
  const originOf = recentAnswers(literalOrigin);
  for (const resource of model.resources) {
    for (const method of resource.methods) {
      const origin = originOf(defaultMappings(method));
      if (origin) counts.set(origin, (counts.get(origin) ?? 0) + 1);
    }
  }
  for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"])
    countOrigin(counts, headerValue(responseForFix(model, type).headers, CORS_HEADER.allowOrigin));
  // The first origin counted among the most frequent (what a stable sort by descending count puts first).
  let best: string | undefined;
  let bestCount = 0;
  for (const [origin, count] of counts) {
    if (count > bestCount) {
      best = origin;
      bestCount = count;
    }
  }
  return best ?? "*";
}

/** The literal Access-Control-Allow-Origin that response parameters map (defaultMappedHeader's, as a literal). */
function literalOrigin(parameters: Readonly<Record<string, string>> | undefined): string | undefined {
  const expression = mappedHeader(parameters, CORS_HEADER.allowOrigin);
  return expression === undefined ? undefined : literalValue(expression);
}

function countOrigin(counts: Map<string, number>, expression: string | undefined): void {
  const value = expression === undefined ? undefined : literalValue(expression);
  if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
}
