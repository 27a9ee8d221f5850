import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { cacheKeyMissingRequestParameters, pathParameters } from "./rule";

testRule(cacheKeyMissingRequestParameters, cases);

it("reads every path parameter, greedy ones included", () => {
  expect(pathParameters("/orders/{id}/lines/{proxy+}")).toEqual(["method.request.path.id", "method.request.path.proxy"]);
  expect(pathParameters("/orders")).toEqual([]);
});

it("adds the missing parameter to the existing key and redeploys the stage", () => {
  const [finding] = runRule(cacheKeyMissingRequestParameters, cases.invalid[0]!.model);
  expect(finding?.fixes[0]).toMatchObject({
    kind: "add-cache-key-parameter",
    path: "/orders/{id}",
    httpMethod: "GET",
    parameter: "method.request.path.id",
    existingCacheKeyParameters: [],
  });
  expect(finding?.fixes.at(-1)).toMatchObject({ kind: "redeploy-stage", stage: "prod" });
});
