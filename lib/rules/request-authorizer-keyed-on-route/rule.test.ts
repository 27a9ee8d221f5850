import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { requestAuthorizerKeyedOnRoute } from "./rule";

testRule(requestAuthorizerKeyedOnRoute, cases);

it("turns caching off and flushes the cached answers of every stage", () => {
  const [finding] = runRule(requestAuthorizerKeyedOnRoute, cases.invalid[0]!.model);
  expect(finding?.fixes).toEqual([
    { kind: "set-authorizer-ttl", authorizerId: "route", authorizerName: "route", fromSeconds: 300, toSeconds: 0 },
    { kind: "flush-authorizer-cache", stage: "prod" },
  ]);
});
