import "server-only";
import packageJson from "@/package.json";
import type { AuditReport } from "@/lib/audit/types";
import type { Severity } from "@/lib/rules/types";
import type {
  ApiRef,
  AuditStore,
  AuditSummary,
  ListOptions,
  RecentAuditSummary,
  SaveOptions,
  DeleteGuard,
  SavedRef,
  StoredAudit,
  StoredComparison,
} from "@/lib/share/audit-store";
import type { AuditCache } from "@/lib/share/audit-cache";
import { compareReports } from "@/lib/share/compare";
import { AuditStoreError, firstIssue } from "@/lib/share/errors";
import { assertSchemaCurrent, migrate } from "@/lib/share/migrate";
import { newAuditId, parseAuditId, type AuditId } from "@/lib/share/ids";
import { redactReport } from "@/lib/share/redact";
import { auditReportSchema } from "@/lib/share/report-schema";
import { SqlAuditCache } from "@/lib/share/sql-audit-cache";
import type { RecentProbes } from "@/lib/share/recent-probes";
import { SqlRecentProbes } from "@/lib/share/sql-recent-probes";
import { MAX_SNAPSHOT_BYTES, SNAPSHOT_VERSION, decodeSnapshot, encodeSnapshot, type AuditSnapshot } from "@/lib/share/snapshot";
import type { SqlDriver, SqlRow, SqlValue } from "@/lib/share/sql-driver";

export interface SqlAuditStoreOptions {
  /** Refuse every write with a "read-only" error (team viewer mode). */
  readOnly?: boolean;
  /** Recorded in each snapshot as the storing build; defaults to package.json's version. */
  preflightVersion?: string;
  /** Clock, injectable for expiry tests. */
  now?: () => Date;
  /** Defaults to MAX_SNAPSHOT_BYTES. */
  maxSnapshotBytes?: number;
}

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 500;

const SUMMARY_COLUMNS =
  "id, created_at, expires_at, api_name, read_at, partial, critical_count, high_count, medium_count, low_count, info_count";

function listLimit(options: ListOptions | undefined): number {
  const limit = options?.limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new AuditStoreError("invalid-config", `limit must be an integer from 1 to ${MAX_LIST_LIMIT}.`);
  }
  return limit;
}

function requireId(value: string): AuditId {
  const parsed = parseAuditId(value);
  if (!parsed.ok) throw new AuditStoreError("invalid-id", parsed.error);
  return parsed.id;
}

function text(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== "string") throw new AuditStoreError("corrupt", `Stored row has no text in column ${column}.`);
  return value;
}

function optionalText(row: SqlRow, column: string): string | undefined {
  const value = row[column];
  return value === null || value === undefined ? undefined : String(value);
}

function count(row: SqlRow, column: string): number {
  const value = Number(row[column]);
  if (!Number.isInteger(value) || value < 0) throw new AuditStoreError("corrupt", `Stored row has an invalid ${column}.`);
  return value;
}

function toSummary(row: SqlRow): AuditSummary {
  const counts: Record<Severity, number> = {
    critical: count(row, "critical_count"),
    high: count(row, "high_count"),
    medium: count(row, "medium_count"),
    low: count(row, "low_count"),
    info: count(row, "info_count"),
  };
  const expiresAt = optionalText(row, "expires_at");
  return {
    id: text(row, "id") as AuditId,
    createdAt: text(row, "created_at"),
    ...(expiresAt ? { expiresAt } : {}),
    apiName: text(row, "api_name"),
    readAt: text(row, "read_at"),
    partial: Number(row.partial) === 1,
    counts,
  };
}

function toRecentSummary(row: SqlRow): RecentAuditSummary {
  const accountId = optionalText(row, "account_id");
  return { ...toSummary(row), ...(accountId ? { accountId } : {}), region: text(row, "region"), apiId: text(row, "api_id") };
}

/** One AuditStore over any SqlDriver: the SQL below is the same for SQLite and PostgreSQL. */
export class SqlAuditStore implements AuditStore {
  readonly backend: "sqlite" | "postgres";
  readonly readOnly: boolean;
  readonly cache: AuditCache;
  private readonly sqlCache: SqlAuditCache;
  readonly probes: RecentProbes;
  private readonly sqlProbes: SqlRecentProbes;
  private readonly now: () => Date;
  private readonly maxSnapshotBytes: number;
  private closed = false;

