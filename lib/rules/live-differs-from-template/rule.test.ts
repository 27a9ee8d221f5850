import { describe, expect, it } from "vitest";
import { testRule } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { compareWithTemplate, MAX_DIFFERENCES } from "@/lib/model/template-drift";
import { cases } from "./cases";
import { liveDiffersFromTemplate } from "./rule";

testRule(liveDiffersFromTemplate, cases);

describe("compareWithTemplate", () => {
  it("is bounded: a huge difference keeps MAX_DIFFERENCES and counts the rest", () => {
    let live = api();
    for (let i = 0; i < MAX_DIFFERENCES + 30; i++) live = live.resource(`/r${i}`, (r) => r.method("GET"));
    const comparison = compareWithTemplate(live.build(), api().build(), { template: "t", logicalId: "A" });
    expect(comparison.differences).toHaveLength(MAX_DIFFERENCES);
    expect(comparison.omitted).toBe(30);
  });
});
