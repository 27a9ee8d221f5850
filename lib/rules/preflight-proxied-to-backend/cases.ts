import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithCorsAndAuthNoPreflightAuth } from "@/lib/rules/testing/corpus/sam-cors-and-auth";
import { smithyCorsWithCustomGatewayResponseHeaders } from "@/lib/rules/testing/corpus/smithy-cors-custom-gateway-response";

export const cases: RuleCases = {
  valid: [
    {
      name: "MOCK preflight",
      model: api()
        .resource("/orders", (r) => r.method("PUT").cors())
        .stage("prod")
        .build(),
    },
    { name: "sam api_with_cors_and_auth_no_preflight_auth: SAM generates a MOCK", model: samApiWithCorsAndAuthNoPreflightAuth() },
  ],
  invalid: [
    {
      name: "OPTIONS proxied to a Lambda",
      model: api()
        .resource("/orders", (r) => r.method("PUT").options())
        .stage("prod")
        .build(),
      findings: [
        {
          messageId: "proxied",
          severity: "low",
          stages: ["prod"],
          messageIncludes: ["AWS_PROXY"],
          fixKinds: ["replace-preflight-integration-with-mock", "redeploy-stage"],
        },
      ],
    },
    {
      name: "smithy cors-with-custom-gateway-response-headers: OPTIONS integrates with a Lambda (type aws)",
      model: smithyCorsWithCustomGatewayResponseHeaders(),
      findings: [{ messageId: "proxied", target: { path: "/foo" }, messageIncludes: ["AWS arn:aws:apigateway:us-west-2:lambda"] }],
    },
  ],
};
