import type { ApiModel, IntegrationModel } from "@/lib/model/types";
import { api, type StageBuilder } from "@/lib/rules/testing/model-builder";
import type { Finding, Severity } from "@/lib/rules/types";
import type { FixIntent, FixIntentKind } from "@/lib/remediation/intents";

/**
 * The storefront model and findings for the remediation and report tests. The ids are fixed so snapshots of
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

const lambdaProxy: IntegrationModel = {
  type: "AWS_PROXY",
  httpMethod: "POST",
  uri: lambdaUri(LAMBDA_ARN),
  cacheKeyParameters: [],
  requestTemplates: {},
  requestParameters: {},
  integrationResponses: [],
};

const CACHED_ORDER = { cachingEnabled: true };

/**
 * The storefront the remediation tests fix: built with the shared model builder (so through the real
 * normaliser), with the fixed ids the expected snippets name.
 */
export function storefrontModel(overrides: { accountId?: string | null } = {}): ApiModel {
  const stage = (deploymentId: string) => (s: StageBuilder) =>
    s.deploymentId(deploymentId).cacheCluster().methodSetting("/orders/{id}", "GET", CACHED_ORDER);
  return api({
    id: API_ID,
    name: "storefront",
    region: REGION,
    accountId: overrides.accountId === undefined ? ACCOUNT_ID : overrides.accountId,
  })
    .resource("/", (r) => r.id("rootid0001"))
    .resource("/health", (r) =>
      r
        .id("health01")
        .method("GET", (m) => m.mock().response("200"))
        .method("OPTIONS", (m) => m.mock().response("200", { "Access-Control-Allow-Origin": "'https://old.example.com'" })),
    )
    .resource("/orders", (r) => r.id("orders01"))
    .resource("/orders/{id}", (r) =>
      r
        .id("ordid001")
        .method("GET", (m) => {
          m.authorizer("orders-token-authorizer").requestParameter("method.request.path.id", true);
          m.integration = { ...lambdaProxy, cacheKeyParameters: ["method.request.path.id"] };
        })
        .method("OPTIONS", (m) => {
          m.authorizer("orders-token-authorizer").apiKey();
          m.integration = lambdaProxy;
        }),
    )
    .resource("/products", (r) =>
      r.id("prod0001").method("GET", (m) => {
        m.integration = { ...lambdaProxy, type: "HTTP_PROXY", httpMethod: "GET", uri: "https://backend.example.com/products" };
      }),
    )
    .authorizer("orders-token-authorizer", { type: "TOKEN", id: "tok001", ttl: 300, lambdaFunctionArn: AUTHORIZER_ARN })
    .authorizer("session-authorizer", {
      type: "REQUEST",
      id: "req001",
      identitySource: "method.request.header.Cookie, method.request.querystring.session",
      lambdaFunctionArn: AUTHORIZER_ARN,
    })
    .stage("prod", stage("dep001"))
    .stage("staging", stage("dep002"))
    .gatewayResponse("UNAUTHORIZED", {
      statusCode: "401",
      headers: { "WWW-Authenticate": "'Bearer'" },
      templates: { "application/json": '{"error":"unauthorized"}' },
    })
    .build();
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
    finding(
      "options-behind-authorizer",
      [
        {
          kind: "set-method-authorization",
          resourceId: "ordid001",
          path: "/orders/{id}",
          httpMethod: "OPTIONS",
          from: "CUSTOM",
          to: "NONE",
        },
        { kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: false },
      ],
      { severity: "critical", target: { resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS" } },
    ),
    finding(
      "options-integration-not-mock",
      [{ kind: "replace-preflight-integration-with-mock", resourceId: "ordid001", path: "/orders/{id}", ...CORS }],
      { severity: "medium", target: { resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS" } },
    ),
    finding(
      "missing-cors-preflight",
      [{ kind: "add-cors-preflight", resourceId: "prod0001", path: "/products", ...CORS, maxAgeSeconds: 600 }],
      { target: { resourceId: "prod0001", path: "/products" } },
    ),
    finding(
      "preflight-headers-incomplete",
      [{ kind: "set-preflight-headers", resourceId: "health01", path: "/health", statusCode: "200", ...CORS, allowCredentials: true }],
      { severity: "medium", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } },
    ),
    finding(
      "gateway-responses-without-cors",
      [
        {
          kind: "add-gateway-response-cors",
          responseType: "DEFAULT_4XX",
          allowOrigin: "*",
          allowHeaders: ["Authorization", "Content-Type"],
          existingResponseParameters: {},
        },
        {
          kind: "add-gateway-response-cors",
          responseType: "DEFAULT_5XX",
          allowOrigin: "*",
          allowHeaders: ["Authorization", "Content-Type"],
          existingResponseParameters: {},
        },
        {
          kind: "add-gateway-response-cors",
          responseType: "UNAUTHORIZED",
          allowOrigin: "*",
          allowHeaders: ["Authorization"],
          allowMethods: ["GET", "OPTIONS"],
          existingResponseParameters: { "gatewayresponse.header.WWW-Authenticate": "'Bearer'" },
          statusCode: "401",
        },
      ],
      { severity: "medium", target: { responseType: "DEFAULT_4XX" } },
    ),
    finding(
      "authorizer-cache-single-method-policy",
      [
        { kind: "set-authorizer-ttl", authorizerId: "tok001", authorizerName: "orders-token-authorizer", fromSeconds: 300, toSeconds: 0 },
        {
          kind: "widen-authorizer-policy",
          authorizerId: "tok001",
          authorizerName: "orders-token-authorizer",
          authorizerType: "TOKEN",
          resourceArnPattern: `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${API_ID}/prod/*/*`,
          allowOptions: false,
          lambdaFunctionArn: AUTHORIZER_ARN,
        },
        {
          kind: "widen-authorizer-policy",
          authorizerId: "req001",
          authorizerName: "session-authorizer",
          authorizerType: "REQUEST",
          resourceArnPattern: `arn:aws:execute-api:${REGION}:${ACCOUNT_ID}:${API_ID}/prod/*/*`,
          allowOptions: true,
          lambdaFunctionArn: AUTHORIZER_ARN,
        },
        { kind: "flush-authorizer-cache", stage: "prod" },
      ],
      { target: { authorizerId: "tok001" } },
    ),
    finding(
      "stage-cache-on-authorized-method",
      [
        {
          kind: "add-cache-key-parameter",
          resourceId: "ordid001",
          path: "/orders/{id}",
          httpMethod: "GET",
          parameter: "method.request.header.Authorization",
          existingCacheKeyParameters: ["method.request.path.id"],
        },
        {
          kind: "set-stage-method-setting",
          stage: "prod",
          path: "/orders/{id}",
          httpMethod: "GET",
          setting: "caching/enabled",
          value: false,
        },
        {
          kind: "set-stage-method-setting",
          stage: "prod",
          path: "*",
          httpMethod: "*",
          setting: "caching/requireAuthorizationForCacheControl",
          value: true,
        },
        {
          kind: "set-stage-method-setting",
          stage: "prod",
          path: "*",
          httpMethod: "*",
          setting: "caching/unauthorizedCacheControlHeaderStrategy",
          value: "FAIL_WITH_403",
        },
        {
          kind: "set-stage-method-setting",
          stage: "prod",
          path: "/orders/{id}",
          httpMethod: "GET",
          setting: "caching/ttlInSeconds",
          value: 60,
        },
        {
          kind: "set-stage-method-setting",
          stage: "prod",
          path: "/orders/{id}",
          httpMethod: "GET",
          setting: "caching/dataEncrypted",
          value: true,
        },
        { kind: "redeploy-stage", stage: "prod", description: "Preflight: stage cache fix" },
      ],
      { target: { resourceId: "ordid001", path: "/orders/{id}", httpMethod: "GET", stage: "prod" } },
    ),
    finding(
      "actual-response-without-cors",
      [
        {
          kind: "add-method-response-cors-origin",
          resourceId: "health01",
          path: "/health",
          httpMethod: "GET",
          statusCode: "200",
          allowOrigin: "https://old.example.com",
        },
      ],
      { severity: "medium", target: { resourceId: "health01", path: "/health", httpMethod: "GET" } },
    ),
    finding(
      "binary-media-breaks-mock-preflight",
      [
        {
          kind: "set-integration-content-handling",
          resourceId: "health01",
          path: "/health",
          httpMethod: "OPTIONS",
          contentHandling: "CONVERT_TO_TEXT",
          statusCodes: ["200"],
        },
      ],
      { severity: "high", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } },
    ),
    finding(
      "request-validator-on-preflight",
      [
        {
          kind: "clear-method-request-validator",
          resourceId: "health01",
          path: "/health",
          httpMethod: "OPTIONS",
          requestValidatorId: "val001",
        },
      ],
      { severity: "high", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } },
    ),
    finding(
      "resource-policy-denies-preflight",
      [
        {
          kind: "set-rest-api-policy",
          policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::123456789012:root" },
                Action: "execute-api:Invoke",
                Resource: "execute-api:/*",
              },
              {
                Sid: "AllowCorsPreflight",
                Effect: "Allow",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "execute-api:/*/OPTIONS/*",
              },
            ],
          }),
          changes: ["allow the anonymous preflight (OPTIONS) on every path"],
        },
      ],
      { severity: "high", target: { resourceId: "health01", path: "/health", httpMethod: "OPTIONS" } },
    ),
    // A problem only prod's 10 % canary serves (lib/audit/stage-runs.ts): its deployment has an OPTIONS /orders that
    // requires an API key; neither the draft nor prod's own deployment has that method.
    finding(
      "options-requires-api-key",
      [{ kind: "remove-stage-canary", stage: "prod", canaryDeploymentId: "dep003", percentTraffic: 10 }],
      {
        target: { path: "/orders", httpMethod: "OPTIONS" },
        evidence: { canaryDeploymentId: "dep003", canaryOnly: true, canaryPercent: 10 },
      },
    ),
  ];
}

export function intentKindsIn(findings: readonly Finding[]): Set<FixIntentKind> {
  return new Set(findings.flatMap((item) => item.fixes.map((fix) => fix.kind)));
}
