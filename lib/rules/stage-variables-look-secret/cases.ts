import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";

export const cases: RuleCases = {
  valid: [{ name: "ordinary variable names", model: api().resource("/a", (r) => r.method("GET")).stage("prod", (s) => s.variables("lambdaAlias", "backendUrl")).build() }],
  invalid: [
    {
      name: "an API key in a stage variable on two stages",
      model: api()
        .resource("/a", (r) => r.method("GET"))
        .stage("prod", (s) => s.variables("lambdaAlias", "paymentsApiKey"))
        .stage("dev", (s) => s.variables("paymentsApiKey", "db_password", "debug"))
        .build(),
      // In the model's order: the normaliser sorts stages by name and variable names, as a live read does.
      findings: [
        { messageId: "secretNames", target: { stage: "dev" }, messageIncludes: ["db_password and paymentsApiKey"] },
        { messageId: "secretNames", target: { stage: "prod" }, messageIncludes: ["paymentsApiKey"] },
      ],
    },
  ],
};
