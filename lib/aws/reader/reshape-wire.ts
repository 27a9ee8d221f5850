/**
 * SDK outputs → lib/model's raw snapshot shapes. Dates become ISO strings and stage variable values
 * are dropped here, at read time, so they never reach the model, a report or the browser.
 * Every value is checked against its documented type first (wire-values.ts): what a broken proxy or a future API
 * version sends in its place is left out and counted in the tally, never passed on to the model.
 * An item without its identity (a resource without id or path, a stage without a name…) is `undefined`: the reader
 * lists the part as incomplete rather than audit a made-up item.
 */
import { variableShape } from "@/lib/model/variable-shape";
import type { Authorizer, Deployment, GatewayResponse, Resource, RestApi, Stage } from "@aws-sdk/client-api-gateway";
import type {
  RawAuthorizer,
  RawDeployment,
  RawGatewayResponse,
  RawIntegrationResponse,
  RawMethod,
  RawMethodResponse,
  RawMethodSetting,
  RawResource,
  RawRestApi,
  RawStage,
} from "@/lib/model/raw-snapshot";
import {
  isBoolean,
  isString,
  WireTally,
  wireBoolean,
  wireMap,
  wireNumber,
  wireObject,
  wireString,
  wireStringList,
} from "@/lib/aws/reader/wire-values";
import { statusCodeMap } from "@/lib/aws/reader/status-code-map";
import { definedFields } from "@/lib/model/defined-fields";
import { setOwn } from "@/lib/model/set-own";

function iso(date: unknown): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length > 0 ? value : undefined;
}

export function reshapeRestApi(api: RestApi, fallbackId: string, tally = new WireTally()): RawRestApi {
  const types = wireStringList(
    wireObject(api.endpointConfiguration, "endpointConfiguration", tally)?.types,
    "endpointConfiguration.types",
    tally,
  );
  const binary = wireStringList(api.binaryMediaTypes, "binaryMediaTypes", tally);
  return definedFields({
    id: wireString(api.id, "id", tally) || fallbackId,
    name: wireString(api.name, "name", tally) ?? fallbackId,
    description: wireString(api.description, "description", tally),
    createdDate: iso(api.createdDate),
    apiKeySource: wireString(api.apiKeySource, "apiKeySource", tally),
    endpointTypes: types,
    disableExecuteApiEndpoint: wireBoolean(api.disableExecuteApiEndpoint, "disableExecuteApiEndpoint", tally),
    rootResourceId: wireString(api.rootResourceId, "rootResourceId", tally),
    binaryMediaTypes: binary && binary.length > 0 ? binary : undefined,
    policy: wireString(api.policy, "policy", tally) || undefined,
    tags: nonEmpty(wireMap(api.tags, "tags", tally, isString)),
  });
}

function reshapeIntegrationResponses(value: unknown, tally: WireTally): Record<string, RawIntegrationResponse> | undefined {
  const responses = wireObject(value, "integrationResponses", tally);
  if (!responses) return undefined;
  const out = statusCodeMap<RawIntegrationResponse>();
  for (const [code, raw] of Object.entries(responses)) {
    const r = wireObject(raw, "integrationResponses", tally);
    if (!r) continue;
    setOwn(
      out,
      code,
      definedFields({
        statusCode: wireString(r.statusCode, "statusCode", tally),
        selectionPattern: wireString(r.selectionPattern, "selectionPattern", tally),
        responseParameters: wireMap(r.responseParameters, "responseParameters", tally, isString),
        responseTemplates: wireMap(r.responseTemplates, "responseTemplates", tally, isString),
        contentHandling: wireString(r.contentHandling, "contentHandling", tally),
      }),
    );
  }
  return out;
}

function reshapeMethodResponses(value: unknown, tally: WireTally): Record<string, RawMethodResponse> | undefined {
  const responses = wireObject(value, "methodResponses", tally);
  if (!responses) return undefined;
  const out = statusCodeMap<RawMethodResponse>();
  for (const [code, raw] of Object.entries(responses)) {
    const r = wireObject(raw, "methodResponses", tally);
    if (!r) continue;
    setOwn(
      out,
      code,
      definedFields({
        statusCode: wireString(r.statusCode, "statusCode", tally),
        responseParameters: wireMap(r.responseParameters, "responseParameters", tally, isBoolean),
      }),
    );
  }
  return out;
}

