import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithAuthAllMaximum } from "@/lib/rules/testing/corpus/sam-auth-all-maximum";

export const cases: RuleCases = {
  valid: [
    {
      name: "OPTIONS with NONE is correct; the real method is authorized",
      model: api().authorizer("jwt", { type: "TOKEN" }).resource("/orders", (r) => r.method("POST", (m) => m.authorizer("jwt")).cors()).stage("prod").build(),
    },
    { name: "sam api_with_auth_all_maximum: NONE methods all require an API key", model: samApiWithAuthAllMaximum() },
  ],
  invalid: [
    {
      name: "public GET",
      model: api().resource("/products", (r) => r.method("GET").cors()).stage("prod").build(),
      findings: [{ messageId: "open", severity: "info", target: { path: "/products", httpMethod: "GET" }, stages: ["prod"] }],
    },
  ],
};
