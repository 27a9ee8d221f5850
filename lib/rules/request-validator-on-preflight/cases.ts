import type { ApiModel } from "@/lib/model/types";
import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type MethodBuilder } from "@/lib/rules/testing/model-builder";

/** The builder has no request validator; the model gets it the way the reader would set it. */
function withValidator(model: ApiModel, path: string, validatorId: string): ApiModel {
  return {
    ...model,
    resources: model.resources.map((r) =>
      r.path !== path
        ? r
        : { ...r, methods: r.methods.map((m) => (m.httpMethod === "OPTIONS" ? { ...m, requestValidatorId: validatorId } : m)) },
    ),
  };
}
const build = (options: (m: MethodBuilder) => void, validator = true) => {
  const model = api()
    .resource("/sessions", (r) =>
      r.method("POST").options((m) => {
        m.mock();
        options(m);
      }),
    )
    .stage("prod")
    .build();
  return validator ? withValidator(model, "/sessions", "val123") : model;
};

export const cases: RuleCases = {
  valid: [
    { name: "a validator on OPTIONS that has nothing to validate", model: build(() => {}) },
    {
      name: "required parameters but no validator",
      model: build((m) => m.requestParameter("method.request.header.X-Session", true), false),
    },
    { name: "optional parameters only", model: build((m) => m.requestParameter("method.request.querystring.debug", false)) },
  ],
  invalid: [
    {
      name: "an API-wide validator on an OPTIONS that declares a required header (Terraform module shape)",
      model: build((m) => m.requestParameter("method.request.header.X-Session", true)),
      findings: [
        {
          messageId: "validated",
          severity: "high",
          target: { path: "/sessions", httpMethod: "OPTIONS" },
          stages: ["prod"],
          messageIncludes: ["val123", "method.request.header.X-Session"],
          fixKinds: ["clear-method-request-validator", "redeploy-stage"],
        },
      ],
    },
    {
      name: "an OpenAPI root validator on an OPTIONS with a request model",
      model: build((m) => m.requestModel("application/json", "SessionInput")),
      findings: [{ messageId: "validated", messageIncludes: ["a request body (application/json model)"] }],
    },
  ],
};
