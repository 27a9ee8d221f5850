import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { corsOriginMisconfigured, originProblem } from "./rule";

testRule(corsOriginMisconfigured, cases);

it("names the API's own single origin in the fix, and the first of a list", () => {
  const [wildcard] = runRule(corsOriginMisconfigured, cases.invalid[0]!.model);
  expect(wildcard?.fixes[0]).toMatchObject({
    kind: "add-method-response-cors-origin",
    path: "/cart",
    httpMethod: "PUT",
    statusCode: "200",
    allowOrigin: "https://app.example.com",
  });
  const [list] = runRule(corsOriginMisconfigured, cases.invalid[2]!.model);
  expect(list?.fixes[0]).toMatchObject({ kind: "set-preflight-headers", allowOrigin: "https://a.example.com" });
});

it("reads origin lists separated by commas or spaces, and leaves the preflight's own '*'+credentials to preflight-response-incomplete", () => {
  expect(
    originProblem({ "method.response.header.Access-Control-Allow-Origin": "'https://a.example https://b.example'" }, false)?.kind,
  ).toBe("originList");
  const wildcard = {
    "method.response.header.Access-Control-Allow-Origin": "'*'",
    "method.response.header.Access-Control-Allow-Credentials": "'true'",
  };
  expect(originProblem(wildcard, true)).toBeUndefined();
  expect(originProblem(wildcard, false)?.kind).toBe("wildcardCredentials");
});
