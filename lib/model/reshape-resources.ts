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
import { setOwn } from "@/lib/model/set-own";
import { createSharedParts, type PartTable, type SharedParts } from "@/lib/model/shared-parts";
import type { RawIntegration, RawIntegrationResponse, RawMethod, RawMethodResponse, RawResource } from "@/lib/model/raw-snapshot";

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

const AUTHORIZATION_TYPE_SET: ReadonlySet<string> = new Set(AUTHORIZATION_TYPES);

export function isAuthorizationType(value: string): value is AuthorizationType {
  return AUTHORIZATION_TYPE_SET.has(value);
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

/**
 * A copy of the record with its keys in sorted order (the shared empty record when it is absent or empty). Keys usually
 * arrive sorted (the reader, the templates): they are copied as they come, with no key list, and only a record whose
 * keys are out of order is copied again from its sorted keys. Always a copy, never the raw record itself: rules memoise
 * on a model's records (lib/rules/support/template-headers.ts), and a raw record would carry its memo from one audit
 * of a snapshot to the next.
 */
function sortedRecord<T>(record: Readonly<Record<string, T>> | undefined): Record<string, T> {
  if (record == null) return emptyRecord(); // most maps are absent
  let out: Record<string, T> | undefined;
  let previous: string | undefined;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (previous !== undefined && previous > key) return sortedCopy(record);
    // A key named __proto__ (a media type or header may be called that) stays an own entry.
    setOwn((out ??= {}), key, record[key] as T);
    previous = key;
  }
  return out ?? emptyRecord();
}

function sortedCopy<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) setOwn(out, key, record[key] as T);
  return out;
}

/** Order by status code as before (localeCompare); one response, the common case, needs no comparison. */
function byStatusCode(a: { statusCode: string }, b: { statusCode: string }): number {
  return a.statusCode.localeCompare(b.statusCode);
}

/**
 * The record as sortedRecord copies it, or the equal one the table holds (shared-parts.ts): compared with the raw
 * record before anything is copied.
 */
function sharedRecord<T>(raw: Readonly<Record<string, T>> | undefined, table: PartTable<Record<string, T>>): Record<string, T> {
  if (raw == null) return emptyRecord();
  const items = table.items;
  for (let i = 0; i < items.length; i++) if (recordMatches(raw, items[i]!)) return table.take(i);
  const record = sortedRecord(raw);
  return record === EMPTY_RECORD ? record : table.put(record);
}

// Response maps are keyed by status code, which JavaScript keeps as array indexes ("200"); their keys are listed once
// (Object.keys is the cheapest walk over indexed keys) and each response read by its key.
function reshapeIntegrationResponses(raw: RawIntegration["integrationResponses"], parts: SharedParts): IntegrationResponseModel[] {
  if (raw == null) return emptyList();
  const keys = Object.keys(raw);
  if (keys.length === 0) return emptyList();
  const table = parts.integrationResponses;
  const lists = table.items;
  if (keys.length === 1) {
    // The usual single response is looked for among the lists made before, then built.
    const key = keys[0]!;
    const r = raw[key]!;
    const statusCode = r.statusCode ?? key;
    const responseParameters = sharedRecord(r.responseParameters, parts.mappedHeaders);
    const responseTemplates = sharedTemplates(r.responseTemplates, parts);
    const { selectionPattern, contentHandling } = r;
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i]!;
      if (
        list.length === 1 &&
        sameIntegrationResponse(list[0]!, statusCode, responseParameters, selectionPattern, responseTemplates, contentHandling)
      )
        return table.take(i);
    }
    return table.put([integrationResponse(statusCode, responseParameters, selectionPattern, responseTemplates, contentHandling)]);
  }
  const responses = new Array<IntegrationResponseModel>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const r = raw[key]!;
    responses[i] = integrationResponse(
      r.statusCode ?? key,
      sharedRecord(r.responseParameters, parts.mappedHeaders),
      r.selectionPattern,
      sharedTemplates(r.responseTemplates, parts),
      r.contentHandling,
    );
  }
  responses.sort(byStatusCode);
  for (let i = 0; i < lists.length; i++) if (sameIntegrationResponses(lists[i]!, responses)) return table.take(i);
  return table.put(responses);
}

