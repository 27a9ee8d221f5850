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

it("covers the other browser-reachable errors and says WAF's own response wins on a stage with a web ACL (issue 14)", () => {
  const model = api()
    .resource("/orders", (r) => r.method("PUT").cors())
    .stage("prod")
    .build();
  model.stages[0]!.webAclArn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shop/abc";
  const [finding] = runRule(errorResponsesWithoutCors, model);
  for (const type of ["BAD_REQUEST_BODY", "BAD_REQUEST_PARAMETERS", "WAF_FILTERED", "UNSUPPORTED_MEDIA_TYPE"])
    expect(finding?.evidence.appliesTo).toContain(type);
  expect(finding?.symptom).toContain("Stage prod has a WAF web ACL");
});
