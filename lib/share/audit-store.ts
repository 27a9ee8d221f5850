/**
 * Stored, immutable, shareable audits. There is no update operation: a stored audit is exactly what was
 * shared, until it expires or is deleted. Implementations: SQLite (embedded default) and PostgreSQL
 * (team deployments), both over lib/share/sql-audit-store.ts; pick one with openAuditStore(env).
 *
 * Failures throw AuditStoreError (see errors.ts for the codes); absence is a value (undefined / false).
 */
import type { AuditReport } from "@/lib/audit/types";
import type { AuditCache } from "@/lib/share/audit-cache";
import type { RecentProbes } from "@/lib/share/recent-probes";
import type { Severity } from "@/lib/rules/types";
import type { AuditComparison } from "@/lib/share/compare";
import type { AuditId } from "@/lib/share/ids";
import type { AuditSnapshot } from "@/lib/share/snapshot";

export interface SaveOptions {
  /** After this instant the audit is treated as gone. Must be in the future. Omit to keep it until deleted. */
  expiresAt?: Date;
  /** SHA-256 (hex) of the delete token returned to the sharer once; whoever presents the token may delete. */
  deleteTokenSha256?: string;
  /** The signed-in sharer's e-mail, who may delete without the token. */
  owner?: string;
}

/** Who may delete a stored audit (see SaveOptions); both absent for audits stored before delete tokens existed. */
export interface DeleteGuard {
  deleteTokenSha256?: string;
  owner?: string;
}

export interface SavedRef {
  id: AuditId;
  /** ISO timestamp; equal to the snapshot's storedAt. */
  createdAt: string;
}

export interface StoredAudit {
  id: AuditId;
  createdAt: string;
  expiresAt?: string;
  snapshot: AuditSnapshot;
}

export interface ApiRef {
  /** Omit for audits whose account was unknown: only those are listed then. */
  accountId?: string;
  region: string;
  apiId: string;
}

export interface AuditSummary {
  id: AuditId;
  createdAt: string;
  expiresAt?: string;
  apiName: string;
  /** When the API was read (the report's readAt). */
  readAt: string;
  partial: boolean;
  counts: Record<Severity, number>;
}

/** A summary plus the API it belongs to, for lists that span APIs (the team viewer's home page). */
export interface RecentAuditSummary extends AuditSummary {
  /** Absent when the audit's account was unknown. */
  accountId?: string;
  region: string;
  apiId: string;
}

export interface ListOptions {
  /** Newest first; default 50, at most 500. */
  limit?: number;
}

export interface StoredComparison {
  id: AuditId;
  createdAt: string;
  expiresAt?: string;
  base: StoredAudit;
  head: StoredAudit;
  /** Recomputed on read from the two stored snapshots (compareReports is pure). */
  comparison: AuditComparison;
}

export interface AuditStore {
  readonly backend: "sqlite" | "postgres";
  readonly readOnly: boolean;
  /** The read-once cache of live audits, in the same database (see audit-cache.ts). */
  readonly cache: AuditCache;
  /** The last live probe of each API stage, in the same database (see recent-probes.ts). */
  readonly probes: RecentProbes;
  /** Redacts, validates and stores the report in one transaction. */
  save(report: AuditReport, options?: SaveOptions): Promise<SavedRef>;
  /** Undefined when unknown or expired; throws "invalid-id" without querying, "corrupt" for an unreadable row. */
  get(id: string): Promise<StoredAudit | undefined>;
  /** Who may delete the audit; undefined when unknown or expired. */
  deleteGuard(id: string): Promise<DeleteGuard | undefined>;
  /** True when something was deleted; also deletes comparisons that reference it. */
  delete(id: string): Promise<boolean>;
  /** Unexpired audits of one API, newest first. */
  listForApi(api: ApiRef, options?: ListOptions): Promise<AuditSummary[]>;
  /** Unexpired audits of every API, newest first; throws "invalid-config" for a bad limit, as listForApi. */
  listRecent(options?: ListOptions): Promise<RecentAuditSummary[]>;
  /** Stores a link to two unexpired audits of the same API ("base" earlier, "head" later). */
  saveComparison(baseId: string, headId: string, options?: SaveOptions): Promise<SavedRef>;
  /** Undefined when unknown, expired, or when either audit is gone. */
  getComparison(id: string): Promise<StoredComparison | undefined>;
  /** Deletes expired audits, comparisons, cache entries and probes; returns how many rows went. */
  purgeExpired(): Promise<number>;
  close(): Promise<void>;
}
