import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { binaryMediaBreaksMockPreflight, matchesPreflight } from "./rule";

testRule(binaryMediaBreaksMockPreflight, cases);

it("sets CONVERT_TO_TEXT on the integration and on each integration response of the preflight", () => {
  const [finding] = runRule(binaryMediaBreaksMockPreflight, cases.invalid[0]!.model);
  expect(finding?.fixes[0]).toEqual({
    kind: "set-integration-content-handling",
    resourceId: "upload",
    path: "/upload",
    httpMethod: "OPTIONS",
    contentHandling: "CONVERT_TO_TEXT",
    statusCodes: ["200"],
  });
});

it("only */* matches what a preflight carries", () => {
  expect(matchesPreflight("*/*")).toBe(true);
  expect(matchesPreflight(" */* ")).toBe(true);
  expect(matchesPreflight("image/*")).toBe(false);
  expect(matchesPreflight("application/json")).toBe(false);
});
