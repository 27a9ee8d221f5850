/**
 * The read-once cache of live audits (issue 16): one read of an API per freshness window serves the audit
 * page, every export, fix download, share and compare, and the home page's finding counts. It lives in the
 * audit store's database (SQLite or PostgreSQL) so several app instances share it.
 *
 * What goes in: the redacted report (lib/share/redact.ts), exactly what a share would store. Fix files are
 * rendered from the report's model, and a shared audit's fix downloads already come from a redacted report,
 * so nothing a fix needs is lost: the model keeps stage-variable *names* only, and redaction touches only
 * credential-shaped values, never the CORS headers, methods, paths and authorizers a fix rewrites.
 * What never goes in: credentials and stage-variable values; keys are hashed, so no column names the connection.
 */
import { createHash } from "node:crypto";
import type { AuditReport } from "@/lib/audit/types";
import type { Severity } from "@/lib/rules/types";

export interface AuditCacheKey {
  /**
   * Where the credentials come from and where the calls go: the connection id plus its endpoint (the demo's
   * emulator, a custom endpoint), since the same id can point at different control planes.
   */
  connection: string;
  region: string;
  apiId: string;
  /** The stage audited alone; undefined for every stage. */
  stage?: string;
}

export interface CachedAudit {
  report: AuditReport;
  /** When AWS was read (the report's readAt). */
  readAt: string;
  /** When this entry stops being served. */
  expiresAt: string;
  /**
   * The stored snapshot this entry was decoded from or written as: its SHA-256 and length in characters. Absent when
   * put did not store it (too large, read-only store). A process that keeps the decoded report may serve it again
   * for as long as `stamp` names the same checksum (app/_server/decoded-reports.ts).
   */
  stored?: { sha256: string; chars: number };
}

/** What names a fresh entry without its snapshot: the store's checksum of it, when AWS was read, and its expiry. */
export interface CacheStamp {
  sha256: string;
  readAt: string;
  expiresAt: string;
}

export interface CachedCounts {
  apiId: string;
  readAt: string;
  partial: boolean;
  counts: Record<Severity, number>;
}

export interface AuditCache {
  /** The fresh entry for the key, or undefined (absent, expired, written by another build, or corrupt). */
  get(key: AuditCacheKey): Promise<CachedAudit | undefined>;
  /**
   * The fresh entry's stamp, or undefined (as get would be, except that a corrupt snapshot is not noticed): the
   * snapshot is neither fetched nor decoded, so checking that a decoded report is still the store's entry is cheap.
   */
  stamp(key: AuditCacheKey): Promise<CacheStamp | undefined>;
  /** Redacts and stores the report for `ttlMs`, replacing any entry for the key. Returns what a get would. */
  put(key: AuditCacheKey, report: AuditReport, ttlMs: number): Promise<CachedAudit>;
  /** Finding counts of fresh entries (all stages) for some APIs of one connection and region; no snapshot is decoded. */
  counts(scope: Pick<AuditCacheKey, "connection" | "region">, apiIds: readonly string[]): Promise<Map<string, CachedCounts>>;
  /** Drops every entry of a connection and region (the home page's Refresh); returns how many went. */
  invalidate(scope: Pick<AuditCacheKey, "connection" | "region">): Promise<number>;
}

function digest(parts: readonly string[]): string {
  // JSON of an array: no separator a hostile API id or stage name could forge.
  return createHash("sha256").update(JSON.stringify(parts), "utf8").digest("hex");
}

export function cacheKeyHash(key: AuditCacheKey): string {
  return digest(["audit", key.connection, key.region, key.apiId, key.stage ?? ""]);
}

export function cacheScopeHash(scope: Pick<AuditCacheKey, "connection" | "region">): string {
  return digest(["scope", scope.connection, scope.region]);
}
