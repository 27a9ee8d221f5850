import { describe, expect, it } from "vitest";
import { buildSarif, renderSarif, sarifLevel } from "@/lib/report/sarif";
import { reportFixture } from "@/lib/report/testing/report-fixture";
import { validateSarif as validate } from "@/lib/report/testing/sarif-validator";

describe("SARIF export", () => {
  const { report, rules } = reportFixture();

  it("validates against the SARIF 2.1.0 schema", () => {
    const log = JSON.parse(renderSarif(report, rules).content) as unknown;
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("the validator rejects a broken log (the check can fail)", () => {
    const log = buildSarif(report, rules) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    log.runs[0]!.results[0]!.level = "fatal";
    expect(validate(log)).toBe(false);
  });

  it("lists rules as tool.driver.rules and findings as results with logical locations", () => {
    const log = buildSarif(report, rules);
    const run = log.runs[0]!;
    expect((run.tool.driver.rules as Array<{ id: string }>).map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(run.results).toHaveLength(report.findings.length);
    expect(run.results[0]).toMatchObject({
      ruleId: "options-behind-authorizer",
      ruleIndex: 0,
      level: "error",
      locations: [
        { logicalLocations: [{ name: "/orders/{id} OPTIONS", fullyQualifiedName: "a1b2c3d4e5 /orders/{id} OPTIONS", kind: "member" }] },
      ],
    });
    expect(run.results[4]).toMatchObject({
      level: "warning",
      locations: [{ logicalLocations: [{ name: "gateway response DEFAULT_4XX", kind: "resource" }] }],
    });
    expect(run.invocations[0]).toMatchObject({
      executionSuccessful: true,
      toolExecutionNotifications: [{ associatedRule: { id: "deployment-drift" } }, { level: "warning" }],
    });
  });

  it("maps severities to SARIF levels", () => {
    expect([sarifLevel("critical"), sarifLevel("high"), sarifLevel("medium"), sarifLevel("low"), sarifLevel("info")]).toEqual([
      "error",
      "error",
      "warning",
      "note",
      "note",
    ]);
  });

  it("refuses findings whose rule metadata is missing", () => {
    expect(() => buildSarif(report, rules.slice(1))).toThrow(/options-behind-authorizer/);
  });
});
