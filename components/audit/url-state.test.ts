import { describe, expect, it } from "vitest";
import { parseViewState, serializeViewState } from "./url-state";

describe("audit view URL state", () => {
  it("parses the documented deep link", () => {
    const state = parseViewState(new URLSearchParams("stage=prod&severity=high&cell=/orders/{id}:OPTIONS"));
    expect(state).toEqual({ stage: "prod", cell: "/orders/{id}:OPTIONS", severities: ["high"], rules: [], path: "", tab: "matrix" });
  });
  it("ignores unknown severities and tabs, and accepts Next's searchParams objects", () => {
    const state = parseViewState({ severity: ["HIGH,bogus,critical"], tab: "nope", rule: "a,b,a", q: "orders" });
    expect(state.severities).toEqual(["high", "critical"]);
    expect(state.rules).toEqual(["a", "b"]);
    expect(state.tab).toBe("matrix");
    expect(state.path).toBe("orders");
  });
  it("round-trips and keeps paths readable", () => {
    const state = {
      stage: "prod",
      cell: "/admin/{proxy+}:ANY",
      severities: ["critical" as const, "high" as const],
      rules: ["r1"],
      path: "admin",
      tab: "findings" as const,
    };
    const query = serializeViewState(state);
    expect(query).toBe("stage=prod&severity=critical,high&rule=r1&q=admin&tab=findings&cell=/admin/{proxy%2B}:ANY");
    expect(parseViewState(new URLSearchParams(query))).toEqual(state);
  });
  it("keeps the whole-API fix tab in the URL", () => {
    const query = serializeViewState({ severities: [], rules: [], path: "", tab: "fix" });
    expect(query).toBe("tab=fix");
    expect(parseViewState(new URLSearchParams(query)).tab).toBe("fix");
  });
  it("omits defaults", () => {
    expect(serializeViewState({ severities: [], rules: [], path: " ", tab: "matrix" })).toBe("");
  });
});