// Templates with no key reshape to none.
function sharedTemplates(raw: Readonly<Record<string, string>> | undefined, parts: SharedParts): Record<string, string> | undefined {
  return raw !== undefined && hasKeys(raw) ? sharedRecord(raw, parts.responseTemplates) : undefined;
}

function integrationResponse(
  statusCode: string,
  responseParameters: Record<string, string>,
  selectionPattern: string | undefined,
  responseTemplates: Record<string, string> | undefined,
  contentHandling: string | undefined,
): IntegrationResponseModel {
  // Built whole in the usual shapes (see reshapeMethod); the keys in the same order as added one by one below.
  if (contentHandling === undefined && selectionPattern === undefined) {
    return responseTemplates === undefined ? { statusCode, responseParameters } : { statusCode, responseParameters, responseTemplates };
  }
  if (contentHandling === undefined && selectionPattern !== undefined) {
    return responseTemplates === undefined
      ? { statusCode, responseParameters, selectionPattern }
      : { statusCode, responseParameters, selectionPattern, responseTemplates };
  }
  const response: IntegrationResponseModel = { statusCode, responseParameters };
  if (selectionPattern !== undefined) response.selectionPattern = selectionPattern;
  if (responseTemplates !== undefined) response.responseTemplates = responseTemplates;
  if (contentHandling !== undefined) response.contentHandling = contentHandling;
  return response;
}

/** Same fields (an absent one is never a key holding undefined, so the same keys in the same order); records by identity. */
function sameIntegrationResponse(
  m: IntegrationResponseModel,
  statusCode: string,
  responseParameters: Record<string, string>,
  selectionPattern: string | undefined,
  responseTemplates: Record<string, string> | undefined,
  contentHandling: string | undefined,
): boolean {
  return (
    m.statusCode === statusCode &&
    m.responseParameters === responseParameters &&
    m.responseTemplates === responseTemplates &&
    m.selectionPattern === selectionPattern &&
    m.contentHandling === contentHandling
  );
}

function sameIntegrationResponses(a: readonly IntegrationResponseModel[], b: readonly IntegrationResponseModel[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const r = b[i]!;
    if (!sameIntegrationResponse(a[i]!, r.statusCode, r.responseParameters, r.selectionPattern, r.responseTemplates, r.contentHandling))
      return false;
  }
  return true;
}

function hasKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function reshapeIntegration(
  raw: RawIntegration,
  warn: (m: string) => void,
  verb: string,
  path: string,
  parts: SharedParts,
): IntegrationModel | undefined {
  const type = raw.type;
  if (type === undefined || !INTEGRATION_TYPES.includes(type)) {
    warn(`${verb} ${path} has an integration of unknown type "${type ?? ""}"; integration left out.`);
    return undefined;
  }
  const integrationType = type as IntegrationType;
  const requestTemplates = sharedRecord(raw.requestTemplates, parts.requestTemplates);
  const requestParameters = sharedRecord(raw.requestParameters, parts.integrationParameters);
  const integrationResponses = reshapeIntegrationResponses(raw.integrationResponses, parts);
  const { httpMethod, uri, cacheNamespace, contentHandling } = raw;
  // An integration made before with the same fields and the same parts (a mock's, a CORS preflight's) is that one.
  const table = parts.integrations;
  const items = table.items;
  for (let i = 0; i < items.length; i++) {
    const m = items[i]!;
    if (
      m.integrationResponses === integrationResponses &&
      m.requestTemplates === requestTemplates &&
      m.requestParameters === requestParameters &&
      m.type === integrationType &&
      m.httpMethod === httpMethod &&
      m.uri === uri &&
      m.cacheNamespace === cacheNamespace &&
      m.contentHandling === contentHandling &&
      listMatches(raw.cacheKeyParameters, m.cacheKeyParameters)
    )
      return table.take(i);
  }
  const cacheKeyParameters = copyList(raw.cacheKeyParameters);
  // Built whole in the usual shapes (see reshapeMethod): a mock (a cache namespace at most), an HTTP or AWS backend
  // (verb and URI, a cache namespace or not). The keys in the same order as added one by one below.
  if (contentHandling === undefined && httpMethod === undefined && uri === undefined) {
    return table.put(
      cacheNamespace === undefined
        ? { type: integrationType, cacheKeyParameters, requestTemplates, requestParameters, integrationResponses }
        : { type: integrationType, cacheKeyParameters, requestTemplates, requestParameters, integrationResponses, cacheNamespace },
    );
  }
  if (contentHandling === undefined && httpMethod !== undefined && uri !== undefined) {
    return table.put(
      cacheNamespace === undefined
        ? { type: integrationType, cacheKeyParameters, requestTemplates, requestParameters, integrationResponses, httpMethod, uri }
        : {
            type: integrationType,
            cacheKeyParameters,
            requestTemplates,
            requestParameters,
            integrationResponses,
            httpMethod,
            uri,
            cacheNamespace,
          },
    );
  }
  const model: IntegrationModel = { type: integrationType, cacheKeyParameters, requestTemplates, requestParameters, integrationResponses };
  if (httpMethod !== undefined) model.httpMethod = httpMethod;
  if (uri !== undefined) model.uri = uri;
  if (cacheNamespace !== undefined) model.cacheNamespace = cacheNamespace;
  if (contentHandling !== undefined) model.contentHandling = contentHandling;
  return table.put(model);
}

