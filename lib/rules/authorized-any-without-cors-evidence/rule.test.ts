import { expect, it } from "vitest";
import { anyMethodAnswersPreflight } from "@/lib/rules/any-method-answers-preflight/rule";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { authorizedAnyWithoutCorsEvidence } from "./rule";

testRule(authorizedAnyWithoutCorsEvidence, cases);

it("never reports a resource any-method-answers-preflight already reports", () => {
  for (const example of [...cases.valid, ...cases.invalid]) {
    const mine = runRule(authorizedAnyWithoutCorsEvidence, example.model).map((f) => f.target.resourceId);
    const theirs = runRule(anyMethodAnswersPreflight, example.model).map((f) => f.target.resourceId);
    expect(
      mine.filter((id) => theirs.includes(id)),
      example.name,
    ).toEqual([]);
  }
});
