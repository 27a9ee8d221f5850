import { sha256Hex } from "@/lib/share/snapshot";
import type { SqlRow } from "@/lib/share/sql-driver";

/** What the rows of the replaceable tables (audit_cache, recent_probes) hold in their snapshot column. */
export interface BuildStamped {
  snapshotVersion: number;
  preflightVersion: string;
}

/**
 * The snapshot of a row this build wrote, or undefined: a checksum that does not match, JSON that does not parse, or
 * another snapshot version or Preflight build. The checksum proves a Preflight wrote it and the exact build proves the
 * shape, so schema validation is skipped on these hot paths; anything else is a miss, never an error.
 */
export function decodeOwnSnapshot<T extends BuildStamped>(row: SqlRow, snapshotVersion: number, preflightVersion: string): T | undefined {
  const json = typeof row.snapshot === "string" ? row.snapshot : "";
  if (sha256Hex(json) !== row.snapshot_sha256) return undefined;
  let snapshot: T;
  try {
    snapshot = JSON.parse(json) as T;
  } catch {
    return undefined;
  }
  if (snapshot?.snapshotVersion !== snapshotVersion || snapshot.preflightVersion !== preflightVersion) return undefined;
  return snapshot;
}
