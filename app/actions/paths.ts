/**
 * The app's page URLs, beside the server actions that redirect to them. Pure, so client components link
 * with the same functions the server redirects with (components may import app/actions, see README).
 */

/** "/audit/demo/us-east-1/sfront0001" — the connection id may contain ":" (profile:prod), so it is encoded. */
export function auditPath(connection: string, region: string, apiId: string): string {
  return `/audit/${[connection, region, apiId].map(encodeURIComponent).join("/")}`;
}

/** The live audit page for the API a report was read from, through the same connection id. */
export function liveAuditPath(report: { api: { id: string; region: string }; source: { connection: string } }): string {
  return auditPath(report.source.connection, report.api.region, report.api.id);
}

export function storedAuditPath(id: string): string {
  return `/audits/${encodeURIComponent(id)}`;
}

/** The comparison of two stored audits; the page orders them by read time, so either order works. */
export function comparePath(baseId: string, headId: string): string {
  return `${storedAuditPath(baseId)}/compare/${encodeURIComponent(headId)}`;
}

/** Where the home page fetches a region's finding counts (NDJSON): "/api/inventory/demo/us-east-1/counts?ids=a,b". */
export function countsPath(connection: string, region: string, apiIds: readonly string[]): string {
  return `/api/inventory/${[connection, region].map(encodeURIComponent).join("/")}/counts?ids=${apiIds.map(encodeURIComponent).join(",")}`;
}

/** The sweep view of several connections: "/sweep?connection=demo&connection=profile%3Aprod". */
export function sweepPath(connections: readonly string[], regions: readonly string[] = []): string {
  const query = new URLSearchParams([...connections.map((id) => ["connection", id]), ...regions.map((region) => ["region", region])]);
  return `/sweep?${query.toString()}`;
}

/** Where the sweep view streams from (NDJSON). */
export function sweepApiPath(connections: readonly string[], regions: readonly string[] = []): string {
  return `/api${sweepPath(connections, regions)}`;
}