function reshapeMethod(verb: string, m: Record<string, unknown>, tally: WireTally): RawMethod {
  const integration = wireObject(m.methodIntegration, "methodIntegration", tally);
  return definedFields({
    httpMethod: wireString(m.httpMethod, "httpMethod", tally) ?? verb,
    authorizationType: wireString(m.authorizationType, "authorizationType", tally),
    authorizerId: wireString(m.authorizerId, "authorizerId", tally),
    apiKeyRequired: wireBoolean(m.apiKeyRequired, "apiKeyRequired", tally),
    authorizationScopes: wireStringList(m.authorizationScopes, "authorizationScopes", tally),
    requestParameters: wireMap(m.requestParameters, "requestParameters", tally, isBoolean),
    requestModels: wireMap(m.requestModels, "requestModels", tally, isString),
    operationName: wireString(m.operationName, "operationName", tally),
    requestValidatorId: wireString(m.requestValidatorId, "requestValidatorId", tally),
    methodIntegration: integration
      ? definedFields({
          type: wireString(integration.type, "integration type", tally),
          httpMethod: wireString(integration.httpMethod, "httpMethod", tally),
          uri: wireString(integration.uri, "uri", tally),
          cacheKeyParameters: wireStringList(integration.cacheKeyParameters, "cacheKeyParameters", tally),
          cacheNamespace: wireString(integration.cacheNamespace, "cacheNamespace", tally),
          requestTemplates: wireMap(integration.requestTemplates, "requestTemplates", tally, isString),
          requestParameters: wireMap(integration.requestParameters, "requestParameters", tally, isString),
          contentHandling: wireString(integration.contentHandling, "contentHandling", tally),
          integrationResponses: reshapeIntegrationResponses(integration.integrationResponses, tally),
        })
      : undefined,
    methodResponses: reshapeMethodResponses(m.methodResponses, tally),
  });
}

/** undefined for a resource without an id or a path (API Gateway always sends both). */
export function reshapeResource(resource: Resource, tally = new WireTally()): RawResource | undefined {
  const id = wireString(resource.id, "id", tally);
  const path = wireString(resource.path, "path", tally);
  if (!id || !path) return undefined;
  const rawMethods = wireObject(resource.resourceMethods, "resourceMethods", tally);
  let methods: Record<string, RawMethod> | undefined;
  if (rawMethods) {
    methods = {};
    for (const [verb, m] of Object.entries(rawMethods)) {
      const method = wireObject(m, "resourceMethods", tally);
      if (method) setOwn(methods, verb, reshapeMethod(verb, method, tally));
    }
  }
  return definedFields({
    id,
    parentId: wireString(resource.parentId, "parentId", tally),
    path,
    pathPart: wireString(resource.pathPart, "pathPart", tally),
    resourceMethods: methods,
  });
}

/** undefined for an authorizer without an id. */
export function reshapeAuthorizer(a: Authorizer, tally = new WireTally()): RawAuthorizer | undefined {
  const id = wireString(a.id, "id", tally);
  if (!id) return undefined;
  return definedFields({
    id,
    name: wireString(a.name, "name", tally),
    type: wireString(a.type, "type", tally),
    authorizerUri: wireString(a.authorizerUri, "authorizerUri", tally),
    providerARNs: wireStringList(a.providerARNs, "providerARNs", tally),
    identitySource: wireString(a.identitySource, "identitySource", tally),
    identityValidationExpression: wireString(a.identityValidationExpression, "identityValidationExpression", tally),
    authorizerResultTtlInSeconds: wireNumber(a.authorizerResultTtlInSeconds, "authorizerResultTtlInSeconds", tally),
  });
}

function reshapeMethodSetting(value: unknown, tally: WireTally): RawMethodSetting | undefined {
  const v = wireObject(value, "methodSettings", tally);
  if (!v) return undefined;
  return definedFields({
    metricsEnabled: wireBoolean(v.metricsEnabled, "metricsEnabled", tally),
    loggingLevel: wireString(v.loggingLevel, "loggingLevel", tally),
    dataTraceEnabled: wireBoolean(v.dataTraceEnabled, "dataTraceEnabled", tally),
    throttlingBurstLimit: wireNumber(v.throttlingBurstLimit, "throttlingBurstLimit", tally),
    throttlingRateLimit: wireNumber(v.throttlingRateLimit, "throttlingRateLimit", tally),
    cachingEnabled: wireBoolean(v.cachingEnabled, "cachingEnabled", tally),
    cacheTtlInSeconds: wireNumber(v.cacheTtlInSeconds, "cacheTtlInSeconds", tally),
    cacheDataEncrypted: wireBoolean(v.cacheDataEncrypted, "cacheDataEncrypted", tally),
    requireAuthorizationForCacheControl: wireBoolean(v.requireAuthorizationForCacheControl, "requireAuthorizationForCacheControl", tally),
    unauthorizedCacheControlHeaderStrategy: wireString(
      v.unauthorizedCacheControlHeaderStrategy,
      "unauthorizedCacheControlHeaderStrategy",
      tally,
    ),
  });
}

