import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type ResourceBuilder } from "@/lib/rules/testing/model-builder";
import { samApiWithAuthAllMaximum } from "@/lib/rules/testing/corpus/sam-auth-all-maximum";

const proxy = (configure: (r: ResourceBuilder) => void, withCors = false) =>
  api()
    .authorizer("pool", { type: "COGNITO_USER_POOLS" })
    .resource("/{proxy+}", configure)
    .resource("/health", (r) => (withCors ? r.method("GET").cors() : r.method("GET")))
    .stage("prod")
    .build();

export const cases: RuleCases = {
  valid: [
    {
      name: "explicit OPTIONS beside the authorized ANY",
      model: proxy((r) => r.method("ANY", (m) => m.authorizer("pool")).options((m) => m.mock())),
    },
    {
      name: "CORS visible elsewhere: any-method-answers-preflight reports it instead",
      model: proxy((r) => r.method("ANY", (m) => m.authorizer("pool")), true),
    },
    { name: "ANY without authorization or key", model: proxy((r) => r.method("ANY")) },
  ],
  invalid: [
    {
      name: "Cognito-authorized Lambda proxy (the CDK LambdaRestApi + Cognito shape) with no CORS in the configuration",
      model: proxy((r) => r.method("ANY", (m) => m.authorizer("pool"))),
      findings: [
        {
          messageId: "authorized",
          severity: "low",
          target: { path: "/{proxy+}", httpMethod: "ANY", authorizerId: "pool" },
          stages: ["prod"],
          messageIncludes: ['401 {"message":"Unauthorized"}', "a Lambda proxy may set it in code"],
          fixKinds: ["add-cors-preflight", "redeploy-stage"],
        },
      ],
    },
    {
      name: "PUT /orders beside the Cognito proxy, no OPTIONS or ANY of its own: its preflight falls through and is reported once, on /orders, naming ANY /{proxy+}; the simple GET /health falls through too but is never preflighted",
      model: api()
        .authorizer("pool", { type: "COGNITO_USER_POOLS" })
        .resource("/{proxy+}", (r) => r.method("ANY", (m) => m.authorizer("pool")))
        .resource("/orders", (r) => r.method("PUT"))
        .resource("/health", (r) => r.method("GET"))
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "fallthrough",
          severity: "low",
          target: { path: "/orders", httpMethod: "OPTIONS", authorizerId: "pool" },
          stages: ["prod"],
          messageIncludes: [
            "OPTIONS /orders is answered by ANY /{proxy+}, which requires the Cognito authorizer 'pool'",
            '401 {"message":"Unauthorized"}',
          ],
          fixKinds: ["add-cors-preflight", "redeploy-stage"],
        },
        // In the model's resource order (sorted by path): /orders before /{proxy+}.
        { messageId: "authorized", target: { path: "/{proxy+}", httpMethod: "ANY", authorizerId: "pool" }, stages: ["prod"] },
      ],
    },
    {
      name: "sam api_with_auth_all_maximum (shared corpus): six authorized or key-guarded ANY methods, no OPTIONS, no CORS",
      model: samApiWithAuthAllMaximum(),
      findings: [
        { messageId: "authorized", target: { path: "/any/cognitomultiple" } },
        { messageId: "authorized", target: { path: "/any/default" } },
        { messageId: "authorized", target: { path: "/any/lambdarequest" } },
        { messageId: "authorized", target: { path: "/any/lambdatoken" } },
        { messageId: "authorized", target: { path: "/any/lambdatokennone" } },
        { messageId: "keyRequired", target: { path: "/any/noauth" }, messageIncludes: ['403 {"message":"Forbidden"}'] },
      ],
    },
  ],
};
