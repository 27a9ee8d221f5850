import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import type { ProbeReport } from "@/lib/probe/types";
import type { RecentProbes } from "@/lib/share/recent-probes";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { cacheKeyFor } from "./audit-cache";

/**
 * The last live probe of each API stage, kept for an hour in the audit store (table recent_probes: SQLite, or
 * PostgreSQL for a team) so the audit page's exports and Share include it on every app instance and after a restart.
 * Keyed like the read-once cache (connection and its endpoint, region, API, stage; hashed); stored redacted as a
 * share is. Test identities are never part of a ProbeReport, so they are never stored.
 */
export const PROBE_KEEP_MS = 60 * 60 * 1000;

async function openProbes(): Promise<RecentProbes | undefined> {
  try {
    return (await getAuditStore()).probes;
  } catch {
    // No database (misconfigured, unreachable): the probe still shows on the page that ran it, as audits still work.
    return undefined;
  }
}

/**
 * The last probe of this API kept within the hour by any instance on this store: of `stage` when given (an audit of
 * that stage alone), else of whichever stage was probed last. Undefined when none, or when the store cannot answer.
 */
export async function recentProbe(connection: Connection, region: string, apiId: string, stage?: string): Promise<ProbeReport | undefined> {
  const probes = await openProbes();
  const kept = await probes?.latest(cacheKeyFor(connection, region, apiId), stage).catch((error: unknown) => {
    console.error("Preflight: reading the last probe failed:", error);
    return undefined;
  });
  return kept?.probe;
}

/**
 * Keeps the probe for the hour, replacing the stage's previous one; returns the probe as exports and Share will see it
 * (redacted). A store that cannot keep it is logged and the probe returned as run: the page that ran it still shows it.
 */
export async function keepProbe(connection: Connection, region: string, apiId: string, probe: ProbeReport): Promise<ProbeReport> {
  const probes = await openProbes();
  if (!probes) return probe;
  try {
    return (await probes.keep(cacheKeyFor(connection, region, apiId), probe, PROBE_KEEP_MS)).probe;
  } catch (error) {
    console.error("Preflight: keeping the probe failed:", error);
    return probe;
  }
}
