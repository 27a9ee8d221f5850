import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { samApiWithAuthAllMaximum } from "@/lib/rules/testing/corpus/sam-auth-all-maximum";
import { smithyCorsWithCustomGatewayResponseHeaders } from "@/lib/rules/testing/corpus/smithy-cors-custom-gateway-response";

const ACAO = { "Access-Control-Allow-Origin": "'*'" };
const browserApi = () => api().resource("/orders", (r) => r.method("PUT").cors());

export const cases: RuleCases = {
  valid: [
    {
      name: "DEFAULT_4XX and DEFAULT_5XX both send Access-Control-Allow-Origin",
      model: browserApi()
        .gatewayResponse("DEFAULT_4XX", { headers: ACAO })
        .gatewayResponse("DEFAULT_5XX", { headers: ACAO })
        .stage("prod")
        .build(),
    },
    { name: "sam api_with_auth_all_maximum: not a browser API", model: samApiWithAuthAllMaximum() },
  ],
  invalid: [
    {
      name: "nothing customised: the defaults carry no CORS headers",
      model: browserApi().stage("prod").build(),
      findings: [
        {
          messageId: "missing",
          target: { responseType: "DEFAULT_4XX" },
          severity: "medium",
          stages: ["prod"],
          messageIncludes: ["401", "403", "429"],
          fixKinds: ["add-gateway-response-cors", "redeploy-stage"],
        },
        { messageId: "missing", target: { responseType: "DEFAULT_5XX" }, severity: "low", messageIncludes: ["500", "504"] },
      ],
    },
    {
      name: "a customised UNAUTHORIZED without the header counts even when DEFAULT_4XX has it",
      model: browserApi()
        .gatewayResponse("DEFAULT_4XX", { headers: ACAO })
        .gatewayResponse("DEFAULT_5XX", { headers: ACAO })
        .gatewayResponse("UNAUTHORIZED", { statusCode: "401", templates: { "application/json": '{"error":"login"}' } })
        .stage("prod")
        .build(),
      findings: [
        { messageId: "missing", target: { responseType: "UNAUTHORIZED" }, messageIncludes: ["Customised gateway response UNAUTHORIZED"] },
      ],
    },
    {
      name: "smithy cors-with-custom-gateway-response-headers: only ACCESS_DENIED carries the header",
      model: smithyCorsWithCustomGatewayResponseHeaders(),
      findings: [
        { messageId: "missing", target: { responseType: "DEFAULT_4XX" } },
        { messageId: "missing", target: { responseType: "DEFAULT_5XX" } },
      ],
    },
  ],
};
