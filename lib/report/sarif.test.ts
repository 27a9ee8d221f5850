import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSarif, renderSarif, sarifLevel } from "@/lib/report/sarif";
import { reportFixture } from "@/lib/report/testing/report-fixture";

// The OASIS SARIF 2.1.0 schema (rtm.5), vendored from @microsoft/jest-sarif (MIT): no network in tests.
const schema = JSON.parse(readFileSync(join(__dirname, "sarif-schema-2.1.0-rtm.5.json"), "utf8")) as object;
// The schema's language-tag pattern is not valid with the "u" flag, so patterns are compiled without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

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
      locations: [{ logicalLocations: [{ name: "/orders/{id} OPTIONS", fullyQualifiedName: "a1b2c3d4e5 /orders/{id} OPTIONS", kind: "member" }] }],
    });
    expect(run.results[4]).toMatchObject({ level: "warning", locations: [{ logicalLocations: [{ name: "gateway response DEFAULT_4XX", kind: "resource" }] }] });
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: true, toolExecutionNotifications: [{ associatedRule: { id: "deployment-drift" } }, { level: "warning" }] });
  });

  it("maps severities to SARIF levels", () => {
    expect([sarifLevel("critical"), sarifLevel("high"), sarifLevel("medium"), sarifLevel("low"), sarifLevel("info")]).toEqual(["error", "error", "warning", "note", "note"]);
  });

  it("refuses findings whose rule metadata is missing", () => {
    expect(() => buildSarif(report, rules.slice(1))).toThrow(/options-behind-authorizer/);
  });
});
