import { describe, expect, it } from "vitest";
import { parseFindingSelector, selectFindings, selectorOf } from "@/lib/cli/finding-selector";
import { finding } from "@/lib/remediation/testing/fixtures";

const redeploy = { kind: "redeploy-stage", stage: "prod", description: "publish" } as const;
const products = finding("options-requires-authorization", [redeploy], {
  target: { path: "/products", httpMethod: "OPTIONS" },
  stages: ["dev", "prod"],
});
const orders = finding("options-requires-authorization", [redeploy], {
  target: { path: "/orders", httpMethod: "OPTIONS" },
  stages: ["prod"],
  severity: "medium",
});
const cart = finding("missing-preflight", [redeploy], { target: { path: "/cart" }, stages: ["dev"], severity: "low" });
const secret = finding("stage-variables-look-secret", [], { target: { stage: "dev" }, stages: ["dev"] });
const gateway = finding("error-responses-without-cors", [redeploy], {
  target: { responseType: "DEFAULT_4XX" },
  stages: [],
  draftOnly: true,
  severity: "info",
});
const ALL = [products, orders, cart, secret, gateway];

describe("parseFindingSelector", () => {
  it("reads RULE_ID, RULE_ID:PATH and RULE_ID:PATH:VERB (verb in any case)", () => {
    expect(parseFindingSelector("missing-preflight")).toEqual({ ok: true, value: { ruleId: "missing-preflight" } });
    expect(parseFindingSelector("missing-preflight:/cart")).toEqual({ ok: true, value: { ruleId: "missing-preflight", path: "/cart" } });
    expect(parseFindingSelector("options-requires-authorization:/orders/{id}:options")).toEqual({
      ok: true,
      value: { ruleId: "options-requires-authorization", path: "/orders/{id}", httpMethod: "OPTIONS" },
    });
  });

  it("rejects unknown rules, relative paths and unknown verbs with a message", () => {
    expect(parseFindingSelector("cors-broken")).toMatchObject({
      ok: false,
      message: expect.stringContaining('"cors-broken" is not a rule id'),
    });
    expect(parseFindingSelector("missing-preflight:cart:GET")).toMatchObject({
      ok: false,
      message: expect.stringContaining('must start with "/"'),
    });
    expect(parseFindingSelector("missing-preflight:/cart:FETCH")).toMatchObject({
      ok: false,
      message: expect.stringContaining('"FETCH" is not one of GET'),
    });
  });
});

describe("selectorOf", () => {
  it("names a finding the way --finding reads it", () => {
    expect(selectorOf(products)).toBe("options-requires-authorization:/products:OPTIONS");
    expect(selectorOf(cart)).toBe("missing-preflight:/cart");
    expect(selectorOf(gateway)).toBe("error-responses-without-cors");
    for (const f of [products, cart, gateway]) {
      const parsed = parseFindingSelector(selectorOf(f));
      expect(parsed.ok && selectFindings(ALL, { selectors: [parsed.value], minSeverity: "info" })).toContain(f);
    }
  });
});

describe("selectFindings", () => {
  it("keeps fixable findings at or above the minimum severity, in report order", () => {
    expect(selectFindings(ALL, { selectors: [], minSeverity: "medium" })).toEqual([products, orders]);
    expect(selectFindings(ALL, { selectors: [], minSeverity: "info" })).toEqual([products, orders, cart, gateway]);
  });

  it("--stage keeps the findings deployed on that stage (not draft-only ones)", () => {
    expect(selectFindings(ALL, { selectors: [], minSeverity: "info", stage: "dev" })).toEqual([products, cart]);
    expect(selectFindings(ALL, { selectors: [], minSeverity: "info", stage: "prod" })).toEqual([products, orders]);
  });

  it("selectors pick findings of any severity; a path narrows, a verb narrows further", () => {
    expect(selectFindings(ALL, { selectors: [{ ruleId: "options-requires-authorization" }], minSeverity: "critical" })).toEqual([
      products,
      orders,
    ]);
    expect(
      selectFindings(ALL, { selectors: [{ ruleId: "options-requires-authorization", path: "/orders" }], minSeverity: "critical" }),
    ).toEqual([orders]);
    expect(
      selectFindings(ALL, {
        selectors: [{ ruleId: "options-requires-authorization", path: "/orders", httpMethod: "GET" }],
        minSeverity: "info",
      }),
    ).toEqual([]);
    expect(
      selectFindings(ALL, {
        selectors: [{ ruleId: "missing-preflight" }, { ruleId: "error-responses-without-cors" }],
        minSeverity: "critical",
      }),
    ).toEqual([cart, gateway]);
  });

  it("never selects a finding without an automatic fix", () => {
    expect(selectFindings(ALL, { selectors: [{ ruleId: "stage-variables-look-secret" }], minSeverity: "info" })).toEqual([]);
  });
});
