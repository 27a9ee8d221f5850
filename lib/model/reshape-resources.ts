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

/** A copy of a string list; absent or empty gives a fresh empty list. */
function copyList(values: readonly string[] | undefined): string[] {
  if (values == null) return [];
  return Array.isArray(values) ? values.slice() : [...values];
}

/** A copy of the record with its keys in sorted order (absent gives an empty record). */
function sortedRecord<T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (record == null) return out; // most maps are absent: no key list to build and sort
  const keys = Object.keys(record);
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

function reshapeIntegrationResponses(raw: RawIntegration["integrationResponses"]): IntegrationResponseModel[] {
  const responses: IntegrationResponseModel[] = [];
  if (raw === undefined) return responses;
  for (const key in raw) {
    if (!Object.hasOwn(raw, key)) continue;
    const r = raw[key]!;
    const response: IntegrationResponseModel = {
      statusCode: r.statusCode ?? key,
      responseParameters: sortedRecord(r.responseParameters),
    };
    if (r.selectionPattern !== undefined) response.selectionPattern = r.selectionPattern;
    if (r.responseTemplates !== undefined && hasKeys(r.responseTemplates)) response.responseTemplates = sortedRecord(r.responseTemplates);
    if (r.contentHandling !== undefined) response.contentHandling = r.contentHandling;
    responses.push(response);
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
  const responses: MethodResponseModel[] = [];
  if (raw === undefined) return responses;
  for (const key in raw) {
    if (!Object.hasOwn(raw, key)) continue;
    const r = raw[key]!;
    responses.push({ statusCode: r.statusCode ?? key, responseParameters: sortedRecord(r.responseParameters) });
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
  const methods: MethodModel[] = [];
  const rawMethods = raw.resourceMethods;
  if (rawMethods !== undefined) {
    for (const verb in rawMethods) {
      if (!Object.hasOwn(rawMethods, verb)) continue;
      if (!isHttpVerb(verb)) {
        warn(`Resource ${raw.path} has an unknown method "${verb}"; left out.`);
        continue;
      }
      methods.push(reshapeMethod(raw, verb, rawMethods[verb]!, warn));
    }
    if (methods.length > 1) methods.sort(byVerb);
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
  const resources: ResourceModel[] = [];
  let sorted = true;
  for (const item of raw) {
    const resource = reshapeResource(item, warn);
    if (sorted && resources.length > 0 && comparePaths(resources[resources.length - 1]!.path, resource.path) > 0) sorted = false;
    resources.push(resource);
  }
  // The reader and the templates usually list resources in path order already; a sort would only confirm it.
  return sorted ? resources : resources.sort(byPath);
}
