import type { AuditReport, LiveSource } from "@/lib/audit/types";

/** The live audit page for the API a live report was read from, through the same connection id. */
export function liveAuditPath(report: Pick<AuditReport, "api"> & { source: LiveSource }): string {
  const segments = [report.source.connection, report.api.region, report.api.id].map(encodeURIComponent);
  return `/audit/${segments.join("/")}`;
}

export function storedAuditPath(id: string): string {
  return `/audits/${encodeURIComponent(id)}`;
}

/** The comparison of two stored audits; the page orders them by read time, so either order works. */
export function comparePath(baseId: string, headId: string): string {
  return `${storedAuditPath(baseId)}/compare/${encodeURIComponent(headId)}`;
}
