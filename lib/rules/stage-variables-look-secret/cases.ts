import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import type { ApiModel, StageModel } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";

/** Shapes as the reader records them (the values themselves are never in the model). */
function withShapes(model: ApiModel, shapes: NonNullable<StageModel["variableShapes"]>): ApiModel {
  return { ...model, stages: model.stages.map((stage) => ({ ...stage, variableShapes: shapes })) };
}
const oneStage = (...names: string[]) =>
  api()
    .resource("/a", (r) => r.method("GET"))
    .stage("prod", (s) => s.variables(...names))
    .build();

export const cases: RuleCases = {
  valid: [
    {
      name: "ordinary variable names",
      model: api()
        .resource("/a", (r) => r.method("GET"))
        .stage("prod", (s) => s.variables("lambdaAlias", "backendUrl"))
        .build(),
    },
    {
      name: "a secret-named variable holding a Secrets Manager ARN (the recommended pattern)",
      model: withShapes(oneStage("dbPasswordSecretArn", "apiKeyParameter"), {
        dbPasswordSecretArn: "reference",
        apiKeyParameter: "reference",
      }),
    },
  ],
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
    {
      name: "a key-like value under an innocent name, and a short password (plain-shaped) under a secret name",
      model: withShapes(oneStage("stripe", "dbPassword", "lambdaAlias"), {
        stripe: "secret-like",
        dbPassword: "plain",
        lambdaAlias: "plain",
      }),
      // In the model's order: the normaliser sorts variable names, as a live read does.
      findings: [{ messageId: "secretValues", messageIncludes: ["dbPassword and stripe"] }],
    },
  ],
};