function reshapeMethodResponses(raw: RawMethod["methodResponses"], parts: SharedParts): MethodResponseModel[] {
  if (raw == null) return emptyList();
  const keys = Object.keys(raw);
  if (keys.length === 0) return emptyList();
  const table = parts.methodResponses;
  const lists = table.items;
  if (keys.length === 1) {
    // As for integration responses: the usual single response is looked for before it is built.
    const key = keys[0]!;
    const r = raw[key]!;
    const statusCode = r.statusCode ?? key;
    const responseParameters = sharedRecord(r.responseParameters, parts.declaredHeaders);
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i]!;
      if (list.length === 1 && list[0]!.statusCode === statusCode && list[0]!.responseParameters === responseParameters)
        return table.take(i);
    }
    return table.put([{ statusCode, responseParameters }]);
  }
  const responses = new Array<MethodResponseModel>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const r = raw[key]!;
    responses[i] = { statusCode: r.statusCode ?? key, responseParameters: sharedRecord(r.responseParameters, parts.declaredHeaders) };
  }
  responses.sort(byStatusCode);
  for (let i = 0; i < lists.length; i++) if (sameMethodResponses(lists[i]!, responses)) return table.take(i);
  return table.put(responses);
}

function sameMethodResponses(a: readonly MethodResponseModel[], b: readonly MethodResponseModel[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.statusCode !== b[i]!.statusCode || a[i]!.responseParameters !== b[i]!.responseParameters) return false;
  }
  return true;
}

