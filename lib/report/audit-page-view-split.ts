import type { AuditPageView, FindingEntry, ViewRow } from "./audit-page-view";

/**
 * The audit page's view in two parts (issue 16, "rows stream in"): the first screen of rows goes in the page's
 * first flush, the rest follows in the same response (app/_server/streamed-page-view.ts). The first part carries
 * everything but the later rows and their findings, so the browser draws and hydrates a few dozen rows instead
 * of ten thousand, then joins the rest when it arrives.
 */

/** Rows in the first part: a tall screen's worth (44 px rows) plus paging room, a few KB whatever the API's size. */
export const FIRST_ROWS = 100;

/** What follows the first part: the later rows, and every finding in report order (the first part's few again). */
export interface ViewRest {
  rows: ViewRow[];
  findings: FindingEntry[];
}

export interface SplitView {
  first: AuditPageView;
  /** Absent when every row fits in the first part (the first part is then the whole view). */
  rest?: ViewRest;
}

/**
 * Splits a whole view after `firstRows` rows. The first part keeps the findings it can place (on its rows, or on
 * no row: gateway responses, authorizers, stages) with their report indexes; a finding on a later row would
 * otherwise be drawn as API-wide until its row came.
 */
export function splitAuditPageView(view: AuditPageView, firstRows: number = FIRST_ROWS): SplitView {
  if (view.rowCount !== undefined || view.rows.length <= firstRows) return { first: view };
  const findings: FindingEntry[] = [];
  const findingIndexes: number[] = [];
  view.findings.forEach((entry, index) => {
    if (entry[2] < firstRows) {
      findings.push(entry);
      findingIndexes.push(index);
    }
  });
  return {
    first: { ...view, rows: view.rows.slice(0, firstRows), findings, findingIndexes, rowCount: view.rows.length },
    rest: { rows: view.rows.slice(firstRows), findings: view.findings },
  };
}

/** The whole view again, from the first part and what followed it. */
export function joinAuditPageView(first: AuditPageView, rest: ViewRest): AuditPageView {
  const whole: AuditPageView = { ...first, rows: [...first.rows, ...rest.rows], findings: rest.findings };
  delete whole.findingIndexes;
  delete whole.rowCount;
  return whole;
}
