import "server-only";
import packageJson from "@/package.json";
import type { AuditReport } from "@/lib/audit/types";
import {
  cacheKeyHash,
  cacheScopeHash,
  type AuditCache,
  type AuditCacheKey,
  type CachedAudit,
  type CachedCounts,
  type CacheStamp,
} from "@/lib/share/audit-cache";
import { redactReport } from "@/lib/share/redact";
import { decodeOwnSnapshot } from "@/lib/share/own-snapshot";
import { SNAPSHOT_VERSION, encodeSnapshot, type AuditSnapshot } from "@/lib/share/snapshot";
import type { SqlExecutor, SqlRow, SqlValue } from "@/lib/share/sql-driver";

/**
 * A cached audit may be larger than a shared one (a 10,000-resource API): the cache must not refuse what
 * the page can show. PostgreSQL TEXT holds up to 1 GB and SQLite's default limit is 1e9 bytes
 * (https://www.postgresql.org/docs/current/datatype-character.html, https://sqlite.org/limits.html).
 */
export const MAX_CACHED_SNAPSHOT_BYTES = 64 * 1024 * 1024;

/** A lookup of many APIs' counts is split so no statement carries more than this many parameters. */
const COUNTS_BATCH = 200;

export interface SqlAuditCacheOptions {
  now?: () => Date;
  preflightVersion?: string;
  maxSnapshotBytes?: number;
  /** A read-only store (team viewer) serves entries but writes none. */
  readOnly?: boolean;
}

function countsOf(row: SqlRow): CachedCounts["counts"] {
  return {
    critical: Number(row.critical_count),
    high: Number(row.high_count),
    medium: Number(row.medium_count),
    low: Number(row.low_count),
    info: Number(row.info_count),
  };
}

/** The cache over the audit store's SQL driver: the same statements for SQLite and PostgreSQL. */
export class SqlAuditCache implements AuditCache {
  private readonly now: () => Date;
  private readonly preflightVersion: string;
  private readonly maxSnapshotBytes: number;
  private readonly readOnly: boolean;

  constructor(
    private readonly db: SqlExecutor,
    options: SqlAuditCacheOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.preflightVersion = options.preflightVersion ?? packageJson.version;
    this.maxSnapshotBytes = options.maxSnapshotBytes ?? MAX_CACHED_SNAPSHOT_BYTES;
    this.readOnly = options.readOnly ?? false;
  }

  async get(key: AuditCacheKey): Promise<CachedAudit | undefined> {
    const rows = await this.db.query(
      "SELECT read_at, expires_at, snapshot_sha256, snapshot FROM audit_cache WHERE cache_key = ? AND expires_at > ? AND preflight_version = ?",
      [cacheKeyHash(key), this.now().toISOString(), this.preflightVersion],
    );
    const row = rows[0];
    if (!row) return undefined;
    // Anything this build did not write the way it expects is a miss, so the API is read again.
    const report = decodeOwnSnapshot<AuditSnapshot>(row, SNAPSHOT_VERSION, this.preflightVersion)?.report;
    if (!report) return undefined;
    return {
      report,
      readAt: String(row.read_at),
      expiresAt: String(row.expires_at),
      stored: { sha256: String(row.snapshot_sha256), chars: String(row.snapshot).length },
    };
  }

  async stamp(key: AuditCacheKey): Promise<CacheStamp | undefined> {
    // The same conditions as get, without the snapshot column: PostgreSQL leaves a large TOASTed value unread
    // and SQLite reads no overflow page for columns before it (https://www.postgresql.org/docs/current/storage-toast.html,
    // https://sqlite.org/fileformat2.html#ovflpgs).
    const rows = await this.db.query(
      "SELECT read_at, expires_at, snapshot_sha256 FROM audit_cache WHERE cache_key = ? AND expires_at > ? AND preflight_version = ?",
      [cacheKeyHash(key), this.now().toISOString(), this.preflightVersion],
    );
    const row = rows[0];
    return row ? { sha256: String(row.snapshot_sha256), readAt: String(row.read_at), expiresAt: String(row.expires_at) } : undefined;
  }