function reshapeMethod(resource: RawResource, verb: HttpVerb, raw: RawMethod, warn: (m: string) => void, parts: SharedParts): MethodModel {
  const given = raw.authorizationType;
  const authorizationType =
    given !== undefined && isAuthorizationType(given) ? given : toAuthorizationType(given, warn, `${verb} ${resource.path}`);
  const resourceId = resource.id;
  const path = resource.path;
  const apiKeyRequired = raw.apiKeyRequired ?? false;
  const authorizationScopes = copyList(raw.authorizationScopes);
  const requestParameters = sharedRecord(raw.requestParameters, parts.requestParameters);
  const requestModels = sharedRecord(raw.requestModels, parts.requestModels);
  const methodResponses = reshapeMethodResponses(raw.methodResponses, parts);
  /*
   * The usual method (no authorizer, operation name or validator) is built in one literal, its integration included:
   * an object literal has room for exactly its own keys, and each key added afterwards costs V8 a separate property
   * array, about a tenth of a draft's memory over 10,000 methods (issue 16). The keys come in the order the general
   * path below adds them, so the JSON is the same; the integration's warning is said after the authorization type's,
   * as there.
   */
  if (raw.authorizerId === undefined && raw.operationName === undefined && !raw.requestValidatorId) {
    const integration = raw.methodIntegration ? reshapeIntegration(raw.methodIntegration, warn, verb, path, parts) : undefined;
    return integration === undefined
      ? {
          resourceId,
          path,
          httpMethod: verb,
          authorizationType,
          apiKeyRequired,
          authorizationScopes,
          requestParameters,
          requestModels,
          methodResponses,
        }
      : {
          resourceId,
          path,
          httpMethod: verb,
          authorizationType,
          apiKeyRequired,
          authorizationScopes,
          requestParameters,
          requestModels,
          methodResponses,
          integration,
        };
  }
  const method: MethodModel = {
    resourceId,
    path,
    httpMethod: verb,
    authorizationType,
    apiKeyRequired,
    authorizationScopes,
    requestParameters,
    requestModels,
    methodResponses,
  };
  if (raw.authorizerId !== undefined) method.authorizerId = raw.authorizerId;
  if (raw.operationName !== undefined) method.operationName = raw.operationName;
  if (raw.requestValidatorId) method.requestValidatorId = raw.requestValidatorId;
  if (raw.methodIntegration) {
    const integration = reshapeIntegration(raw.methodIntegration, warn, verb, resource.path, parts);
    if (integration) method.integration = integration;
  }
  return method;
}

const ignore = () => {};

/**
 * A list normalized before, by path, whose resources and methods a later list may reuse (issue 16): a deployment's
 * exported resources are mostly the draft's, and a method the raw data describes exactly as the earlier one is that
 * same object rather than a copy. Reuse is decided by comparing the raw values with the model, field by field, never by
 * the raw text (the export orders its keys differently); anything not plainly equal is reshaped.
 */
export interface ResourceDonor {
  list: readonly ResourceModel[];
  /**
   * Where the resource at a path is in the list, -1 for none or for a duplicated path (which donates nothing). `hint`
   * is where to look first: the next place after the last one found, so that a copy listing the same paths in the same
   * order (an export, like the normalized list, is sorted by path) is matched without any index.
   */
  indexOf(path: string, hint: number): number;
}

export function resourceDonor(list: readonly ResourceModel[]): ResourceDonor {
  // Strictly in path order means each path once: then the resource at the hint is the only one at its path.
  let unique: boolean | undefined;
  let byPath: Map<string, number> | undefined;
  return {
    list,
    indexOf(path, hint) {
      unique ??= strictlyByPath(list);
      if (unique && hint < list.length && list[hint]!.path === path) return hint;
      if (byPath === undefined) {
        byPath = new Map();
        for (let i = 0; i < list.length; i++) {
          const at = list[i]!.path;
          byPath.set(at, byPath.has(at) ? -1 : i);
        }
      }
      return byPath.get(path) ?? -1;
    },
  };
}

function strictlyByPath(list: readonly ResourceModel[]): boolean {
  for (let i = 1; i < list.length; i++) if (comparePaths(list[i - 1]!.path, list[i]!.path) >= 0) return false;
  return true;
}

