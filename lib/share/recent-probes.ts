/**
 * The last live probe of each API stage (lib/probe), kept in the audit store's database (SQLite or PostgreSQL) so
 * every app instance on it, and the same instance after a restart, attaches it to the audit page's exports and Share.
 *
 * Keys are the read-once cache's (lib/share/audit-cache.ts): connection and its endpoint, region, API and the probed
 * stage, hashed, so no column names the connection. What goes in is what a share of the audit would store: the probe
 * redacted (lib/share/redact.ts) and validated by the stored-report schema. Test identities never go in: a ProbeReport
 * records "identity n", never the value sent as Authorization (lib/probe/types.ts).
 */
import type { AuditCacheKey } from "@/lib/share/audit-cache";
import type { ProbeReport } from "@/lib/probe/types";

/** The API a probe belongs to: the cache key without a stage (the probed stage comes from the probe itself). */
export type ProbedApi = Omit<AuditCacheKey, "stage">;

export interface KeptProbe {
  probe: ProbeReport;
  /** When it was kept (the probe's own startedAt says when it ran). */
  keptAt: string;
  /** When it stops being served. */
  expiresAt: string;
}

export interface RecentProbes {
  /**
   * The newest unexpired probe of the API, of `stage` when given, else of any stage; undefined when none, or when
   * the row was written by another Preflight build or altered.
   */
  latest(api: ProbedApi, stage?: string): Promise<KeptProbe | undefined>;
  /**
   * Redacts, validates and keeps the probe for `ttlMs`, replacing the previous probe of the same stage. Returns what
   * latest() would serve; a read-only store (team viewer) keeps nothing. Throws AuditStoreError "invalid-report" for a
   * probe the stored-report schema refuses and "snapshot-too-large" over the snapshot limit.
   */
  keep(api: ProbedApi, probe: ProbeReport, ttlMs: number): Promise<KeptProbe>;
}
