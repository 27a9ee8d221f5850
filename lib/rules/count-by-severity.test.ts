import { describe, expect, it } from "vitest";
import { countBySeverity } from "./count-by-severity";
import type { Severity } from "./types";

const of = (...severities: Severity[]) => severities.map((severity) => ({ severity }));

describe("countBySeverity", () => {
  it("counts every severity, zero when absent, in any order", () => {
    expect(countBySeverity(of("high", "high", "info", "high", "critical", "info"))).toEqual({
      critical: 1,
      high: 3,
      medium: 0,
      low: 0,
      info: 2,
    });
    expect(countBySeverity([])).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });
  });
});