export function reshapeResource(
  raw: RawResource,
  warn: (m: string) => void = ignore,
  donor?: ResourceModel,
  parts: SharedParts = createSharedParts(),
): ResourceModel {
  const pathPart = raw.pathPart ?? (raw.path === "/" ? "" : raw.path.slice(raw.path.lastIndexOf("/") + 1));
  // The common case of a deployment's copy: the whole resource is the donor's, decided without a method list.
  if (donor !== undefined && sameResource(raw, pathPart, donor)) return donor;
  const rawMethods = raw.resourceMethods;
  let methods: MethodModel[] = [];
  let reusedAll = donor !== undefined;
  if (rawMethods != null) {
    // Two walks over the verbs (a handful) rather than a key list: the first sizes the list exactly.
    let known = 0;
    for (const verb in rawMethods) if (Object.hasOwn(rawMethods, verb) && isHttpVerb(verb)) known++;
    if (known > 0) methods = new Array<MethodModel>(known);
    let at = 0;
    for (const verb in rawMethods) {
      if (!Object.hasOwn(rawMethods, verb)) continue;
      if (!isHttpVerb(verb)) {
        warn(`Resource ${raw.path} has an unknown method "${verb}"; left out.`);
        continue;
      }
      const rawMethod = rawMethods[verb]!;
      const earlier = donor === undefined ? undefined : methodOf(donor, verb, at);
      if (earlier !== undefined && methodMatches(rawMethod, raw, verb, earlier)) {
        methods[at++] = earlier;
      } else {
        reusedAll = false;
        methods[at++] = reshapeMethod(raw, verb, rawMethod, warn, parts);
      }
    }
    if (known > 1) sortByVerb(methods);
  }
  if (
    reusedAll &&
    donor !== undefined &&
    methods.length === donor.methods.length &&
    donor.id === raw.id &&
    donor.path === raw.path &&
    donor.pathPart === pathPart &&
    donor.parentId === raw.parentId
  )
    return donor;
  // Whole in one literal, parentId last as it was added after the others (see reshapeMethod).
  const parentId = raw.parentId;
  return parentId === undefined
    ? { id: raw.id, path: raw.path, pathPart, methods }
    : { id: raw.id, path: raw.path, pathPart, methods, parentId };
}

/**
 * True when the general path below would return the donor itself: the same resource fields, and each raw verb the
 * donor's method of that verb, matched (so a known verb, and no warning), as many as the donor has. False sends the
 * resource down that path, which decides method by method and says the warnings; this one says nothing.
 */
function sameResource(raw: RawResource, pathPart: string, donor: ResourceModel): boolean {
  if (donor.id !== raw.id || donor.path !== raw.path || donor.pathPart !== pathPart || donor.parentId !== raw.parentId) return false;
  const rawMethods = raw.resourceMethods;
  let count = 0;
  if (rawMethods != null) {
    for (const verb in rawMethods) {
      if (!Object.hasOwn(rawMethods, verb)) continue;
      // An unknown verb is no donor method's: the general path warns about it.
      const earlier = methodOf(donor, verb, count);
      if (earlier === undefined || !methodMatches(rawMethods[verb]!, raw, verb as HttpVerb, earlier)) return false;
      count++;
    }
  }
  return count === donor.methods.length;
}

/**
 * In verb order, as `methods.sort(byVerb)` was: the verbs of one resource are distinct known verbs, each of its own
 * rank, so an insertion sort over the handful of them gives the same order without a comparator call per pair.
 */
function sortByVerb(methods: MethodModel[]): void {
  for (let i = 1; i < methods.length; i++) {
    const method = methods[i]!;
    const rank = VERB_RANK.get(method.httpMethod)!;
    let j = i - 1;
    while (j >= 0 && VERB_RANK.get(methods[j]!.httpMethod)! > rank) {
      methods[j + 1] = methods[j]!;
      j--;
    }
    methods[j + 1] = method;
  }
}

/**
 * The resource's method for the verb. `hint` is where to look first: how many verbs were matched before, which is
 * where the verb is when the raw verbs come in verb order (the generated and demo APIs list them so); anywhere else
 * it is found by the scan.
 */
function methodOf(resource: ResourceModel, verb: string, hint: number): MethodModel | undefined {
  const methods = resource.methods;
  if (hint < methods.length && methods[hint]!.httpMethod === verb) return methods[hint];
  for (let i = 0; i < methods.length; i++) if (methods[i]!.httpMethod === verb) return methods[i];
  return undefined;
}

function byPath(a: ResourceModel, b: ResourceModel): number {
  return comparePaths(a.path, b.path);
}

