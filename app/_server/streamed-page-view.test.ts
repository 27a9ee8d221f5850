import { describe, expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import type { Finding } from "@/lib/rules/types";
import { finding, reportOf } from "@/components/testing/audit-fixture";
import { FIRST_ROWS, joinAuditPageView } from "@/lib/report/audit-page-view-split";
import { auditPageViewOf } from "@/lib/report/build-audit-page-view";
import { firstRowsSetting, streamedPageView } from "./streamed-page-view";

function report(resources: number) {
  let builder = api().resource("/", (r) => r.id("root"));
  const findings: Finding[] = [];
  for (let index = 0; index < resources; index += 1) {
    builder = builder.resource(`/r${index}`, (r) => r.method("GET", (m) => m.mock()));
    findings.push(finding("actual-response-without-cors", "medium", { path: `/r${index}`, httpMethod: "GET" }));
  }
  return reportOf(builder.stage("prod").build(), findings);
}

describe("the audit page's streamed view", () => {
  it("sends the first rows with the page and the rest later; joined, they are the whole view", async () => {
    const large = report(FIRST_ROWS * 3);
    const streamed = streamedPageView(large);
    expect(streamed.view.rows).toHaveLength(FIRST_ROWS);
    expect(streamed.view.rowCount).toBe(FIRST_ROWS * 3 + 1);
    let settled = false;
    void streamed.rest!.then(() => (settled = true));
    // Not settled in the same turn: the rest must not be serialised into the page's first flush.
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(joinAuditPageView(streamed.view, await streamed.rest!)).toEqual(auditPageViewOf(large));
  });

  it("sends a small API's view whole, with nothing to follow", () => {
    const small = report(10);
    expect(streamedPageView(small)).toEqual({ view: auditPageViewOf(small) });
  });

  it("takes the first part's size from PREFLIGHT_FIRST_ROWS; 0 sends the whole view at once", () => {
    expect(firstRowsSetting({ PREFLIGHT_FIRST_ROWS: "40" })).toBe(40);
    expect(firstRowsSetting({ PREFLIGHT_FIRST_ROWS: "0" })).toBe(Number.POSITIVE_INFINITY);
    expect(firstRowsSetting({ PREFLIGHT_FIRST_ROWS: "many" })).toBe(FIRST_ROWS);
    expect(streamedPageView(report(FIRST_ROWS * 2), Number.POSITIVE_INFINITY).rest).toBeUndefined();
  });
});
