import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { cacheInvalidationUnauthenticated } from "./rule";

testRule(cacheInvalidationUnauthenticated, cases);

it("fixes the stage-wide entry when the methods inherit the value", () => {
  const [finding] = runRule(cacheInvalidationUnauthenticated, cases.invalid[0]!.model);
  expect(finding?.fixes).toEqual([
    {
      kind: "set-stage-method-setting",
      stage: "prod",
      path: "*",
      httpMethod: "*",
      setting: "caching/requireAuthorizationForCacheControl",
      value: true,
    },
  ]);
});
