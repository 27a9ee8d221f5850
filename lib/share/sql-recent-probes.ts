import "server-only";
import packageJson from "@/package.json";
import type { ProbeReport } from "@/lib/probe/types";
import { probeReportSchema } from "@/lib/probe/schema";
import { cacheKeyHash } from "@/lib/share/audit-cache";
import { AuditStoreError, firstIssue } from "@/lib/share/errors";
import type { KeptProbe, ProbedApi, RecentProbes } from "@/lib/share/recent-probes";
import { redactProbe } from "@/lib/share/redact";
import { decodeOwnSnapshot } from "@/lib/share/own-snapshot";
import { MAX_SNAPSHOT_BYTES, SNAPSHOT_VERSION, sha256Hex } from "@/lib/share/snapshot";
import type { SqlExecutor } from "@/lib/share/sql-driver";

export interface SqlRecentProbesOptions {
  now?: () => Date;
  preflightVersion?: string;
  /** Defaults to MAX_SNAPSHOT_BYTES: a probe kept here must fit in the share that will carry it. */
  maxBytes?: number;
  /** A read-only store (team viewer) serves probes but keeps none. */
  readOnly?: boolean;
}

/** What a row's snapshot column holds: the probe with the build that kept it, checksummed in snapshot_sha256. */
interface ProbeSnapshot {
  snapshotVersion: typeof SNAPSHOT_VERSION;
  preflightVersion: string;
  keptAt: string;
  probe: ProbeReport;
}

/** Recent probes over the audit store's SQL driver: the same statements for SQLite and PostgreSQL. */
export class SqlRecentProbes implements RecentProbes {
  private readonly now: () => Date;
  private readonly preflightVersion: string;
  private readonly maxBytes: number;
  private readonly readOnly: boolean;

  constructor(
    private readonly db: SqlExecutor,
    options: SqlRecentProbesOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.preflightVersion = options.preflightVersion ?? packageJson.version;
    this.maxBytes = options.maxBytes ?? MAX_SNAPSHOT_BYTES;
    this.readOnly = options.readOnly ?? false;
  }

  async latest(api: ProbedApi, stage?: string): Promise<KeptProbe | undefined> {
    const now = this.now().toISOString();
    // One stage: its primary key. Any stage: the API's key, newest first (ties broken by key so the answer is stable).
    const rows =
      stage === undefined
        ? await this.db.query(
            `SELECT kept_at, expires_at, snapshot_sha256, snapshot FROM recent_probes
             WHERE api_key = ? AND expires_at > ? AND preflight_version = ? ORDER BY kept_at DESC, probe_key DESC LIMIT 1`,
            [cacheKeyHash(api), now, this.preflightVersion],
          )
        : await this.db.query(
            "SELECT kept_at, expires_at, snapshot_sha256, snapshot FROM recent_probes WHERE probe_key = ? AND expires_at > ? AND preflight_version = ?",
            [cacheKeyHash({ ...api, stage }), now, this.preflightVersion],
          );
    const row = rows[0];
    if (!row) return undefined;
    // Anything this build did not write the way it expects is served as "no probe", never as an error.
    const snapshot = decodeOwnSnapshot<ProbeSnapshot>(row, SNAPSHOT_VERSION, this.preflightVersion);
    return snapshot ? { probe: snapshot.probe, keptAt: String(row.kept_at), expiresAt: String(row.expires_at) } : undefined;
  }

  async keep(api: ProbedApi, probe: ProbeReport, ttlMs: number): Promise<KeptProbe> {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new RangeError(`ttlMs must be a positive number (got ${ttlMs}).`);
    // Redact, then validate, as a share does (lib/share/sql-audit-store.ts): the schema strips anything outside the contract.
    const parsed = probeReportSchema.safeParse(redactProbe(probe));
    if (!parsed.success) {
      throw new AuditStoreError(
        "invalid-report",
        `The probe cannot be kept: it is not a valid probe report${firstIssue(parsed.error.issues)}.`,
      );
    }
    const now = this.now();
    const keptAt = now.toISOString();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    const kept: KeptProbe = { probe: parsed.data, keptAt, expiresAt };
    if (this.readOnly) return kept;
    const snapshot: ProbeSnapshot = {
      snapshotVersion: SNAPSHOT_VERSION,
      preflightVersion: this.preflightVersion,
      keptAt,
      probe: parsed.data,
    };
    const json = JSON.stringify(snapshot);
    const bytes = Buffer.byteLength(json, "utf8");
    if (bytes > this.maxBytes)
      throw new AuditStoreError(
        "snapshot-too-large",
        `The probe is too large to keep: ${bytes} bytes of JSON, over the ${this.maxBytes} limit.`,
      );
    // Upsert (SQLite ≥ 3.24 and PostgreSQL share this syntax): https://sqlite.org/lang_upsert.html
    await this.db.run(
      `INSERT INTO recent_probes (probe_key, api_key, region, api_id, stage, kept_at, expires_at, preflight_version, snapshot_sha256, snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (probe_key) DO UPDATE SET kept_at = excluded.kept_at, expires_at = excluded.expires_at,
         preflight_version = excluded.preflight_version, snapshot_sha256 = excluded.snapshot_sha256, snapshot = excluded.snapshot`,
      [
        cacheKeyHash({ ...api, stage: probe.stage }),
        cacheKeyHash(api),
        api.region,
        api.apiId,
        probe.stage,
        keptAt,
        expiresAt,
        this.preflightVersion,
        sha256Hex(json),
        json,
      ],
    );
    return kept;
  }

  /** Deletes expired probes (the store's purgeExpired calls it, on the same hourly schedule as expired audits). */
  purgeExpired(tx: SqlExecutor = this.db): Promise<number> {
    return tx.run("DELETE FROM recent_probes WHERE expires_at <= ?", [this.now().toISOString()]);
  }
}
