import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithAuthAllMaximum } from "@/lib/rules/testing/corpus/sam-auth-all-maximum";
import { samApiWithCorsAndAuthNoPreflightAuth } from "@/lib/rules/testing/corpus/sam-cors-and-auth";

const proxy = (configure: (r: import("@/lib/rules/testing/model-builder").ResourceBuilder) => void) =>
  api()
    .authorizer("pool", { type: "COGNITO_USER_POOLS" })
    .resource("/admin/{proxy+}", configure)
    .resource("/products", (r) => r.method("GET").cors())
    .stage("prod")
    .build();

export const cases: RuleCases = {
  valid: [
    {
      name: "explicit OPTIONS beside an authorized ANY takes precedence",
      model: proxy((r) => r.method("ANY", (m) => m.authorizer("pool")).cors()),
    },
    { name: "ANY without authorization or key", model: proxy((r) => r.method("ANY")) },
    {
      name: "a resource with its own OPTIONS does not fall through to the authorized proxy; method-less intermediates are the proxy's own finding",
      model: api()
        .authorizer("jwt", { type: "TOKEN" })
        .resource("/{proxy+}", (r) => r.method("ANY", (m) => m.authorizer("jwt")).cors())
        .resource("/orders/{id}/lines", (r) => r.method("GET", (m) => m.authorizer("jwt")).cors())
        .stage("prod")
        .build(),
    },
    { name: "sam api_with_auth_all_maximum: authorized ANYs, but nothing says browsers call the API", model: samApiWithAuthAllMaximum() },
    { name: "sam api_with_cors_and_auth_no_preflight_auth: no ANY", model: samApiWithCorsAndAuthNoPreflightAuth() },
  ],
  invalid: [
    {
      name: "Cognito ANY greedy proxy without OPTIONS",
      model: proxy((r) => r.method("ANY", (m) => m.authorizer("pool"))),
      findings: [
        {
          messageId: "authorized",
          target: { path: "/admin/{proxy+}", httpMethod: "ANY", authorizerId: "pool" },
          stages: ["prod"],
          messageIncludes: ['401 {"message":"Unauthorized"}'],
          fixKinds: ["add-cors-preflight", "redeploy-stage"],
        },
      ],
    },
    {
      name: "SAM layout: a resource without OPTIONS falls through to the authorized /{proxy+} ANY",
      model: api()
        .authorizer("jwt", { type: "TOKEN" })
        .resource("/{proxy+}", (r) => r.method("ANY", (m) => m.authorizer("jwt")))
        .resource("/orders", (r) => r.method("POST", (m) => m.authorizer("jwt")))
        .resource("/orders/{id}/lines", (r) => r.method("GET", (m) => m.authorizer("jwt")).cors())
        .stage("prod")
        .build(),
      // In the model's resource order (the normaliser's: "/orders" sorts before "/{proxy+}").
      findings: [
        {
          messageId: "fallthrough",
          target: { path: "/orders", httpMethod: "OPTIONS", authorizerId: "jwt" },
          stages: ["prod"],
          messageIncludes: ["OPTIONS /orders is answered by ANY /{proxy+}, which requires the Lambda authorizer 'jwt': 401 every time."],
          fixKinds: ["add-cors-preflight", "redeploy-stage"],
        },
        { messageId: "authorized", target: { path: "/{proxy+}", httpMethod: "ANY" }, stages: ["prod"] },
      ],
    },
    {
      name: "key-guarded ANY without OPTIONS",
      model: proxy((r) => r.method("ANY", (m) => m.apiKey())),
      findings: [{ messageId: "keyRequired", messageIncludes: ['403 {"message":"Forbidden"}'] }],
    },
  ],
};
