import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithCorsAndAuthNoPreflightAuth, samApiWithCorsAndAuthPreflightAuth } from "@/lib/rules/testing/corpus/sam-cors-and-auth";
import { smithyCorsWithCustomGatewayResponseHeaders } from "@/lib/rules/testing/corpus/smithy-cors-custom-gateway-response";

const withTokenOptions = (stage: (s: import("@/lib/rules/testing/model-builder").StageBuilder) => void = () => {}) =>
  api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/orders/{id}", (r) => r.method("PUT", (m) => m.authorizer("jwt")).options((m) => m.authorizer("jwt").cors()))
    .stage("prod", stage)
    .build();

export const cases: RuleCases = {
  valid: [
    {
      name: "OPTIONS with NONE beside an authorized PUT",
      model: api()
        .authorizer("jwt", { type: "TOKEN" })
        .resource("/orders/{id}", (r) => r.method("PUT", (m) => m.authorizer("jwt")).cors())
        .stage("prod")
        .build(),
    },
    { name: "sam api_with_cors_and_auth_no_preflight_auth", model: samApiWithCorsAndAuthNoPreflightAuth() },
    {
      name: "no OPTIONS method at all",
      model: api()
        .resource("/orders", (r) => r.method("GET"))
        .stage("prod")
        .build(),
    },
  ],
  invalid: [
    {
      name: "TOKEN authorizer on OPTIONS: 401 without invoking the Lambda",
      model: withTokenOptions(),
      findings: [
        {
          messageId: "everyTime",
          target: { path: "/orders/{id}", httpMethod: "OPTIONS", authorizerId: "jwt" },
          stages: ["prod"],
          draftOnly: false,
          messageIncludes: ['401 {"message":"Unauthorized"}', "Authorization header", "without invoking the Lambda"],
          fixKinds: ["set-method-authorization", "redeploy-stage"],
        },
      ],
    },
    {
      name: "Cognito authorizer on OPTIONS: 401",
      model: api()
        .authorizer("pool", { type: "COGNITO_USER_POOLS" })
        .resource("/account", (r) => r.method("GET", (m) => m.authorizer("pool")).options((m) => m.authorizer("pool").cors()))
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "everyTime",
          target: { path: "/account" },
          messageIncludes: ['401 {"message":"Unauthorized"}', "Cognito authorizer 'pool'"],
        },
      ],
    },
    {
      name: "AWS_IAM on OPTIONS: 403 Missing Authentication Token",
      model: api()
        .resource("/files", (r) => r.method("DELETE", (m) => m.auth("AWS_IAM")).options((m) => m.auth("AWS_IAM").cors()))
        .stage("prod")
        .build(),
      findings: [{ messageId: "everyTime", messageIncludes: ['403 {"message":"Missing Authentication Token"}', "SigV4"] }],
    },
    {
      name: "REQUEST authorizer keyed on a query string: the Lambda decides, cached",
      model: api()
        .authorizer("tenant", { type: "REQUEST", identitySource: "method.request.querystring.tenant", ttl: 60 })
        .resource("/orders", (r) => r.method("POST", (m) => m.authorizer("tenant")).options((m) => m.authorizer("tenant").cors()))
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "lambdaDecides",
          messageIncludes: ["cached for 60 s"],
          fixKinds: ["set-method-authorization", "flush-authorizer-cache"],
        },
      ],
    },
    {
      name: "REQUEST authorizer keyed on a query string with TTL 0: the Lambda runs on every preflight, so it denies every time, not intermittently",
      model: api()
        .authorizer("tenant", { type: "REQUEST", identitySource: "method.request.querystring.tenant", ttl: 0 })
        .resource("/orders", (r) => r.method("POST", (m) => m.authorizer("tenant")).options((m) => m.authorizer("tenant").cors()))
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "everyTime",
          messageIncludes: ["every preflight gets 401 or 403", "with TTL 0 nothing is cached", "denies every preflight, every time"],
          fixKinds: ["set-method-authorization"],
        },
      ],
    },
    {
      name: "REQUEST authorizer with a header identity source and TTL 0 still fails every time",
      model: api()
        .authorizer("session", { type: "REQUEST", identitySource: "method.request.header.X-Session", ttl: 0 })
        .resource("/cart", (r) => r.method("PUT", (m) => m.authorizer("session")).options((m) => m.authorizer("session").cors()))
        .stage("prod")
        .build(),
      findings: [{ messageId: "everyTime", messageIncludes: ["X-Session header"] }],
    },
    {
      name: "only in the draft: the deployed OPTIONS is still NONE",
      model: withTokenOptions((s) => s.deployed((d) => d.method("/orders/{id}", "OPTIONS", { authorizationType: "NONE" }))),
      findings: [{ messageId: "everyTime", stages: [], draftOnly: true }],
    },
    {
      name: "fixed in the draft, not deployed: prod still serves a Cognito OPTIONS",
      model: api()
        .authorizer("pool", { type: "COGNITO_USER_POOLS" })
        .resource("/account", (r) => r.method("GET", (m) => m.authorizer("pool")).cors())
        .stage("prod", (s) => s.deployed((d) => d.method("/account", "OPTIONS", { authorizationType: "COGNITO_USER_POOLS" })))
        .stage("dev")
        .build(),
      findings: [
        { messageId: "fixedNotDeployed", stages: ["prod"], messageIncludes: ["prod", "COGNITO_USER_POOLS"], fixKinds: ["redeploy-stage"] },
      ],
    },
    {
      name: "sam api_with_cors_and_auth_preflight_auth: both generated OPTIONS carry the REQUEST authorizer",
      model: samApiWithCorsAndAuthPreflightAuth(),
      findings: [
        {
          messageId: "everyTime",
          target: { path: "/", httpMethod: "OPTIONS" },
          stages: ["Prod"],
          messageIncludes: ["Authorization1 header"],
        },
        { messageId: "everyTime", target: { path: "/any", httpMethod: "OPTIONS" }, stages: ["Prod"] },
      ],
    },
    {
      name: "smithy cors-with-custom-gateway-response-headers: root sigv4 security covers the explicit OPTIONS",
      model: smithyCorsWithCustomGatewayResponseHeaders(),
      findings: [{ messageId: "everyTime", target: { path: "/foo" }, messageIncludes: ["Missing Authentication Token"] }],
    },
  ],
};