export function reshapeResources(raw: readonly RawResource[], warn?: (m: string) => void, donor?: ResourceDonor): ResourceModel[] {
  const resources = new Array<ResourceModel>(raw.length);
  let sorted = true;
  let sameList = donor !== undefined && donor.list.length === raw.length;
  let hint = 0;
  const parts = createSharedParts();
  for (let i = 0; i < raw.length; i++) {
    const item = raw[i]!;
    let earlier: ResourceModel | undefined;
    if (donor !== undefined) {
      const at = donor.indexOf(item.path, hint);
      if (at !== -1) {
        earlier = donor.list[at];
        hint = at + 1;
      }
    }
    const resource = reshapeResource(item, warn, earlier, parts);
    if (sorted && i > 0 && comparePaths(resources[i - 1]!.path, resource.path) > 0) sorted = false;
    if (sameList && donor!.list[i] !== resource) sameList = false;
    resources[i] = resource;
  }
  // Every resource the donor's, in its order: the donor's list itself.
  if (sameList && sorted) return donor!.list as ResourceModel[];
  // The reader and the templates usually list resources in path order already; a sort would only confirm it.
  return sorted ? resources : resources.sort(byPath);
}

/**
 * True when reshapeMethod(raw) would give a method equal to `model` (same fields, same values, same key order) without
 * a warning. Conservative: false whenever that is not plainly so.
 */
function methodMatches(raw: RawMethod, resource: RawResource, verb: HttpVerb, model: MethodModel): boolean {
  if (model.resourceId !== resource.id || model.path !== resource.path || model.httpMethod !== verb) return false;
  // A known type equal to the model's, or absent where the model has the default: no warning either way.
  const given = raw.authorizationType;
  if (given === undefined ? model.authorizationType !== "NONE" : given !== model.authorizationType) return false;
  if ((raw.apiKeyRequired ?? false) !== model.apiKeyRequired) return false;
  if (raw.authorizerId !== model.authorizerId || raw.operationName !== model.operationName) return false;
  if ((raw.requestValidatorId || undefined) !== model.requestValidatorId) return false;
  if (!listMatches(raw.authorizationScopes, model.authorizationScopes)) return false;
  if (!recordMatches(raw.requestParameters, model.requestParameters)) return false;
  if (!recordMatches(raw.requestModels, model.requestModels)) return false;
  if (!methodResponsesMatch(raw.methodResponses, model.methodResponses)) return false;
  const integration = raw.methodIntegration;
  if (!integration) return model.integration === undefined;
  return model.integration !== undefined && integrationMatches(integration, model.integration);
}

function integrationMatches(raw: RawIntegration, model: IntegrationModel): boolean {
  // The model's type is a known one, so an equal raw type reshapes without a warning.
  if (raw.type !== model.type) return false;
  if (raw.httpMethod !== model.httpMethod || raw.uri !== model.uri) return false;
  if (raw.cacheNamespace !== model.cacheNamespace || raw.contentHandling !== model.contentHandling) return false;
  if (!listMatches(raw.cacheKeyParameters, model.cacheKeyParameters)) return false;
  if (!recordMatches(raw.requestTemplates, model.requestTemplates)) return false;
  if (!recordMatches(raw.requestParameters, model.requestParameters)) return false;
  const responses = raw.integrationResponses;
  const list = model.integrationResponses;
  if (responses == null) return list.length === 0;
  // A status-code map is keyed by array indexes, which only a key list walks cheaply (reshapeIntegrationResponses). Its
  // one response is then read by the model's status code when that is its key, which measured cheaper than a read by
  // the key string Object.keys just made (a 20,000-map micro-benchmark over the generated API's export).
  const keys = Object.keys(responses);
  if (keys.length === 1) {
    if (list.length !== 1) return false;
    const key = keys[0]!;
    const m = list[0]!;
    return integrationResponseMatches(key === m.statusCode ? responses[m.statusCode]! : responses[key]!, key, m);
  }
  if (!uniqueInOrder(keys.length, list)) return false;
  let used = 0;
  for (const key of keys) {
    const r = responses[key]!;
    const at = indexOfStatus(list, r.statusCode ?? key);
    if (at === -1 || used & (1 << at)) return false;
    used |= 1 << at;
    if (!integrationResponseMatches(r, key, list[at]!)) return false;
  }
  return true;
}

function integrationResponseMatches(r: RawIntegrationResponse, key: string, m: IntegrationResponseModel): boolean {
  if ((r.statusCode ?? key) !== m.statusCode) return false;
  if (r.selectionPattern !== m.selectionPattern || r.contentHandling !== m.contentHandling) return false;
  if (!recordMatches(r.responseParameters, m.responseParameters)) return false;
  // Templates with no key reshape to none, and the model has them only with keys: the empty record stands for none.
  return recordMatches(r.responseTemplates, m.responseTemplates ?? EMPTY_RECORD);
}

