import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithAuthAllMaximum } from "@/lib/rules/testing/corpus/sam-auth-all-maximum";
import { withApi } from "@/lib/rules/testing/model-tweaks";

const publicGet = () =>
  api()
    .resource("/products", (r) => r.method("GET").cors())
    .stage("prod")
    .build();
const policy = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
const allowAll = { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" };

export const cases: RuleCases = {
  valid: [
    { name: "a public GET on a PRIVATE endpoint (only the VPC reaches it)", model: withApi(publicGet(), { endpointTypes: ["PRIVATE"] }) },
    {
      name: "a public GET whose resource policy admits only the account's principals",
      model: withApi(publicGet(), { policy: policy({ ...allowAll, Principal: { AWS: "arn:aws:iam::123456789012:root" } }) }),
    },
    {
      name: "OPTIONS with NONE is correct; the real method is authorized",
      model: api()
        .authorizer("jwt", { type: "TOKEN" })
        .resource("/orders", (r) => r.method("POST", (m) => m.authorizer("jwt")).cors())
        .stage("prod")
        .build(),
    },
    { name: "sam api_with_auth_all_maximum: NONE methods all require an API key", model: samApiWithAuthAllMaximum() },
  ],
  invalid: [
    {
      name: "public GET",
      model: api()
        .resource("/products", (r) => r.method("GET").cors())
        .stage("prod")
        .build(),
      findings: [{ messageId: "open", severity: "info", target: { path: "/products", httpMethod: "GET" }, stages: ["prod"] }],
    },
    {
      name: "a public GET behind a source-IP resource policy: depends on the caller",
      model: withApi(publicGet(), { policy: policy({ ...allowAll, Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }) }),
      findings: [{ messageId: "conditional", severity: "info", messageIncludes: ["source IP"] }],
    },
  ],
};
