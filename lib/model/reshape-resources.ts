import {
  AUTHORIZATION_TYPES,
  HTTP_VERBS,
  type AuthorizationType,
  type HttpVerb,
  type IntegrationModel,
  type IntegrationResponseModel,
  type IntegrationType,
  type MethodModel,
  type MethodResponseModel,
  type ResourceModel,
} from "@/lib/model/types";
import type { RawIntegration, RawMethod, RawResource } from "@/lib/model/raw-snapshot";

/*
 * Runs once per method of every resource list a snapshot carries (the draft, each deployment's served copy), so for a
 * 10,000-method API it is the normaliser's hot loop (issue 16, `npm run bench:core`): no closures, spreads, entry
 * arrays or sorts per method where the input is already in order, and no message text until a warning is due.
 */

const INTEGRATION_TYPES: readonly string[] = ["HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY", "MOCK"] satisfies IntegrationType[];

// Position of each verb in HTTP_VERBS, looked up instead of two indexOf scans per comparison.
const VERB_RANK = new Map<string, number>(HTTP_VERBS.map((verb, index) => [verb, index]));

export function isHttpVerb(value: string): value is HttpVerb {
  return VERB_RANK.has(value);
}

/** Verb order of HTTP_VERBS, then alphabetical. */
export function compareVerbs(a: string, b: string): number {
  if (a === b) return 0;
  const ra = VERB_RANK.get(a) ?? HTTP_VERBS.length;
  const rb = VERB_RANK.get(b) ?? HTTP_VERBS.length;
  return ra - rb || a.localeCompare(b);
}

/** Root "/" first, then by path. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "/") return -1;
  if (b === "/") return 1;
  return a < b ? -1 : 1;
}

export function isAuthorizationType(value: string): value is AuthorizationType {
  return (AUTHORIZATION_TYPES as readonly string[]).includes(value);
}

export function toAuthorizationType(value: string | undefined, warn: (m: string) => void, where: string): AuthorizationType {
  // API Gateway's default authorizationType is NONE (https://docs.aws.amazon.com/apigateway/latest/api/API_Method.html).
  if (value === undefined) return "NONE";
  if (isAuthorizationType(value)) return value;
  warn(`${where} has an unknown authorizationType "${value}"; treated as CUSTOM.`);
  return "CUSTOM";
}

/*
 * Most lists and maps of a method are empty (no scopes, no request parameters, no cache keys, a response without
 * headers): they all share one frozen empty list or map rather than each holding its own, which is about half the
 * objects of a model and a matching share of the garbage collector's copying (issue 16). Frozen, so code that would
 * modify a normalized model fails loudly instead of changing every method at once; models are read-only once
 * normalized (model-index.ts and answered-by.ts memoise on them), and a caller that edits one copies it first
 * (lib/remediation/desired-state.ts).
 */
const EMPTY_LIST: readonly never[] = Object.freeze([]);
const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze({});

function emptyList<T>(): T[] {
  return EMPTY_LIST as unknown as T[];
}

function emptyRecord<T>(): Record<string, T> {
  return EMPTY_RECORD as Record<string, T>;
}

/** A copy of a string list (the shared empty list when it is absent or empty). */
function copyList(values: readonly string[] | undefined): string[] {
  if (values == null || values.length === 0) return emptyList();
  return Array.isArray(values) ? values.slice() : [...values];
}

/** A copy of the record with its keys in sorted order (the shared empty record when it is absent or empty). */
function sortedRecord<T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> {
  if (record == null) return emptyRecord(); // most maps are absent: no key list to build and sort
  const keys = Object.keys(record);
  if (keys.length === 0) return emptyRecord();
  const out: Record<string, T> = {};
  // Keys usually arrive sorted (the reader, the templates); sort only when they are not.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  for (const key of keys) out[key] = record[key] as T;
  return out;
}

/** Order by status code as before (localeCompare); one response, the common case, needs no comparison. */
function byStatusCode(a: { statusCode: string }, b: { statusCode: string }): number {
  return a.statusCode.localeCompare(b.statusCode);
}

// Response maps are keyed by status code, which JavaScript stores as an array index ("200"): listing their keys converts
// each index back to a string, so the responses are read as values and the key is asked for only when one lacks its
// statusCode (never from the reader, which fills it in).
function reshapeIntegrationResponses(raw: RawIntegration["integrationResponses"]): IntegrationResponseModel[] {
  if (raw == null) return emptyList();
  const values = Object.values(raw);
  if (values.length === 0) return emptyList();
  const keys = values.some((r) => r.statusCode === undefined) ? Object.keys(raw) : undefined;
  const responses = new Array<IntegrationResponseModel>(values.length);
  for (let i = 0; i < values.length; i++) {
    const r = values[i]!;
    const response: IntegrationResponseModel = {
      statusCode: r.statusCode ?? keys![i]!,
      responseParameters: sortedRecord(r.responseParameters),
    };
    if (r.selectionPattern !== undefined) response.selectionPattern = r.selectionPattern;
    if (r.responseTemplates !== undefined && hasKeys(r.responseTemplates)) response.responseTemplates = sortedRecord(r.responseTemplates);
    if (r.contentHandling !== undefined) response.contentHandling = r.contentHandling;
    responses[i] = response;
  }
  if (responses.length > 1) responses.sort(byStatusCode);
  return responses;
}

function hasKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function reshapeIntegration(raw: RawIntegration, warn: (m: string) => void, verb: string, path: string): IntegrationModel | undefined {
  const type = raw.type;
  if (type === undefined || !INTEGRATION_TYPES.includes(type)) {
    warn(`${verb} ${path} has an integration of unknown type "${type ?? ""}"; integration left out.`);
    return undefined;
  }
  const model: IntegrationModel = {
    type: type as IntegrationType,
    cacheKeyParameters: copyList(raw.cacheKeyParameters),
    requestTemplates: sortedRecord(raw.requestTemplates),
    requestParameters: sortedRecord(raw.requestParameters),
    integrationResponses: reshapeIntegrationResponses(raw.integrationResponses),
  };
  if (raw.httpMethod !== undefined) model.httpMethod = raw.httpMethod;
  if (raw.uri !== undefined) model.uri = raw.uri;
  if (raw.cacheNamespace !== undefined) model.cacheNamespace = raw.cacheNamespace;
  if (raw.contentHandling !== undefined) model.contentHandling = raw.contentHandling;
  return model;
}

function reshapeMethodResponses(raw: RawMethod["methodResponses"]): MethodResponseModel[] {
  if (raw == null) return emptyList();
  const values = Object.values(raw);
  if (values.length === 0) return emptyList();
  const keys = values.some((r) => r.statusCode === undefined) ? Object.keys(raw) : undefined;
  const responses = new Array<MethodResponseModel>(values.length);
  for (let i = 0; i < values.length; i++) {
    const r = values[i]!;
    responses[i] = { statusCode: r.statusCode ?? keys![i]!, responseParameters: sortedRecord(r.responseParameters) };
  }
  if (responses.length > 1) responses.sort(byStatusCode);
  return responses;
}

function reshapeMethod(resource: RawResource, verb: HttpVerb, raw: RawMethod, warn: (m: string) => void): MethodModel {
  const given = raw.authorizationType;
  const authorizationType =
    given !== undefined && isAuthorizationType(given) ? given : toAuthorizationType(given, warn, `${verb} ${resource.path}`);
  const method: MethodModel = {
    resourceId: resource.id,
    path: resource.path,
    httpMethod: verb,
    authorizationType,
    apiKeyRequired: raw.apiKeyRequired ?? false,
    authorizationScopes: copyList(raw.authorizationScopes),
    requestParameters: sortedRecord(raw.requestParameters),
    requestModels: sortedRecord(raw.requestModels),
    methodResponses: reshapeMethodResponses(raw.methodResponses),
  };
  if (raw.authorizerId !== undefined) method.authorizerId = raw.authorizerId;
  if (raw.operationName !== undefined) method.operationName = raw.operationName;
  if (raw.requestValidatorId) method.requestValidatorId = raw.requestValidatorId;
  if (raw.methodIntegration) {
    const integration = reshapeIntegration(raw.methodIntegration, warn, verb, resource.path);
    if (integration) method.integration = integration;
  }
  return method;
}

function byVerb(a: MethodModel, b: MethodModel): number {
  return compareVerbs(a.httpMethod, b.httpMethod);
}

const ignore = () => {};

export function reshapeResource(raw: RawResource, warn: (m: string) => void = ignore): ResourceModel {
  const rawMethods = raw.resourceMethods;
  let methods: MethodModel[] = [];
  if (rawMethods != null) {
    const verbs = Object.keys(rawMethods);
    let known = 0;
    for (const verb of verbs) if (isHttpVerb(verb)) known++;
    if (known > 0) methods = new Array<MethodModel>(known);
    let at = 0;
    for (const verb of verbs) {
      if (!isHttpVerb(verb)) {
        warn(`Resource ${raw.path} has an unknown method "${verb}"; left out.`);
        continue;
      }
      methods[at++] = reshapeMethod(raw, verb, rawMethods[verb]!, warn);
    }
    if (known > 1) methods.sort(byVerb);
  }
  const pathPart = raw.pathPart ?? (raw.path === "/" ? "" : raw.path.slice(raw.path.lastIndexOf("/") + 1));
  const model: ResourceModel = { id: raw.id, path: raw.path, pathPart, methods };
  if (raw.parentId !== undefined) model.parentId = raw.parentId;
  return model;
}

function byPath(a: ResourceModel, b: ResourceModel): number {
  return comparePaths(a.path, b.path);
}

export function reshapeResources(raw: readonly RawResource[], warn?: (m: string) => void): ResourceModel[] {
  const resources = new Array<ResourceModel>(raw.length);
  let sorted = true;
  for (let i = 0; i < raw.length; i++) {
    const resource = reshapeResource(raw[i]!, warn);
    if (sorted && i > 0 && comparePaths(resources[i - 1]!.path, resource.path) > 0) sorted = false;
    resources[i] = resource;
  }
  // The reader and the templates usually list resources in path order already; a sort would only confirm it.
  return sorted ? resources : resources.sort(byPath);
}