/** undefined for a stage without a name. */
export function reshapeStage(s: Stage, tally = new WireTally()): RawStage | undefined {
  const stageName = wireString(s.stageName, "stageName", tally);
  if (!stageName) return undefined;
  const rawSettings = wireObject(s.methodSettings, "methodSettings", tally);
  let methodSettings: Record<string, RawMethodSetting> | undefined;
  if (rawSettings) {
    methodSettings = {};
    for (const [key, value] of Object.entries(rawSettings)) {
      const setting = reshapeMethodSetting(value, tally);
      if (setting) setOwn(methodSettings, key, setting);
    }
  }
  // Redacted at read time: stage variables often hold secrets; only their names (and the shape of each value: an
  // ARN, a URL, a key-like token…) leave this function, never the value.
  const variables = wireMap(s.variables, "variables", tally, isString) ?? {};
  const names = Object.keys(variables);
  return definedFields({
    stageName,
    deploymentId: wireString(s.deploymentId, "deploymentId", tally),
    description: wireString(s.description, "description", tally),
    createdDate: iso(s.createdDate),
    lastUpdatedDate: iso(s.lastUpdatedDate),
    cacheClusterEnabled: wireBoolean(s.cacheClusterEnabled, "cacheClusterEnabled", tally),
    cacheClusterSize: wireString(s.cacheClusterSize, "cacheClusterSize", tally),
    cacheClusterStatus: wireString(s.cacheClusterStatus, "cacheClusterStatus", tally),
    tracingEnabled: wireBoolean(s.tracingEnabled, "tracingEnabled", tally),
    webAclArn: wireString(s.webAclArn, "webAclArn", tally),
    variableNames: names,
    variableShapes:
      names.length > 0 ? Object.fromEntries(names.map((name) => [name, variableShape(variables[name] as string)])) : undefined,
    methodSettings,
    // Canary variable overrides are stage variables too: names only.
    canarySettings: s.canarySettings
      ? definedFields({
          deploymentId: s.canarySettings.deploymentId,
          percentTraffic: s.canarySettings.percentTraffic,
          useStageCache: s.canarySettings.useStageCache,
          variableOverrideNames: Object.keys(s.canarySettings.stageVariableOverrides ?? {}),
        })
      : undefined,
  });
}

export function reshapeDeployment(d: Deployment, fallbackId: string, tally = new WireTally()): RawDeployment {
  const summary = wireObject(d.apiSummary, "apiSummary", tally);
  let apiSummary: RawDeployment["apiSummary"];
  if (summary) {
    apiSummary = {};
    for (const [path, rawVerbs] of Object.entries(summary)) {
      const verbs = wireObject(rawVerbs, "apiSummary", tally);
      if (!verbs) continue;
      const out: Record<string, { authorizationType?: string; apiKeyRequired?: boolean }> = {};
      for (const [verb, rawMethod] of Object.entries(verbs)) {
        const m = wireObject(rawMethod, "apiSummary", tally);
        if (!m) continue;
        setOwn(
          out,
          verb,
          definedFields({
            authorizationType: wireString(m.authorizationType, "authorizationType", tally),
            apiKeyRequired: wireBoolean(m.apiKeyRequired, "apiKeyRequired", tally),
          }),
        );
      }
      setOwn(apiSummary, path, out);
    }
  }
  return definedFields({
    id: wireString(d.id, "id", tally) || fallbackId,
    description: wireString(d.description, "description", tally),
    createdDate: iso(d.createdDate),
    apiSummary,
  });
}

/** undefined for a gateway response without its type. */
export function reshapeGatewayResponse(r: GatewayResponse, tally = new WireTally()): RawGatewayResponse | undefined {
  const responseType = wireString(r.responseType, "responseType", tally);
  if (!responseType) return undefined;
  return definedFields({
    responseType,
    statusCode: wireString(r.statusCode, "statusCode", tally),
    responseParameters: wireMap(r.responseParameters, "responseParameters", tally, isString),
    responseTemplates: wireMap(r.responseTemplates, "responseTemplates", tally, isString),
    defaultResponse: wireBoolean(r.defaultResponse, "defaultResponse", tally),
  });
}
