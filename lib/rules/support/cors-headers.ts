import { ModelMemo } from "@/lib/model/model-memo";
import { describeOverride, type HeaderOverride } from "@/lib/model/response-overrides";
import { sameIgnoringCase, startsWithIgnoringCase } from "./ignore-case";
import { overriddenHeaders } from "./template-headers";
import type { HttpVerb, IntegrationResponseModel, MethodModel, MethodResponseModel } from "@/lib/model/types";

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
  // /^'(.*)'$/s on the trimmed expression, without a match array: asked of every mapping the rules read. A value that
  // is already quoted at both ends has nothing to trim.
  const text = isQuoted(expression) ? expression : expression.trim();
  return isQuoted(text) ? text.slice(1, -1) : undefined;
}

function isQuoted(text: string): boolean {
  return text.length >= 2 && text.charCodeAt(0) === QUOTE && text.charCodeAt(text.length - 1) === QUOTE;
}

const QUOTE = 39; // '

export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

export function includesIgnoreCase(list: readonly string[], item: string): boolean {
  for (const entry of list) if (sameIgnoringCase(entry, item)) return true;
  return false;
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
  const entry = defaultEntry(method);
  return (entry.response ??= computeDefaultResponse(entry));
}

/** What a default response sends for the CORS headers: sentHeader() of each, read in place. */
export interface SentCors {
  /** The status of the default integration response; none without one. */
  statusCode?: string;
  origin?: string;
  methods?: string;
  headers?: string;
  /** Access-Control-Allow-Credentials is the literal true. */
  credentials: boolean;
  /** Mapped header names that neither the method response declares nor a template sets: API Gateway does not return them. */
  undeclared: readonly string[];
}

/**
 * The CORS headers of defaultResponse(method), without building its lists and records: asked of every OPTIONS, where
 * copying each response's mappings and declarations dominated, while only a response with a problem needs them.
 */
export function defaultCors(method: MethodModel): SentCors {
  const entry = defaultEntry(method);
  return (entry.cors ??= computeCors(entry));
}

/**
 * defaultCors(method) without keeping the answer, for a caller that asks once per method: preflight-response-incomplete
 * inspects every OPTIONS once, and a memo entry for each (a WeakMap look-up and store, an entry that lives as long as
 * the model) cost more than reading the headers again where it finds a problem (issue 16).
 */
export function readCors(method: MethodModel): SentCors {
  const chosen = chosenResponse(method);
  return computeCors({ chosen, declaredBy: methodResponseWithStatus(method, chosen?.statusCode)?.responseParameters });
}

/**
 * readCors for one walk over the methods, keeping only its last answer: the answer depends only on the chosen
 * integration response and the declarations it is read with (DefaultEntry), and normalise gives methods that describe
 * them equally the same objects (lib/model/shared-parts.ts), so consecutive OPTIONS mostly ask about the same pair.
 * Made per check, so nothing outlives it; 3,334 OPTIONS in bench:core read their headers once instead of each
 * allocating the lists computeCors reads into (issue 16). Callers only read the answer.
 */
export function corsReader(): (method: MethodModel) => SentCors {
  let last: DefaultEntry | undefined;
  let answer: SentCors | undefined;
  return (method) => {
    const chosen = chosenResponse(method);
    const declaredBy = methodResponseWithStatus(method, chosen?.statusCode)?.responseParameters;
    if (answer === undefined || last === undefined || last.chosen !== chosen || last.declaredBy !== declaredBy) {
      last = { chosen, declaredBy };
      answer = computeCors(last);
    }
    return answer;
  };
}

/**
 * A default response depends only on the integration response chosen and the method response of its status (its
 * declared headers). Equal methods may share their integration response objects (normalise reuses a method it has
 * seen, lib/model/reshape-resources.ts), so answers are kept per integration response, with the declarations they were
 * read with; a method without integration responses is its own key. Model records are not changed once normalised.
 */
interface DefaultEntry {
  chosen: IntegrationResponseModel | undefined;
  /** The responseParameters of the method response whose status the chosen response answers. */
  declaredBy: Readonly<Record<string, boolean>> | undefined;
  response?: ConfiguredResponse;
  cors?: SentCors;
}

const defaultEntries = new ModelMemo<object, DefaultEntry>();

function defaultEntry(method: MethodModel): DefaultEntry {
  const chosen = chosenResponse(method);
  const declaredBy = methodResponseWithStatus(method, chosen?.statusCode)?.responseParameters;
  const key: object = chosen ?? method;
  let entry = defaultEntries.get(key);
  if (entry === undefined || entry.declaredBy !== declaredBy) {
    entry = { chosen, declaredBy };
    defaultEntries.set(key, entry);
  }
  return entry;
}

/** The integration response a method answers with when no selection pattern matches (the "default"). */
function chosenResponse(method: MethodModel): IntegrationResponseModel | undefined {
  const responses = method.integration?.integrationResponses;
  if (responses === undefined) return undefined;
  // Indexed: the model's lists may be its shared frozen empty one, whose for-of allocates (shared-parts.ts).
  for (let i = 0; i < responses.length; i++) if (!(responses[i] as IntegrationResponseModel).selectionPattern) return responses[i];
  return responses[0];
}

