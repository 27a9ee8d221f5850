import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";

export const cases: RuleCases = {
  valid: [
    {
      name: "API key on the real method only",
      model: api()
        .resource("/orders", (r) => r.method("POST", (m) => m.apiKey()).cors())
        .stage("prod")
        .build(),
    },
  ],
  invalid: [
    {
      name: "SAM ApiKeyRequired copied onto OPTIONS",
      model: api()
        .resource("/orders", (r) => r.method("POST", (m) => m.apiKey()).options((m) => m.apiKey().cors()))
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "required",
          target: { path: "/orders", httpMethod: "OPTIONS" },
          stages: ["prod"],
          messageIncludes: ['403 {"message":"Forbidden"}', "HEADER"],
          fixKinds: ["set-method-api-key-required", "redeploy-stage"],
        },
      ],
    },
    {
      name: "key required only in the draft",
      model: api()
        .resource("/orders", (r) => r.method("POST").options((m) => m.apiKey().cors()))
        .stage("prod", (s) => s.deployed((d) => d.method("/orders", "OPTIONS", { apiKeyRequired: false })))
        .build(),
      findings: [{ messageId: "required", stages: [], draftOnly: true }],
    },
    {
      name: "removed in the draft, still deployed",
      model: api()
        .resource("/orders", (r) => r.method("POST").cors())
        .stage("prod", (s) => s.deployed((d) => d.method("/orders", "OPTIONS", { apiKeyRequired: true })))
        .build(),
      findings: [{ messageId: "fixedNotDeployed", stages: ["prod"], fixKinds: ["redeploy-stage"] }],
    },
  ],
};
