import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { requestValidatorOnPreflight } from "./rule";

testRule(requestValidatorOnPreflight, cases);

it("removes the validator from the OPTIONS method only", () => {
  const [finding] = runRule(requestValidatorOnPreflight, cases.invalid[0]!.model);
  expect(finding?.fixes[0]).toEqual({
    kind: "clear-method-request-validator",
    resourceId: "sessions",
    path: "/sessions",
    httpMethod: "OPTIONS",
    requestValidatorId: "val123",
  });
});