  async put(key: AuditCacheKey, report: AuditReport, ttlMs: number): Promise<CachedAudit> {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be a positive number (got ${ttlMs}).`);
    const now = this.now();
    const redacted = redactReport(report);
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    const entry: CachedAudit = { report: redacted, readAt: redacted.readAt, expiresAt };
    const snapshot: AuditSnapshot = {
      snapshotVersion: SNAPSHOT_VERSION,
      preflightVersion: this.preflightVersion,
      storedAt: now.toISOString(),
      report: redacted,
    };
    const encoded = encodeSnapshot(snapshot, this.maxSnapshotBytes);
    // Too large to keep (or a read-only store): the caller still gets the redacted report; the next request reads again.
    if (!encoded.ok || this.readOnly) return entry;
    const stored = { sha256: encoded.encoded.sha256, chars: encoded.encoded.json.length };
    const values: SqlValue[] = [
      cacheKeyHash(key),
      cacheScopeHash(key),
      key.region,
      key.apiId,
      key.stage ?? "",
      redacted.readAt,
      expiresAt,
      this.preflightVersion,
      redacted.partial ? 1 : 0,
      redacted.counts.critical,
      redacted.counts.high,
      redacted.counts.medium,
      redacted.counts.low,
      redacted.counts.info,
      encoded.encoded.sha256,
      encoded.encoded.json,
    ];
    // Upsert (SQLite ≥ 3.24 and PostgreSQL share this syntax): https://sqlite.org/lang_upsert.html
    await this.db.run(
      `INSERT INTO audit_cache (cache_key, scope_key, region, api_id, stage, read_at, expires_at, preflight_version, partial,
         critical_count, high_count, medium_count, low_count, info_count, snapshot_sha256, snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (cache_key) DO UPDATE SET read_at = excluded.read_at, expires_at = excluded.expires_at,
         preflight_version = excluded.preflight_version, partial = excluded.partial,
         critical_count = excluded.critical_count, high_count = excluded.high_count, medium_count = excluded.medium_count,
         low_count = excluded.low_count, info_count = excluded.info_count,
         snapshot_sha256 = excluded.snapshot_sha256, snapshot = excluded.snapshot`,
      values,
    );
    return { ...entry, stored };
  }

  async counts(scope: Pick<AuditCacheKey, "connection" | "region">, apiIds: readonly string[]): Promise<Map<string, CachedCounts>> {
    const found = new Map<string, CachedCounts>();
    const unique = [...new Set(apiIds)];
    const now = this.now().toISOString();
    for (let start = 0; start < unique.length; start += COUNTS_BATCH) {
      const batch = unique.slice(start, start + COUNTS_BATCH);
      const rows = await this.db.query(
        `SELECT api_id, read_at, partial, critical_count, high_count, medium_count, low_count, info_count FROM audit_cache
         WHERE scope_key = ? AND stage = '' AND expires_at > ? AND preflight_version = ? AND api_id IN (${batch.map(() => "?").join(", ")})`,
        [cacheScopeHash(scope), now, this.preflightVersion, ...batch],
      );
      for (const row of rows) {
        const apiId = String(row.api_id);
        found.set(apiId, { apiId, readAt: String(row.read_at), partial: Number(row.partial) === 1, counts: countsOf(row) });
      }
    }
    return found;
  }

  async invalidate(scope: Pick<AuditCacheKey, "connection" | "region">): Promise<number> {
    if (this.readOnly) return 0;
    return this.db.run("DELETE FROM audit_cache WHERE scope_key = ?", [cacheScopeHash(scope)]);
  }

  /** Deletes expired entries (the store's purgeExpired calls it). */
  purgeExpired(tx: SqlExecutor = this.db): Promise<number> {
    return tx.run("DELETE FROM audit_cache WHERE expires_at <= ?", [this.now().toISOString()]);
  }
}