function methodResponsesMatch(raw: RawMethod["methodResponses"], model: readonly MethodResponseModel[]): boolean {
  if (raw == null) return model.length === 0;
  // As in integrationMatches: a key list, and the one response read by the model's status code.
  const keys = Object.keys(raw);
  if (keys.length === 1) {
    if (model.length !== 1) return false;
    const key = keys[0]!;
    const m = model[0]!;
    return methodResponseMatches(key === m.statusCode ? raw[m.statusCode]! : raw[key]!, key, m);
  }
  if (!uniqueInOrder(keys.length, model)) return false;
  let used = 0;
  for (const key of keys) {
    const r = raw[key]!;
    const at = indexOfStatus(model, r.statusCode ?? key);
    if (at === -1 || used & (1 << at)) return false;
    used |= 1 << at;
    if (!methodResponseMatches(r, key, model[at]!)) return false;
  }
  return true;
}

function methodResponseMatches(r: RawMethodResponse, key: string, m: MethodResponseModel): boolean {
  return (r.statusCode ?? key) === m.statusCode && recordMatches(r.responseParameters, m.responseParameters);
}

/**
 * As many responses as raw keys, few enough for a bit per response, and strictly in byStatusCode order: then the raw
 * responses, matched one to one, sort into exactly this list.
 */
function uniqueInOrder(count: number, model: ReadonlyArray<{ statusCode: string }>): boolean {
  if (model.length !== count || count > 30) return false;
  for (let i = 1; i < model.length; i++) if (byStatusCode(model[i - 1]!, model[i]!) >= 0) return false;
  return true;
}

function indexOfStatus(model: ReadonlyArray<{ statusCode: string }>, statusCode: string): number {
  for (let i = 0; i < model.length; i++) if (model[i]!.statusCode === statusCode) return i;
  return -1;
}

function listMatches(raw: readonly string[] | undefined, model: readonly string[]): boolean {
  if (raw == null) return model.length === 0;
  if (!Array.isArray(raw) || raw.length !== model.length) return false;
  for (let i = 0; i < raw.length; i++) if (raw[i] !== model[i]) return false;
  return true;
}

/**
 * Same own keys with the same values (the model's keys are sorted, as sortedRecord would sort the raw ones). The
 * model's records are plain objects this module built, whose only inherited properties are Object.prototype's (none
 * enumerable, none a primitive): a primitive value read from one is its own, and only an absent or object value needs
 * the ownership check.
 */
function recordMatches(raw: Readonly<Record<string, unknown>> | undefined, model: Readonly<Record<string, unknown>>): boolean {
  // Most records of a method are absent on both sides (no request parameters, no models): no key walk over the raw.
  if (raw == null) return !hasEnumerableKey(model);
  if (typeof raw !== "object") return false;
  let count = 0;
  for (const key in raw) {
    if (!Object.hasOwn(raw, key)) continue;
    const value = model[key];
    if (raw[key] !== value) return false;
    if ((value === undefined || typeof value === "object" || typeof value === "function") && !Object.hasOwn(model, key)) return false;
    count++;
  }
  // Counting the model's keys: for-in, as for the raw ones (no key list); the key itself is not needed.
  if (count === 0) return !hasEnumerableKey(model);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for (const key in model) if (--count < 0) return false;
  return count === 0;
}

/**
 * Any enumerable key, own or inherited, as the count above would meet. The shared empty record is frozen, and V8 walks
 * a frozen object's keys in the runtime rather than from its key cache: it is asked as an unfrozen empty object with
 * the same prototype, which has the same keys (none of its own), instead.
 */
function hasEnumerableKey(record: object): boolean {
  for (const key in record === EMPTY_RECORD ? EMPTY_PROBE : record) return key !== undefined;
  return false;
}

// Never written to: an empty plain object, for the question above.
const EMPTY_PROBE: object = {};
