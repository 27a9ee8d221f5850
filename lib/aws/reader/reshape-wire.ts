/**
 * SDK outputs → lib/model's raw snapshot shapes. Dates become ISO strings and stage variable values
 * are dropped here, at read time, so they never reach the model, a report or the browser.
 */
import { variableShape } from "@/lib/model/variable-shape";
import type { Authorizer, Deployment, GatewayResponse, Resource, RestApi, Stage } from "@aws-sdk/client-api-gateway";
import type {
  RawAuthorizer,
  RawDeployment,
  RawGatewayResponse,
  RawMethod,
  RawResource,
  RawRestApi,
  RawStage,
} from "@/lib/model/raw-snapshot";

function iso(date: Date | undefined): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

export function reshapeRestApi(api: RestApi, fallbackId: string): RawRestApi {
  return defined({
    id: api.id ?? fallbackId,
    name: api.name ?? fallbackId,
    description: api.description,
    createdDate: iso(api.createdDate),
    apiKeySource: api.apiKeySource,
    endpointTypes: api.endpointConfiguration?.types ? [...api.endpointConfiguration.types] : undefined,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    rootResourceId: api.rootResourceId,
    binaryMediaTypes: api.binaryMediaTypes && api.binaryMediaTypes.length > 0 ? [...api.binaryMediaTypes] : undefined,
    policy: api.policy || undefined,
    tags: api.tags && Object.keys(api.tags).length > 0 ? { ...api.tags } : undefined,
  });
}

export function reshapeResource(resource: Resource): RawResource {
  const methods: Record<string, RawMethod> = {};
  for (const [verb, m] of Object.entries(resource.resourceMethods ?? {})) {
    methods[verb] = defined({
      httpMethod: m.httpMethod ?? verb,
      authorizationType: m.authorizationType,
      authorizerId: m.authorizerId,
      apiKeyRequired: m.apiKeyRequired,
      authorizationScopes: m.authorizationScopes,
      requestParameters: m.requestParameters,
      requestModels: m.requestModels,
      operationName: m.operationName,
      requestValidatorId: m.requestValidatorId,
      methodIntegration: m.methodIntegration
        ? defined({
            type: m.methodIntegration.type,
            httpMethod: m.methodIntegration.httpMethod,
            uri: m.methodIntegration.uri,
            cacheKeyParameters: m.methodIntegration.cacheKeyParameters,
            cacheNamespace: m.methodIntegration.cacheNamespace,
            requestTemplates: m.methodIntegration.requestTemplates,
            requestParameters: m.methodIntegration.requestParameters,
            contentHandling: m.methodIntegration.contentHandling,
            integrationResponses: m.methodIntegration.integrationResponses
              ? Object.fromEntries(
                  Object.entries(m.methodIntegration.integrationResponses).map(([code, r]) => [
                    code,
                    defined({
                      statusCode: r.statusCode,
                      selectionPattern: r.selectionPattern,
                      responseParameters: r.responseParameters,
                      contentHandling: r.contentHandling,
                    }),
                  ]),
                )
              : undefined,
          })
        : undefined,
      methodResponses: m.methodResponses
        ? Object.fromEntries(
            Object.entries(m.methodResponses).map(([code, r]) => [
              code,
              defined({ statusCode: r.statusCode, responseParameters: r.responseParameters }),
            ]),
          )
        : undefined,
    });
  }
  return defined({
    id: resource.id ?? "",
    parentId: resource.parentId,
    path: resource.path ?? "",
    pathPart: resource.pathPart,
    resourceMethods: resource.resourceMethods ? methods : undefined,
  });
}

export function reshapeAuthorizer(a: Authorizer): RawAuthorizer {
  return defined({
    id: a.id ?? "",
    name: a.name,
    type: a.type,
    authorizerUri: a.authorizerUri,
    providerARNs: a.providerARNs,
    identitySource: a.identitySource,
    identityValidationExpression: a.identityValidationExpression,
    authorizerResultTtlInSeconds: a.authorizerResultTtlInSeconds,
  });
}

export function reshapeStage(s: Stage): RawStage {
  const methodSettings = s.methodSettings
    ? Object.fromEntries(Object.entries(s.methodSettings).map(([key, v]) => [key, defined({ ...v })]))
    : undefined;
  return defined({
    stageName: s.stageName ?? "",
    deploymentId: s.deploymentId,
    description: s.description,
    createdDate: iso(s.createdDate),
    lastUpdatedDate: iso(s.lastUpdatedDate),
    cacheClusterEnabled: s.cacheClusterEnabled,
    cacheClusterSize: s.cacheClusterSize,
    cacheClusterStatus: s.cacheClusterStatus,
    tracingEnabled: s.tracingEnabled,
    webAclArn: s.webAclArn,
    // Redacted at read time: stage variables often hold secrets; only their names are kept.
    variableNames: Object.keys(s.variables ?? {}),
    // Only the shape of each value (an ARN, a URL, a key-like token…) leaves this function, never the value.
    variableShapes:
      s.variables && Object.keys(s.variables).length > 0
        ? Object.fromEntries(Object.entries(s.variables).map(([name, value]) => [name, variableShape(value)]))
        : undefined,
    methodSettings,
  });
}

export function reshapeDeployment(d: Deployment, fallbackId: string): RawDeployment {
  return defined({
    id: d.id ?? fallbackId,
    description: d.description,
    createdDate: iso(d.createdDate),
    apiSummary: d.apiSummary
      ? Object.fromEntries(
          Object.entries(d.apiSummary).map(([path, verbs]) => [
            path,
            Object.fromEntries(
              Object.entries(verbs).map(([verb, m]) => [
                verb,
                defined({ authorizationType: m.authorizationType, apiKeyRequired: m.apiKeyRequired }),
              ]),
            ),
          ]),
        )
      : undefined,
  });
}

export function reshapeGatewayResponse(r: GatewayResponse): RawGatewayResponse {
  return defined({
    responseType: r.responseType,
    statusCode: r.statusCode,
    responseParameters: r.responseParameters,
    responseTemplates: r.responseTemplates,
    defaultResponse: r.defaultResponse,
  });
}
