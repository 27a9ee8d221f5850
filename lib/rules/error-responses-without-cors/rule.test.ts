import { expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { errorResponsesWithoutCors } from "./rule";

testRule(errorResponsesWithoutCors, cases);

it("keeps a customised response's status and mappings in the fix", () => {
  const model = api()
    .resource("/orders", (r) => r.method("PUT").cors({ allowOrigin: "https://shop.example.com" }))
    .gatewayResponse("DEFAULT_4XX", { statusCode: "400", headers: { "X-Trace": "context.requestId" } })
    .gatewayResponse("DEFAULT_5XX", { headers: { "Access-Control-Allow-Origin": "'https://shop.example.com'" } })
    .stage("prod")
    .build();
  const [finding] = runRule(errorResponsesWithoutCors, model);
  expect(finding?.fixes[0]).toEqual({
    kind: "add-gateway-response-cors",
    responseType: "DEFAULT_4XX",
    allowOrigin: "https://shop.example.com",
    allowHeaders: ["Content-Type"],
    existingResponseParameters: { "gatewayresponse.header.X-Trace": "context.requestId" },
    statusCode: "400",
  });
});