/** The method response of that status, which declares the headers an integration response of that status may map. */
export function methodResponseWithStatus(method: MethodModel, statusCode: string | undefined): MethodResponseModel | undefined {
  const responses = method.methodResponses;
  // Indexed: the list may be the model's shared frozen empty one (shared-parts.ts).
  for (let i = 0; i < responses.length; i++) if ((responses[i] as MethodResponseModel).statusCode === statusCode) return responses[i];
  return undefined;
}

/**
 * `headerValue(defaultResponse(method).mapped, name)` without building the whole response: asked of every method (the
 * API's most common origin), where parsing each method's mapping templates and copying its mappings dominated.
 */
export function defaultMappedHeader(method: MethodModel, name: string): string | undefined {
  return mappedHeader(defaultMappings(method), name);
}

/** The response parameters of the default integration response, which defaultMappedHeader reads. */
export function defaultMappings(method: MethodModel): Readonly<Record<string, string>> | undefined {
  return chosenResponse(method)?.responseParameters;
}

/**
 * The value integration response parameters map to a method response header, read in place. The same answer as
 * copying the "method.response.header.*" entries into a record and asking headerValue(): the first header whose name
 * matches ignoring case, with the value last mapped to exactly that name.
 */
export function mappedHeader(parameters: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  if (parameters === undefined) return undefined;
  const wanted = CANONICAL_NAMES.indexOf(name);
  let found: string | undefined;
  let value: string | undefined;
  for (const key in parameters) {
    if (!Object.hasOwn(parameters, key)) continue;
    const canonical = CANONICAL_KEYS.indexOf(key);
    if (canonical === -1 && !startsWithIgnoringCase(key, MAPPED_PREFIX)) continue;
    if (found === undefined ? namesHeader(key, canonical, name, wanted) : sameHeader(key, found)) {
      found = key;
      value = parameters[key];
    }
  }
  return value;
}

/**
 * Whether a "method.response.header.*" key names the header ignoring case. Two canonical spellings (CANONICAL_KEYS and
 * CANONICAL_NAMES, by index) are the same header exactly when they are the same entry; anything else is compared.
 */
function namesHeader(key: string, canonicalKey: number, name: string, canonicalName: number): boolean {
  if (canonicalKey !== -1 && canonicalName !== -1) return canonicalKey === canonicalName;
  return sameIgnoringCase(key, name, MAPPED_PREFIX.length);
}

/** Whether method response parameters declare a header (`method.response.header.<name>`, any case). */
export function declaresHeader(parameters: Readonly<Record<string, boolean>> | undefined, name: string): boolean {
  if (parameters === undefined) return false;
  const wanted = CANONICAL_NAMES.indexOf(name);
  for (const key in parameters) {
    if (!Object.hasOwn(parameters, key)) continue;
    const canonical = CANONICAL_KEYS.indexOf(key);
    if ((canonical !== -1 || startsWithIgnoringCase(key, MAPPED_PREFIX)) && namesHeader(key, canonical, name, wanted)) return true;
  }
  return false;
}

const MAPPED_PREFIX = "method.response.header.";

