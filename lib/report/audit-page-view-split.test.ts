import { describe, expect, it } from "vitest";
import { AUDIT_PAGE_VIEW_VERSION, type AuditPageView, type FindingEntry, type ViewRow } from "./audit-page-view";
import { FIRST_ROWS, joinAuditPageView, splitAuditPageView } from "./audit-page-view-split";

/** A view of `rows` resources /r0…, a GET on each, a finding on every third GET, and two findings on no row. */
function view(rows: number): AuditPageView {
  const viewRows: ViewRow[] = [[0, "/", []]];
  for (let index = 1; index < rows; index += 1) viewRows.push([1, `r${index}`, [1, 0]]);
  const findings: FindingEntry[] = [[0, 1, -1, -1, { responseType: "DEFAULT_4XX" }]];
  for (let row = 1; row < rows; row += 3) findings.push([0, 2, row, 1]);
  findings.push([0, 3, -1, -1, { stage: "prod" }]);
  return {
    version: AUDIT_PAGE_VIEW_VERSION,
    apiName: "big",
    authorizers: [],
    methods: [{ authorizationType: "NONE", apiKeyRequired: false }],
    summaries: [{ method: 0 }],
    rows: viewRows,
    stages: [{ name: "prod", deployed: true, overrides: [rows - 1, 1, 0] }],
    defaultStage: "prod",
    rules: [{ id: "actual-response-without-cors", title: "t" }],
    findings,
    counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  };
}

describe("the audit page view in two parts", () => {
  it("leaves a view that fits in the first part whole", () => {
    const small = view(FIRST_ROWS);
    expect(splitAuditPageView(small)).toEqual({ first: small });
  });

  it("puts the first rows and only the findings they can place in the first part, with their report indexes", () => {
    const whole = view(10_000);
    const { first, rest } = splitAuditPageView(whole, 100);
    expect(first.rows).toEqual(whole.rows.slice(0, 100));
    expect(first.rowCount).toBe(10_000);
    expect(first.findings).toHaveLength(first.findingIndexes!.length);
    first.findings.forEach((entry, at) => {
      expect(whole.findings[first.findingIndexes![at]!]).toBe(entry);
      expect(entry[2]).toBeLessThan(100);
    });
    // Both findings on no row (gateway response, stage) are there: they are drawn at once, above the matrix.
    expect(first.findings.filter((entry) => entry[2] < 0)).toHaveLength(2);
    expect(first.findingIndexes!.at(-1)).toBe(whole.findings.length - 1);
    expect(rest?.rows).toHaveLength(9_900);
    // A few KB, against the whole view's hundreds.
    expect(JSON.stringify(first).length * 20).toBeLessThan(JSON.stringify(whole).length);
  });

  it("joins the two parts back into the whole view", () => {
    const whole = view(1_000);
    const { first, rest } = splitAuditPageView(whole, 37);
    const joined = joinAuditPageView(first, rest!);
    expect(joined).toEqual(whole);
    expect(joined).not.toHaveProperty("findingIndexes");
    expect(joined).not.toHaveProperty("rowCount");
    // A first part is never split again.
    expect(splitAuditPageView(first, 10)).toEqual({ first });
  });
});