  constructor(
    private readonly db: SqlDriver,
    private readonly options: SqlAuditStoreOptions,
  ) {
    this.backend = db.dialect;
    this.readOnly = options.readOnly ?? false;
    this.now = options.now ?? (() => new Date());
    this.maxSnapshotBytes = options.maxSnapshotBytes ?? MAX_SNAPSHOT_BYTES;
    const shared = {
      now: this.now,
      readOnly: this.readOnly,
      ...(options.preflightVersion ? { preflightVersion: options.preflightVersion } : {}),
    };
    this.sqlCache = new SqlAuditCache(db, shared);
    this.cache = this.sqlCache;
    this.sqlProbes = new SqlRecentProbes(db, shared);
    this.probes = this.sqlProbes;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("The audit store is closed.");
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) {
      throw new AuditStoreError(
        "read-only",
        "This Preflight is a read-only viewer (PREFLIGHT_READ_ONLY): audits cannot be saved or deleted here.",
      );
    }
  }

  private expiry(options: SaveOptions | undefined, createdAt: Date): string | null {
    const expiresAt = options?.expiresAt;
    if (expiresAt === undefined) return null;
    if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) {
      throw new AuditStoreError("invalid-expiry", "expiresAt must be a valid Date.");
    }
    if (expiresAt.getTime() <= createdAt.getTime()) {
      throw new AuditStoreError("invalid-expiry", `expiresAt (${expiresAt.toISOString()}) must be in the future.`);
    }
    return expiresAt.toISOString();
  }

  private prepare(report: AuditReport, storedAt: string): { snapshot: AuditSnapshot; json: string; bytes: number; sha256: string } {
    // Redact first, then validate: the schema also strips any property outside the contract.
    const parsed = auditReportSchema.safeParse(redactReport(report));
    if (!parsed.success) {
      throw new AuditStoreError(
        "invalid-report",
        `The report cannot be stored: it is not a valid audit report${firstIssue(parsed.error.issues)}.`,
      );
    }
    const snapshot: AuditSnapshot = {
      snapshotVersion: SNAPSHOT_VERSION,
      preflightVersion: this.options.preflightVersion ?? packageJson.version,
      storedAt,
      report: parsed.data,
    };
    const encoded = encodeSnapshot(snapshot, this.maxSnapshotBytes);
    if (!encoded.ok) {
      const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
      throw new AuditStoreError(
        "snapshot-too-large",
        `The audit is too large to store: ${mib(encoded.bytes)} of JSON, over the ${mib(this.maxSnapshotBytes)} limit.`,
      );
    }
    return { snapshot, ...encoded.encoded };
  }

  async save(report: AuditReport, options?: SaveOptions): Promise<SavedRef> {
    this.assertWritable();
    const created = this.now();
    const createdAt = created.toISOString();
    const expiresAt = this.expiry(options, created);
    const { snapshot, json, bytes, sha256 } = this.prepare(report, createdAt);
    const stored = snapshot.report;
    const id = newAuditId();
    const values: SqlValue[] = [
      id,
      createdAt,
      expiresAt,
      stored.api.accountId ?? null,
      stored.api.region,
      stored.api.id,
      stored.api.name,
      stored.readAt,
      stored.partial ? 1 : 0,
      stored.counts.critical,
      stored.counts.high,
      stored.counts.medium,
      stored.counts.low,
      stored.counts.info,
      snapshot.snapshotVersion,
      bytes,
      sha256,
      json,
      options?.deleteTokenSha256 ?? null,
      options?.owner ?? null,
    ];
    await this.db.transaction((tx) =>
      tx.run(
        `INSERT INTO audits (id, created_at, expires_at, account_id, region, api_id, api_name, read_at, partial,
           critical_count, high_count, medium_count, low_count, info_count, snapshot_version, snapshot_bytes, snapshot_sha256, snapshot,
           delete_token_sha256, owner)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        values,
      ),
    );
    return { id, createdAt };
  }

  async get(id: string): Promise<StoredAudit | undefined> {
    this.assertOpen();
    const auditId = requireId(id);
    const rows = await this.db.query(
      "SELECT id, created_at, expires_at, snapshot_sha256, snapshot FROM audits WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)",
      [auditId, this.now().toISOString()],
    );
    const row = rows[0];
    return row ? this.toStoredAudit(auditId, row) : undefined;
  }

  private toStoredAudit(id: AuditId, row: SqlRow): StoredAudit {
    const decoded = decodeSnapshot(String(row.snapshot ?? ""), optionalText(row, "snapshot_sha256"));
    if (!decoded.ok) {
      throw new AuditStoreError("corrupt", `Stored audit ${id} is corrupt or from an unsupported version: ${decoded.reason}.`);
    }
    const expiresAt = optionalText(row, "expires_at");
    return { id, createdAt: text(row, "created_at"), ...(expiresAt ? { expiresAt } : {}), snapshot: decoded.snapshot };
  }

  async deleteGuard(id: string): Promise<DeleteGuard | undefined> {
    this.assertOpen();
    const auditId = requireId(id);
    const rows = await this.db.query(
      "SELECT delete_token_sha256, owner FROM audits WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)",
      [auditId, this.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return undefined;
    const deleteTokenSha256 = optionalText(row, "delete_token_sha256");
    const owner = optionalText(row, "owner");
    return { ...(deleteTokenSha256 ? { deleteTokenSha256 } : {}), ...(owner ? { owner } : {}) };
  }

  async delete(id: string): Promise<boolean> {
    this.assertWritable();
    const auditId = requireId(id);
    return this.db.transaction(async (tx) => {
      await tx.run("DELETE FROM comparisons WHERE base_id = ? OR head_id = ?", [auditId, auditId]);
      return (await tx.run("DELETE FROM audits WHERE id = ?", [auditId])) > 0;
    });
  }

  async listForApi(api: ApiRef, options?: ListOptions): Promise<AuditSummary[]> {
    this.assertOpen();
    if (!api.region || !api.apiId) throw new AuditStoreError("invalid-config", "listForApi needs a region and an apiId.");
    const limit = listLimit(options);
    // "= ?" never matches NULL, and "IS ?" is SQLite-only, so the unknown-account case has its own clause.
    const account = api.accountId === undefined ? "account_id IS NULL" : "account_id = ?";
    const params: SqlValue[] = [
      api.apiId,
      api.region,
      ...(api.accountId === undefined ? [] : [api.accountId]),
      this.now().toISOString(),
      limit,
    ];
    const rows = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM audits
       WHERE api_id = ? AND region = ? AND ${account} AND (expires_at IS NULL OR expires_at > ?)
       ORDER BY created_at DESC, id DESC LIMIT ?`,
      params,
    );
    return rows.map(toSummary);
  }

  async listRecent(options?: ListOptions): Promise<RecentAuditSummary[]> {
    this.assertOpen();
    const limit = listLimit(options);
    const rows = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS}, account_id, region, api_id FROM audits
       WHERE expires_at IS NULL OR expires_at > ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
      [this.now().toISOString(), limit],
    );
    return rows.map(toRecentSummary);
  }

  async saveComparison(baseId: string, headId: string, options?: SaveOptions): Promise<SavedRef> {
    this.assertWritable();
    const base = requireId(baseId);
    const head = requireId(headId);
    const created = this.now();
    const createdAt = created.toISOString();
    const expiresAt = this.expiry(options, created);
    const id = newAuditId();
    await this.db.transaction(async (tx) => {
      const rows = await tx.query(
        "SELECT id, account_id, region, api_id FROM audits WHERE id IN (?, ?) AND (expires_at IS NULL OR expires_at > ?)",
        [base, head, createdAt],
      );
      for (const wanted of [base, head]) {
        if (!rows.some((row) => row.id === wanted))
          throw new AuditStoreError("not-found", `No stored audit ${wanted} (it may have expired).`);
      }
      const [first, second = first] = rows;
      const sameApi =
        first?.api_id === second?.api_id &&
        first?.region === second?.region &&
        (first?.account_id == null || second?.account_id == null || first?.account_id === second?.account_id);
      if (!sameApi) throw new AuditStoreError("different-apis", "Only audits of the same API can be compared.");
      await tx.run("INSERT INTO comparisons (id, created_at, expires_at, base_id, head_id) VALUES (?, ?, ?, ?, ?)", [
        id,
        createdAt,
        expiresAt,
        base,
        head,
      ]);
    });
    return { id, createdAt };
  }

  async getComparison(id: string): Promise<StoredComparison | undefined> {
    this.assertOpen();
    const comparisonId = requireId(id);
    const rows = await this.db.query(
      "SELECT id, created_at, expires_at, base_id, head_id FROM comparisons WHERE id = ? AND (expires_at IS NULL OR expires_at > ?)",
      [comparisonId, this.now().toISOString()],
    );
    const row = rows[0];
    if (!row) return undefined;
    const [base, head] = await Promise.all([this.get(text(row, "base_id")), this.get(text(row, "head_id"))]);
    if (!base || !head) return undefined;
    const result = compareReports(base.snapshot.report, head.snapshot.report);
    if (!result.ok) throw new AuditStoreError("corrupt", `Stored comparison ${comparisonId} is corrupt: ${result.error}`);
    const expiresAt = optionalText(row, "expires_at");
    return {
      id: comparisonId,
      createdAt: text(row, "created_at"),
      ...(expiresAt ? { expiresAt } : {}),
      base,
      head,
      comparison: result.comparison,
    };
  }

  async purgeExpired(): Promise<number> {
    this.assertWritable();
    const now = this.now().toISOString();
    return this.db.transaction(async (tx) => {
      const comparisons = await tx.run("DELETE FROM comparisons WHERE expires_at IS NOT NULL AND expires_at <= ?", [now]);
      const audits = await tx.run("DELETE FROM audits WHERE expires_at IS NOT NULL AND expires_at <= ?", [now]);
      const orphans = await tx.run(
        "DELETE FROM comparisons WHERE base_id NOT IN (SELECT id FROM audits) OR head_id NOT IN (SELECT id FROM audits)",
      );
      const cached = await this.sqlCache.purgeExpired(tx);
      const probes = await this.sqlProbes.purgeExpired(tx);
      return comparisons + audits + orphans + cached + probes;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.close();
  }
}

/**
 * Brings the driver's schema up to date (or, read-only, checks it is) and wraps it in a store; closes the
 * driver when that fails, so a failed open leaks no connection.
 */
export async function openSqlAuditStore(driver: SqlDriver, options: SqlAuditStoreOptions = {}): Promise<AuditStore> {
  try {
    if (options.readOnly) await assertSchemaCurrent(driver);
    else await migrate(driver, undefined, options.now);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlAuditStore(driver, options);
}
