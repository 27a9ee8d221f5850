import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type AuthorizerSpec } from "@/lib/rules/testing/model-builder";
import { samApiWithAuthAllMaximum } from "@/lib/rules/testing/corpus/sam-auth-all-maximum";
import { samApiWithCorsAndAuthPreflightAuth } from "@/lib/rules/testing/corpus/sam-cors-and-auth";

const shop = (spec: AuthorizerSpec) =>
  api()
    .authorizer("shop", spec)
    .resource("/products", (r) => r.method("GET", (m) => m.authorizer("shop")))
    .resource("/orders/{id}", (r) => r.method("GET", (m) => m.authorizer("shop")))
    .stage("prod")
    .build();

export const cases: RuleCases = {
  valid: [
    { name: "TTL 0 disables the cache", model: shop({ type: "TOKEN", ttl: 0 }) },
    {
      name: "REQUEST authorizer keyed on the route",
      model: shop({ type: "REQUEST", identitySource: "method.request.header.Authorization, context.httpMethod, context.resourcePath" }),
    },
    {
      name: "cached authorizer on a single method",
      model: api()
        .authorizer("shop", { type: "TOKEN" })
        .resource("/products", (r) => r.method("GET", (m) => m.authorizer("shop")))
        .stage("prod")
        .build(),
    },
    {
      name: "Cognito authorizers have no result cache",
      model: api()
        .authorizer("pool", { type: "COGNITO_USER_POOLS" })
        .resource("/a", (r) => r.method("GET", (m) => m.authorizer("pool")))
        .resource("/b", (r) => r.method("GET", (m) => m.authorizer("pool")))
        .build(),
    },
  ],
  invalid: [
    {
      name: "TOKEN authorizer with TTL unset (300 s) shared by two methods",
      model: shop({ type: "TOKEN" }),
      findings: [
        {
          messageId: "shared",
          target: { authorizerId: "shop" },
          stages: ["prod"],
          messageIncludes: ["300 s", "GET /orders/{id} and GET /products"],
          fixKinds: ["widen-authorizer-policy", "set-authorizer-ttl", "flush-authorizer-cache"],
        },
      ],
    },
    {
      name: "cached authorizer on a greedy proxy",
      model: api()
        .authorizer("admin", { type: "TOKEN", ttl: 60 })
        .resource("/admin/{proxy+}", (r) => r.method("ANY", (m) => m.authorizer("admin")))
        .stage("prod")
        .build(),
      findings: [{ messageId: "greedy", messageIncludes: ["60 s", "ANY /admin/{proxy+}"] }],
    },
    {
      name: "sam api_with_auth_all_maximum: only the TOKEN authorizer with TTL 20 is cached and shared",
      model: samApiWithAuthAllMaximum(),
      findings: [{ messageId: "shared", target: { authorizerId: "MyLambdaTokenAuth" }, messageIncludes: ["20 s"] }],
    },
    {
      name: "sam api_with_cors_and_auth_preflight_auth: REQUEST authorizer, TTL unset, on every method",
      model: samApiWithCorsAndAuthPreflightAuth(),
      findings: [{ messageId: "shared", target: { authorizerId: "MyLambdaRequestAuth" }, stages: ["Prod"] }],
    },
  ],
};
