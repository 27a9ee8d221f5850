import { describe, expect, it } from "vitest";
import { finding } from "@/components/testing/audit-fixture";
import { countBySeverity } from "@/lib/rules/count-by-severity";
import { filterFindings, groupFindings, isFiltering, NO_FILTER } from "./findings-filter";

const findings = [
  finding("options-auth", "critical", { path: "/products", httpMethod: "OPTIONS" }),
  finding("options-auth", "critical", { path: "/account", httpMethod: "OPTIONS" }),
  finding("api-key", "high", { path: "/orders", httpMethod: "OPTIONS" }),
  finding("gw-cors", "medium", { responseType: "DEFAULT_4XX" }),
  finding("ttl", "critical", { authorizerId: "auth1" }),
];

describe("filterFindings", () => {
  it("passes everything without a filter", () => {
    expect(filterFindings(findings, NO_FILTER)).toHaveLength(5);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });
  it("filters by severity, rule and target text together", () => {
    expect(filterFindings(findings, { ...NO_FILTER, severities: ["high", "medium"] }).map((item) => item.ruleId)).toEqual([
      "api-key",
      "gw-cors",
    ]);
    expect(filterFindings(findings, { ...NO_FILTER, rules: ["options-auth"], path: "ACCOUNT" })).toHaveLength(1);
    expect(filterFindings(findings, { ...NO_FILTER, path: "default_4xx" }).map((item) => item.ruleId)).toEqual(["gw-cors"]);
    expect(filterFindings(findings, { ...NO_FILTER, severities: ["low"] })).toEqual([]);
  });
});

describe("groupFindings", () => {
  it("groups worst first, rules by count, findings by target", () => {
    const groups = groupFindings(findings);
    expect(groups.map((group) => [group.severity, group.count])).toEqual([
      ["critical", 3],
      ["high", 1],
      ["medium", 1],
    ]);
    expect(groups[0]!.rules.map((rule) => rule.ruleId)).toEqual(["options-auth", "ttl"]);
    expect(groups[0]!.rules[0]!.findings.map((item) => item.target.path)).toEqual(["/account", "/products"]);
  });
  it("counts by severity", () => {
    expect(countBySeverity(findings)).toEqual({ critical: 3, high: 1, medium: 1, low: 0, info: 0 });
  });
});
