import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";

export const cases: RuleCases = {
  valid: [
    {
      name: "stage serves the current configuration",
      model: api()
        .resource("/account", (r) => r.method("GET").cors())
        .stage("prod")
        .build(),
    },
  ],
  invalid: [
    {
      name: "console fix not deployed: OPTIONS /account is NONE now, prod still has Cognito",
      model: api()
        .authorizer("pool", { type: "COGNITO_USER_POOLS" })
        .resource("/account", (r) => r.method("GET", (m) => m.authorizer("pool")).cors())
        .stage("prod", (s) => s.deployed((d) => d.method("/account", "OPTIONS", { authorizationType: "COGNITO_USER_POOLS" })))
        .stage("dev")
        .build(),
      findings: [
        {
          messageId: "authorizationType",
          target: { path: "/account", httpMethod: "OPTIONS", stage: "prod" },
          stages: ["prod"],
          messageIncludes: ["COGNITO_USER_POOLS", "NONE"],
          fixKinds: ["redeploy-stage"],
        },
      ],
    },
    {
      name: "methods added and removed, key requirement changed",
      model: api()
        .resource("/cart", (r) => r.method("PUT", (m) => m.apiKey()).cors())
        .stage("prod", (s) =>
          s.deployed((d) => d.without("/cart", "OPTIONS").method("/cart", "PUT", { apiKeyRequired: false }).method("/legacy", "GET", {})),
        )
        .build(),
      findings: [
        { messageId: "apiKeyRequired", target: { path: "/cart", httpMethod: "PUT" } },
        { messageId: "methodAdded", severity: "high", target: { path: "/cart", httpMethod: "OPTIONS" } },
        { messageId: "methodRemoved", severity: "low", target: { path: "/legacy", httpMethod: "GET" } },
      ],
    },
  ],
};
