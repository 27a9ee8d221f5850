import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { cacheControlFailsWith403 } from "./rule";

testRule(cacheControlFailsWith403, cases);

it("switches the stage-wide entry to SUCCEED_WITH_RESPONSE_HEADER, keeping invalidation protected", () => {
  const [finding] = runRule(cacheControlFailsWith403, cases.invalid[0]!.model);
  expect(finding?.fixes).toEqual([
    {
      kind: "set-stage-method-setting",
      stage: "prod",
      path: "*",
      httpMethod: "*",
      setting: "caching/unauthorizedCacheControlHeaderStrategy",
      value: "SUCCEED_WITH_RESPONSE_HEADER",
    },
  ]);
  expect(finding?.evidence).toMatchObject({
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403",
  });
});
