// Small hand-built models for unit tests of the views (the e2e suite covers the real pipeline).
import { MODEL_SCHEMA_VERSION, type ApiModel, type AuthorizerModel, type HttpVerb, type MethodModel, type ResourceModel, type StageModel } from "@/lib/model/types";
import type { Finding, Severity } from "@/lib/rules/types";

export function method(path: string, httpMethod: HttpVerb, overrides: Partial<MethodModel> = {}): MethodModel {
  return {
    resourceId: `r${path}`,
    path,
    httpMethod,
    authorizationType: "NONE",
    apiKeyRequired: false,
    authorizationScopes: [],
    requestParameters: {},
    requestModels: {},
    methodResponses: [],
    integration: { type: "MOCK", cacheKeyParameters: [], requestTemplates: {}, requestParameters: {}, integrationResponses: [] },
    ...overrides,
  };
}

export function resource(path: string, methods: MethodModel[] = []): ResourceModel {
  const parentPath = path === "/" ? undefined : path.slice(0, path.lastIndexOf("/")) || "/";
  return {
    id: `r${path}`,
    parentId: parentPath ? `r${parentPath}` : undefined,
    path,
    pathPart: path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1),
    methods: methods.map((item) => ({ ...item, resourceId: `r${path}`, path })),
  };
}

export const tokenAuthorizer: AuthorizerModel = {
  id: "auth1",
  name: "token-auth",
  type: "TOKEN",
  providerArns: [],
  identitySources: [{ expression: "method.request.header.Authorization", location: "header", name: "Authorization" }],
  effectiveTtlSeconds: 300,
};

export function stage(name: string, overrides: Partial<StageModel> = {}): StageModel {
  return {
    name,
    deploymentId: `dep-${name}`,
    cacheClusterEnabled: false,
    tracingEnabled: false,
    variableNames: [],
    methodSettings: {},
    effectiveSettings: [],
    drift: [],
    ...overrides,
  };
}

export function apiModel(resources: ResourceModel[], overrides: Partial<ApiModel> = {}): ApiModel {
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    api: { id: "api1", name: "test-api", region: "us-east-1", endpointTypes: ["REGIONAL"], apiKeySource: "HEADER", disableExecuteApiEndpoint: false },
    resources,
    authorizers: [tokenAuthorizer],
    stages: [stage("prod")],
    gatewayResponses: [],
    missing: [],
    ...overrides,
  };
}

export function finding(ruleId: string, severity: Severity, target: Finding["target"], overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity,
    confidence: "certain",
    messageId: "default",
    message: `${ruleId} on ${target.path ?? target.authorizerId ?? target.responseType ?? "api"}`,
    symptom: "The browser reports a CORS error.",
    target,
    stages: ["prod"],
    draftOnly: false,
    evidence: {},
    fixes: [],
    ...overrides,
  };
}
