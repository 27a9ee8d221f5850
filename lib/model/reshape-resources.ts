import {
  AUTHORIZATION_TYPES,
  HTTP_VERBS,
  type AuthorizationType,
  type HttpVerb,
  type IntegrationModel,
  type IntegrationType,
  type MethodModel,
  type ResourceModel,
} from "@/lib/model/types";
import type { RawIntegration, RawMethod, RawResource } from "@/lib/model/raw-snapshot";

const INTEGRATION_TYPES: readonly IntegrationType[] = ["HTTP", "HTTP_PROXY", "AWS", "AWS_PROXY", "MOCK"];

export function isHttpVerb(value: string): value is HttpVerb {
  return (HTTP_VERBS as readonly string[]).includes(value);
}

/** Verb order of HTTP_VERBS, then alphabetical. */
export function compareVerbs(a: string, b: string): number {
  const ia = (HTTP_VERBS as readonly string[]).indexOf(a);
  const ib = (HTTP_VERBS as readonly string[]).indexOf(b);
  const ra = ia === -1 ? HTTP_VERBS.length : ia;
  const rb = ib === -1 ? HTTP_VERBS.length : ib;
  return ra - rb || a.localeCompare(b);
}

/** Root "/" first, then by path. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "/") return -1;
  if (b === "/") return 1;
  return a < b ? -1 : 1;
}

export function toAuthorizationType(value: string | undefined, warn: (m: string) => void, where: string): AuthorizationType {
  // API Gateway's default authorizationType is NONE (https://docs.aws.amazon.com/apigateway/latest/api/API_Method.html).
  if (value === undefined) return "NONE";
  const known = AUTHORIZATION_TYPES.find((t) => t === value);
  if (known) return known;
  warn(`${where} has an unknown authorizationType "${value}"; treated as CUSTOM.`);
  return "CUSTOM";
}

function sortedRecord<T>(record: Record<string, T> | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (record === undefined) return out; // most maps are absent: no key list to build and sort
  for (const key of Object.keys(record ?? {}).sort()) out[key] = (record as Record<string, T>)[key] as T;
  return out;
}

function reshapeIntegration(raw: RawIntegration, warn: (m: string) => void, where: string): IntegrationModel | undefined {
  const type = INTEGRATION_TYPES.find((t) => t === raw.type);
  if (!type) {
    warn(`${where} has an integration of unknown type "${raw.type ?? ""}"; integration left out.`);
    return undefined;
  }
  const model: IntegrationModel = {
    type,
    cacheKeyParameters: [...(raw.cacheKeyParameters ?? [])],
    requestTemplates: sortedRecord(raw.requestTemplates),
    requestParameters: sortedRecord(raw.requestParameters),
    integrationResponses: Object.entries(raw.integrationResponses ?? {})
      .map(([key, r]) => {
        const response: IntegrationModel["integrationResponses"][number] = {
          statusCode: r.statusCode ?? key,
          responseParameters: sortedRecord(r.responseParameters),
        };
        if (r.selectionPattern !== undefined) response.selectionPattern = r.selectionPattern;
        if (r.responseTemplates && Object.keys(r.responseTemplates).length > 0)
          response.responseTemplates = sortedRecord(r.responseTemplates);
        if (r.contentHandling !== undefined) response.contentHandling = r.contentHandling;
        return response;
      })
      .sort((a, b) => a.statusCode.localeCompare(b.statusCode)),
  };
  if (raw.httpMethod !== undefined) model.httpMethod = raw.httpMethod;
  if (raw.uri !== undefined) model.uri = raw.uri;
  if (raw.cacheNamespace !== undefined) model.cacheNamespace = raw.cacheNamespace;
  if (raw.contentHandling !== undefined) model.contentHandling = raw.contentHandling;
  return model;
}

function reshapeMethod(resource: RawResource, verb: HttpVerb, raw: RawMethod, warn: (m: string) => void): MethodModel {
  const where = `${verb} ${resource.path}`;
  const method: MethodModel = {
    resourceId: resource.id,
    path: resource.path,
    httpMethod: verb,
    authorizationType: toAuthorizationType(raw.authorizationType, warn, where),
    apiKeyRequired: raw.apiKeyRequired ?? false,
    authorizationScopes: [...(raw.authorizationScopes ?? [])],
    requestParameters: sortedRecord(raw.requestParameters),
    requestModels: sortedRecord(raw.requestModels),
    methodResponses: Object.entries(raw.methodResponses ?? {})
      .map(([key, r]) => ({ statusCode: r.statusCode ?? key, responseParameters: sortedRecord(r.responseParameters) }))
      .sort((a, b) => a.statusCode.localeCompare(b.statusCode)),
  };
  if (raw.authorizerId !== undefined) method.authorizerId = raw.authorizerId;
  if (raw.operationName !== undefined) method.operationName = raw.operationName;
  if (raw.requestValidatorId) method.requestValidatorId = raw.requestValidatorId;
  if (raw.methodIntegration) {
    const integration = reshapeIntegration(raw.methodIntegration, warn, where);
    if (integration) method.integration = integration;
  }
  return method;
}

export function reshapeResource(raw: RawResource, warn: (m: string) => void = () => {}): ResourceModel {
  const methods: MethodModel[] = [];
  for (const [verb, method] of Object.entries(raw.resourceMethods ?? {})) {
    if (!isHttpVerb(verb)) {
      warn(`Resource ${raw.path} has an unknown method "${verb}"; left out.`);
      continue;
    }
    methods.push(reshapeMethod(raw, verb, method, warn));
  }
  methods.sort((a, b) => compareVerbs(a.httpMethod, b.httpMethod));
  const pathPart = raw.pathPart ?? (raw.path === "/" ? "" : (raw.path.split("/").pop() ?? ""));
  const model: ResourceModel = { id: raw.id, path: raw.path, pathPart, methods };
  if (raw.parentId !== undefined) model.parentId = raw.parentId;
  return model;
}

export function reshapeResources(raw: RawResource[], warn?: (m: string) => void): ResourceModel[] {
  return raw.map((r) => reshapeResource(r, warn)).sort((a, b) => comparePaths(a.path, b.path));
}
