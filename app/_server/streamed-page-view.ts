import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import type { AuditPageView } from "@/lib/report/audit-page-view";
import { FIRST_ROWS, splitAuditPageView, type ViewRest } from "@/lib/report/audit-page-view-split";
import { auditPageViewOf } from "@/lib/report/build-audit-page-view";

/**
 * PREFLIGHT_FIRST_ROWS: rows sent with the page before the rest streams (FIRST_ROWS by default; 0 sends the whole
 * view at once, as before streaming, which is how bench:ui compares the two on one build).
 */
export function firstRowsSetting(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.PREFLIGHT_FIRST_ROWS?.trim();
  if (!raw || !/^\d{1,6}$/.test(raw)) return FIRST_ROWS;
  return Number(raw) === 0 ? Number.POSITIVE_INFINITY : Number(raw);
}

/** What a page gives AuditView: the first part of the view, and a promise of the rest when there is more. */
export interface StreamedPageView {
  view: AuditPageView;
  rest?: Promise<ViewRest>;
}

/**
 * The audit page's view, streamed (issue 16, "rows stream in"): the first FIRST_ROWS rows go with the page, the rest
 * as a promise prop. React's server renderer sends a promise prop as a reference and its value in a later chunk of
 * the same response once it settles (https://react.dev/reference/rsc/use-client#serializable-types, "Promises"), and
 * server-side rendering draws only the first part, since nothing awaits the rest there. Settling it after a
 * macrotask, rather than at once, keeps the ten thousand rows out of the first flush.
 */
export function streamedPageView(report: AuditReport, firstRows: number = firstRowsSetting()): StreamedPageView {
  const { first, rest } = splitAuditPageView(auditPageViewOf(report), firstRows);
  if (!rest) return { view: first };
  return { view: first, rest: new Promise((resolve) => setImmediate(() => resolve(rest))) };
}
