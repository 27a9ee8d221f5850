import { describe, expect, it } from "vitest";
import { fixIntentSchema } from "@/lib/remediation/intent-schema";
import type { FixIntent, FixIntentKind } from "@/lib/remediation/intents";

/**
 * One intent of every kind with every optional field set. The mapped type makes a new kind a compile error
 * here until it has a sample, so the round trip below always covers the whole vocabulary.
 */
const SAMPLES: { [K in FixIntentKind]: Extract<FixIntent, { kind: K }> } = {
  "set-method-authorization": {
    kind: "set-method-authorization",
    resourceId: "r1",
    path: "/orders",
    httpMethod: "OPTIONS",
    from: "CUSTOM",
    to: "NONE",
  },
  "set-method-api-key-required": {
    kind: "set-method-api-key-required",
    resourceId: "r1",
    path: "/orders",
    httpMethod: "OPTIONS",
    value: false,
  },
  "add-cors-preflight": {
    kind: "add-cors-preflight",
    resourceId: "r2",
    path: "/cart",
    allowOrigin: "https://shop.example.com",
    allowMethods: ["GET", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type"],
    allowCredentials: true,
    maxAgeSeconds: 600,
  },
  "set-preflight-headers": {
    kind: "set-preflight-headers",
    resourceId: "r3",
    path: "/products",
    statusCode: "204",
    allowOrigin: "*",
    allowMethods: ["GET"],
    allowHeaders: ["x-api-key"],
    allowCredentials: false,
    maxAgeSeconds: 0,
  },
  "replace-preflight-integration-with-mock": {
    kind: "replace-preflight-integration-with-mock",
    resourceId: "r4",
    path: "/{proxy+}",
    allowOrigin: "*",
    allowMethods: ["ANY"],
    allowHeaders: [],
    allowCredentials: false,
    maxAgeSeconds: 300,
  },
  "add-gateway-response-cors": {
    kind: "add-gateway-response-cors",
    responseType: "UNAUTHORIZED",
    allowOrigin: "*",
    allowHeaders: ["Authorization"],
    allowMethods: ["GET", "POST"],
    existingResponseParameters: { "gatewayresponse.header.WWW-Authenticate": "'Bearer'" },
    statusCode: "401",
  },
  "add-method-response-cors-origin": {
    kind: "add-method-response-cors-origin",
    resourceId: "r5",
    path: "/mock",
    httpMethod: "GET",
    statusCode: "200",
    allowOrigin: "*",
  },
  "set-authorizer-ttl": { kind: "set-authorizer-ttl", authorizerId: "auth1", authorizerName: "token", fromSeconds: 300, toSeconds: 0 },
  "widen-authorizer-policy": {
    kind: "widen-authorizer-policy",
    authorizerId: "auth2",
    authorizerName: "request",
    authorizerType: "REQUEST",
    resourceArnPattern: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*/*",
    allowOptions: true,
    lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:auth",
  },
  "add-cache-key-parameter": {
    kind: "add-cache-key-parameter",
    resourceId: "r6",
    path: "/account",
    httpMethod: "GET",
    parameter: "method.request.header.Authorization",
    existingCacheKeyParameters: ["method.request.querystring.page"],
  },
  "set-stage-method-setting": {
    kind: "set-stage-method-setting",
    stage: "prod",
    path: "*",
    httpMethod: "*",
    setting: "caching/dataEncrypted",
    value: true,
  },
  "redeploy-stage": { kind: "redeploy-stage", stage: "prod", description: "Preflight fixes" },
  "flush-authorizer-cache": { kind: "flush-authorizer-cache", stage: "prod" },
  "remove-stage-canary": { kind: "remove-stage-canary", stage: "prod", canaryDeploymentId: "d3", percentTraffic: 12.5 },
  "set-integration-content-handling": {
    kind: "set-integration-content-handling",
    resourceId: "r6",
    path: "/documents",
    httpMethod: "OPTIONS",
    contentHandling: "CONVERT_TO_TEXT",
    statusCodes: ["200"],
  },
  "set-rest-api-policy": {
    kind: "set-rest-api-policy",
    policy:
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*/OPTIONS/*"}]}',
    changes: ["anonymous OPTIONS allowed"],
  },
  "clear-method-request-validator": {
    kind: "clear-method-request-validator",
    resourceId: "r7",
    path: "/reviews",
    httpMethod: "OPTIONS",
    requestValidatorId: "v1",
  },
};

describe("fix intent schema", () => {
  it("covers exactly the intent kinds of the type", () => {
    const schemaKinds = fixIntentSchema.options.map((option) => option.shape.kind.value);
    expect(schemaKinds.sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.values(SAMPLES).map((intent) => [intent.kind, intent] as const))(
    "round-trips %s through JSON and the schema unchanged",
    (_kind, intent) => {
      const parsed = fixIntentSchema.parse(JSON.parse(JSON.stringify(intent)));
      expect(parsed).toStrictEqual(intent);
    },
  );

  it("rejects an unknown kind and a missing field instead of storing a partial intent", () => {
    expect(fixIntentSchema.safeParse({ kind: "delete-api", stage: "prod" }).success).toBe(false);
    expect(fixIntentSchema.safeParse({ kind: "redeploy-stage", description: "no stage" }).success).toBe(false);
  });
});