/** Two mapping keys name exactly the same header (the prefix may differ in case). */
function sameHeader(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = MAPPED_PREFIX.length; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

function computeDefaultResponse(entry: DefaultEntry): ConfiguredResponse {
  const { chosen, declaredBy } = entry;
  const declared: string[] = [];
  if (declaredBy !== undefined)
    for (const key in declaredBy)
      if (Object.hasOwn(declaredBy, key) && startsWithIgnoringCase(key, MAPPED_PREFIX)) declared.push(key.slice(MAPPED_PREFIX.length));
  const mapped: Record<string, string> = {};
  const parameters = chosen?.responseParameters;
  if (parameters !== undefined)
    for (const key in parameters)
      if (Object.hasOwn(parameters, key) && startsWithIgnoringCase(key, MAPPED_PREFIX))
        mapped[key.slice(MAPPED_PREFIX.length)] = parameters[key] as string;
  const templated = overriddenHeaders(chosen?.responseTemplates);
  const statusCode = chosen?.statusCode;
  return statusCode !== undefined ? { statusCode, declared, mapped, templated } : { declared, mapped, templated };
}

/**
 * One pass over the default response's mappings. Each "method.response.header.*" key is lower-cased once and compared
 * whole with the names wanted (comparing every key with every name character by character, for four names and the
 * declarations, cost more than the copies it saved). The mapping read for each name is mappedHeader()'s.
 */
function computeCors(entry: DefaultEntry): SentCors {
  const { chosen, declaredBy } = entry;
  const parameters = chosen?.responseParameters;
  const templated = overriddenHeaders(chosen?.responseTemplates);
  const declared = lowerCasedHeaders(declaredBy);
  const found: Array<string | undefined> = [undefined, undefined, undefined, undefined];
  const mapped: Array<string | undefined> = [undefined, undefined, undefined, undefined];
  let undeclared: string[] | undefined;
  if (parameters !== undefined)
    for (const key in parameters) {
      if (!Object.hasOwn(parameters, key)) continue;
      const canonical = CANONICAL_KEYS.indexOf(key);
      if (canonical === -1 && !startsWithIgnoringCase(key, MAPPED_PREFIX)) continue;
      const name = canonical === -1 ? key.slice(MAPPED_PREFIX.length) : CANONICAL_NAMES[canonical]!;
      const lower = canonical === -1 ? name.toLowerCase() : SENT[canonical]!;
      for (let i = 0; i < SENT.length; i++) {
        // The first name matching ignoring case, with the value last mapped to exactly that name.
        if (found[i] === undefined ? lower === SENT[i] : name === found[i]) {
          found[i] = name;
          mapped[i] = parameters[key];
        }
      }
      // Template overrides need no method response declaration ("programmatically create new parameters":
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html).
      // A record of names cannot hold "__proto__" (assigning a string to it is ignored), so that mapping is not listed.
      if (declared.includes(lower) || name === "__proto__" || (templated.size > 0 && templated.has(lower))) continue;
      // Mappings whose keys differ only in the prefix's case name one header (a record of names lists it once).
      if (undeclared === undefined) undeclared = [name];
      else if (!undeclared.includes(name)) undeclared.push(name);
    }
  const credentials = literalValue(sentOf(templated, mapped, 3) ?? "") === "true";
  const cors: SentCors = { credentials, undeclared: undeclared ?? NONE_UNDECLARED };
  if (chosen !== undefined) cors.statusCode = chosen.statusCode;
  const origin = sentOf(templated, mapped, 0);
  const methods = sentOf(templated, mapped, 1);
  const headers = sentOf(templated, mapped, 2);
  if (origin !== undefined) cors.origin = origin;
  if (methods !== undefined) cors.methods = methods;
  if (headers !== undefined) cors.headers = headers;
  return cors;
}

/** sentHeader() of SENT[i]: the template's override, else the mapping. */
function sentOf(templated: ReadonlyMap<string, HeaderOverride>, mapped: ReadonlyArray<string | undefined>, i: number): string | undefined {
  const override = templated.size === 0 ? undefined : templated.get(SENT[i]!);
  return override ? overrideValue(override) : mapped[i];
}

/** The CORS headers computeCors reads, in SentCors order: origin, methods, headers, credentials. */
const CANONICAL_NAMES: readonly string[] = [
  CORS_HEADER.allowOrigin,
  CORS_HEADER.allowMethods,
  CORS_HEADER.allowHeaders,
  CORS_HEADER.allowCredentials,
];
/** Lower-cased. */
const SENT = CANONICAL_NAMES.map((h) => h.toLowerCase());
/**
 * Their mapping keys as the console, SAM and CDK spell them, as literals: property names are unique strings in V8, so
 * telling one of these from any other key is a pointer comparison, and its name needs no copy.
 */
const CANONICAL_KEYS: readonly string[] = [
  "method.response.header.Access-Control-Allow-Origin",
  "method.response.header.Access-Control-Allow-Methods",
  "method.response.header.Access-Control-Allow-Headers",
  "method.response.header.Access-Control-Allow-Credentials",
];

const NONE_UNDECLARED: readonly string[] = Object.freeze([]);

/** The lower-cased names of the "method.response.header.*" keys of a method response's parameters. */
function lowerCasedHeaders(parameters: Readonly<Record<string, boolean>> | undefined): readonly string[] {
  if (parameters === undefined) return NONE_UNDECLARED;
  const names: string[] = [];
  for (const key in parameters) {
    if (!Object.hasOwn(parameters, key)) continue;
    const canonical = CANONICAL_KEYS.indexOf(key);
    if (canonical !== -1) names.push(SENT[canonical]!);
    else if (startsWithIgnoringCase(key, MAPPED_PREFIX)) names.push(key.slice(MAPPED_PREFIX.length).toLowerCase());
  }
  return names;
}

/**
 * The value a response sends for a header, as a mapping expression: a template override wins over the mapping
 * (overrides are applied after the standard mappings and are final:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html).
 * A template literal set unconditionally reads as the quoted literal "'value'"; a dynamic or conditional one as its
 * description ("dynamic: echoes the request Origin"), which literalValue() does not take for a literal.
 */
export function sentHeader(response: Pick<ConfiguredResponse, "mapped" | "templated">, name: string): string | undefined {
  const override = response.templated.size === 0 ? undefined : response.templated.get(name.toLowerCase());
  if (override) return overrideValue(override);
  return headerValue(response.mapped, name);
}

function overrideValue(override: HeaderOverride): string {
  return override.value.kind === "literal" && !override.conditional ? `'${override.value.value}'` : describeOverride(override);
}

export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const key in headers) if (Object.hasOwn(headers, key) && sameIgnoringCase(key, name)) return headers[key];
  return undefined;
}
