import { DEFAULT_METHOD_SETTINGS } from "@/lib/model/method-settings";
import { MODEL_SCHEMA_VERSION, type ApiModel, type MethodModel, type StageModel } from "@/lib/model/types";
import type { Finding, Severity } from "@/lib/rules/types";
import type { FixIntent, FixIntentKind } from "@/lib/remediation/intents";

/**
 * Hand-built models and findings for the remediation and report tests. The ids are fixed so snapshots of
 * generated code stay readable; every FixIntent kind appears in allIntentFindings().
 */
export const API_ID = "a1b2c3d4e5";
export const REGION = "eu-west-1";
export const ACCOUNT_ID = "123456789012";
export const LAMBDA_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:orders-handler`;
export const AUTHORIZER_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:orders-authorizer`;

function lambdaUri(functionArn: string): string {
  return `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
}

function method(partial: Partial<MethodModel> & Pick<MethodModel, "resourceId" | "path" | "httpMethod">): MethodModel {
  return {
    authorizationType: "NONE",
    apiKeyRequired: false,
    authorizationScopes: [],
    requestParameters: {},
    requestModels: {},
    methodResponses: [],
    ...partial,
  };
}

const lambdaProxy = {
  type: "AWS_PROXY" as const,
  httpMethod: "POST",
  uri: lambdaUri(LAMBDA_ARN),
  cacheKeyParameters: [],
  requestTemplates: {},
  requestParameters: {},
  integrationResponses: [],
};

function stage(name: string, deploymentId: string): StageModel {
  return {
    name,
    deploymentId,
    cacheClusterEnabled: true,
    cacheClusterSize: "0.5",
    tracingEnabled: false,
    variableNames: [],
    methodSettings: { "~1orders~1{id}/GET": { ...DEFAULT_METHOD_SETTINGS, cachingEnabled: true } },
    effectiveSettings: [],
    drift: [],
  };
}

export function storefrontModel(overrides: { accountId?: string | null } = {}): ApiModel {
  const accountId = overrides.accountId === null ? undefined : (overrides.accountId ?? ACCOUNT_ID);
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    api: {
      id: API_ID,
      name: "storefront",
      region: REGION,
      ...(accountId ? { accountId } : {}),
      endpointTypes: ["REGIONAL"],
      apiKeySource: "HEADER",
      disableExecuteApiEndpoint: false,
    },
    resources: [
      { id: "rootid0001", path: "/", pathPart: "", methods: [] },
      {
        id: "health01", parentId: "rootid0001", path: "/health", pathPart: "health",
        methods: [
          method({
            resourceId: "health01", path: "/health", httpMethod: "GET",
            integration: {
              type: "MOCK", cacheKeyParameters: [], requestTemplates: { "application/json": '{"statusCode": 200}' }, requestParameters: {},
              integrationResponses: [{ statusCode: "200", responseParameters: {} }],
            },
            methodResponses: [{ statusCode: "200", responseParameters: {} }],
          }),
          method({
            resourceId: "health01", path: "/health", httpMethod: "OPTIONS",
            integration: {
              type: "MOCK", cacheKeyParameters: [], requestTemplates: { "application/json": '{"statusCode": 200}' }, requestParameters: {},
              integrationResponses: [{ statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'https://old.example.com'" } }],
            },
            methodResponses: [{ statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": false } }],
          }),
        ],
      },
      { id: "orders01", parentId: "rootid0001", path: "/orders", pathPart: "orders", methods: [] },
      {
        id: "ordid001", parentId: "orders01", path: "/orders/{id}", pathPart: "{id}",
        methods: [
          method({
            resourceId: "ordid001", path: "/orders/{id}", httpMethod: "GET", authorizationType: "CUSTOM", authorizerId: "tok001",
            requestParameters: { "method.request.path.id": true },
            integration: { ...lambdaProxy, cacheKeyParameters: ["method.request.path.id"] },
          }),
          method({
            resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", authorizationType: "CUSTOM", authorizerId: "tok001", apiKeyRequired: true,
            integration: lambdaProxy,
          }),
        ],
      },
      {
        id: "prod0001", parentId: "rootid0001", path: "/products", pathPart: "products",
        methods: [method({ resourceId: "prod0001", path: "/products", httpMethod: "GET", integration: { ...lambdaProxy, type: "HTTP_PROXY", httpMethod: "GET", uri: "https://backend.example.com/products" } })],
      },
    ],
    authorizers: [
      {
        id: "tok001", name: "orders-token-authorizer", type: "TOKEN", authorizerUri: lambdaUri(AUTHORIZER_ARN), lambdaFunctionArn: AUTHORIZER_ARN,
        providerArns: [], identitySources: [{ expression: "method.request.header.Authorization", location: "header", name: "Authorization" }],
        configuredTtlSeconds: 300, effectiveTtlSeconds: 300,
      },
      {
        id: "req001", name: "session-authorizer", type: "REQUEST", authorizerUri: lambdaUri(AUTHORIZER_ARN), lambdaFunctionArn: AUTHORIZER_ARN,
        providerArns: [], identitySources: [
          { expression: "method.request.header.Cookie", location: "header", name: "Cookie" },
          { expression: "method.request.querystring.session", location: "querystring", name: "session" },
        ],
        effectiveTtlSeconds: 300,
      },
    ],
    stages: [stage("prod", "dep001"), stage("staging", "dep002")],
    gatewayResponses: [
      { responseType: "DEFAULT_4XX", responseParameters: {}, responseTemplates: { "application/json": '{"message":$context.error.messageString}' }, isDefault: true },
      { responseType: "DEFAULT_5XX", responseParameters: {}, responseTemplates: { "application/json": '{"message":$context.error.messageString}' }, isDefault: true },
      {
        responseType: "UNAUTHORIZED", statusCode: "401",
        responseParameters: { "gatewayresponse.header.WWW-Authenticate": "'Bearer'" },
        responseTemplates: { "application/json": '{"error":"unauthorized"}' }, isDefault: false,
      },
    ],
    missing: [],
  };
}

export function finding(ruleId: string, fixes: FixIntent[], options: Partial<Finding> = {}): Finding {
  const severity: Severity = options.severity ?? "high";
  return {
    ruleId,
    severity,
    confidence: "certain",
    messageId: "default",
    message: `${ruleId} on the storefront API`,
    symptom: "The browser reports a CORS error on the preflight.",
    target: {},
    stages: ["prod"],
    draftOnly: false,
    evidence: {},
    fixes,
    ...options,
  };
}

const CORS = {
  allowOrigin: "https://shop.example.com",
  allowMethods: ["GET", "OPTIONS"],
  allowHeaders: ["Authorization", "Content-Type", "X-Api-Key"],
};

/** One or more findings per intent kind, in the shapes the rules emit. */
export function allIntentFindings(): Finding[] {
  return [
    finding("options-behind-authorizer", [
      { kind: "set-method-authorization", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", from: "CUSTOM", to: "NONE" },
      { kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: false },
    ], { severity: "critical", target: { resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS" } }),
    finding("options-integration-not-mock", [
      { kind: "replace-preflight-integration-with-mock", resourceId: "ordid001", path: "/orders/{id}", ...CORS },
    ], { severity: "medium", target: { resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS" } }),
    finding("missing-cors-preflight", [
      { kind: "add-cors-preflight", resourceId: "prod0001", path: "/products", ...CORS, maxAgeSeconds: 600 },
    ], { target: { resourceId: "prod0001", path: "/products" } }),
    finding("preflight-headers-incomplete", [
      { kind: "set-preflight-headers", resourceId: "health01", path: "/health", statusCode: "200", ...CORS, allowCredentials: true },
    ], { severity: "medium", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } }),
    finding("gateway-responses-without-cors", [
      { kind: "add-gateway-response-cors", responseType: "DEFAULT_4XX", allowOrigin: "*", allowHeaders: ["Authorization", "Content-Type"], existingResponseParameters: {} },
      { kind: "add-gateway-response-cors", responseType: "DEFAULT_5XX", allowOrigin: "*", allowHeaders: ["Authorization", "Content-Type"], existingResponseParameters: {} },
      {
        kind: "add-gateway-response-cors", responseType: "UNAUTHORIZED", allowOrigin: "*", allowHeaders: ["Authorization"], allowMethods: ["GET", "OPTIONS"],
        existingResponseParameters: { "gatewayresponse.header.WWW-Authenticate": "'Bearer'" }, statusCode: "401",
      },
    ], { severity: "medium", target: { responseType: "DEFAULT_4XX" } }),
    finding("authorizer-cache-single-method-policy", [
      { kind: "set-authorizer-ttl", authorizerId: "tok001", authorizerName: "orders-token-authorizer", fromSeconds: 300, toSeconds: 0 },
      {
        kind: "widen-authorizer-policy", authorizerId: "tok001", authorizerName: "orders-token-authorizer", authorizerType: "TOKEN",
        resourceArnPattern: `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${API_ID}/prod/*/*`, allowOptions: false, lambdaFunctionArn: AUTHORIZER_ARN,
      },
      {
        kind: "widen-authorizer-policy", authorizerId: "req001", authorizerName: "session-authorizer", authorizerType: "REQUEST",
        resourceArnPattern: `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${API_ID}/prod/*/*`, allowOptions: true, lambdaFunctionArn: AUTHORIZER_ARN,
      },
      { kind: "flush-authorizer-cache", stage: "prod" },
    ], { target: { authorizerId: "tok001" } }),
    finding("stage-cache-on-authorized-method", [
      { kind: "add-cache-key-parameter", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "GET", parameter: "method.request.header.Authorization", existingCacheKeyParameters: ["method.request.path.id"] },
      { kind: "set-stage-method-setting", stage: "prod", path: "/orders/{id}", httpMethod: "GET", setting: "caching/enabled", value: false },
      { kind: "set-stage-method-setting", stage: "prod", path: "*", httpMethod: "*", setting: "caching/requireAuthorizationForCacheControl", value: true },
      { kind: "set-stage-method-setting", stage: "prod", path: "*", httpMethod: "*", setting: "caching/unauthorizedCacheControlHeaderStrategy", value: "FAIL_WITH_403" },
      { kind: "set-stage-method-setting", stage: "prod", path: "/orders/{id}", httpMethod: "GET", setting: "caching/ttlInSeconds", value: 60 },
      { kind: "set-stage-method-setting", stage: "prod", path: "/orders/{id}", httpMethod: "GET", setting: "caching/dataEncrypted", value: true },
      { kind: "redeploy-stage", stage: "prod", description: "Preflight: stage cache fix" },
    ], { target: { resourceId: "ordid001", path: "/orders/{id}", httpMethod: "GET", stage: "prod" } }),
    finding("actual-response-without-cors", [
      { kind: "add-method-response-cors-origin", resourceId: "health01", path: "/health", httpMethod: "GET", statusCode: "200", allowOrigin: "https://old.example.com" },
    ], { severity: "medium", target: { resourceId: "health01", path: "/health", httpMethod: "GET" } }),
    finding("binary-media-breaks-mock-preflight", [
      { kind: "set-integration-content-handling", resourceId: "health01", path: "/health", httpMethod: "OPTIONS", contentHandling: "CONVERT_TO_TEXT", statusCodes: ["200"] },
    ], { severity: "high", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } }),
    finding("request-validator-on-preflight", [
      { kind: "clear-method-request-validator", resourceId: "health01", path: "/health", httpMethod: "OPTIONS", requestValidatorId: "val001" },
    ], { severity: "high", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } }),
    finding("resource-policy-denies-preflight", [
      {
        kind: "set-rest-api-policy",
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "execute-api:Invoke", Resource: "execute-api:/*" },
            { Sid: "AllowCorsPreflight", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*/OPTIONS/*" },
          ],
        }),
        changes: ["allow the anonymous preflight (OPTIONS) on every path"],
      },
    ], { severity: "high", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } }),
  ];
}

export function intentKindsIn(findings: readonly Finding[]): Set<FixIntentKind> {
  return new Set(findings.flatMap((item) => item.fixes.map((fix) => fix.kind)));
}
