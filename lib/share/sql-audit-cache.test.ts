import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditStore } from "@/lib/share/audit-store";
import type { AuditCacheKey } from "@/lib/share/audit-cache";
import { SqlAuditCache } from "@/lib/share/sql-audit-cache";
import { reportWithPlantedSecrets } from "@/lib/share/testing/planted-secrets";
import { sampleReport } from "@/lib/share/testing/sample-report";
import { postgresDatabase, sqliteDatabase, type SharedDatabase } from "@/lib/share/testing/shared-database";

const KEY: AuditCacheKey = { connection: "profile:team@https://apigateway.example", region: "eu-west-1", apiId: "abc123defg" };
const HOUR = 3_600_000;

function describeSharedCache(name: string, openDatabase: (now: () => Date) => Promise<SharedDatabase>) {
  describe(`audit cache shared by two store handles (${name})`, () => {
    let clock = new Date("2026-11-30T12:00:00.000Z");
    const now = () => clock;
    // Two store handles on one database, as two app instances would open it.
    let db: SharedDatabase;
    let handles: SharedDatabase & { first: AuditStore; second: AuditStore };
    beforeEach(async () => {
      clock = new Date("2026-11-30T12:00:00.000Z");
      db = await openDatabase(now);
      handles = { ...db, first: await db.open(), second: await db.open() };
    });
    afterEach(async () => db.dispose());

    it("an entry written through one handle is served by the other until it expires", async () => {
      const report = sampleReport();
      await handles.first.cache.put(KEY, report, HOUR);
      const served = await handles.second.cache.get(KEY);
      expect(served?.readAt).toBe(report.readAt);
      expect(served?.report.findings).toHaveLength(report.findings.length);
      expect(served?.report.model.resources.length).toBe(report.model.resources.length);

      clock = new Date(clock.getTime() + HOUR - 1);
      expect(await handles.second.cache.get(KEY)).toBeDefined();
      clock = new Date(clock.getTime() + 1);
      expect(await handles.second.cache.get(KEY)).toBeUndefined();
    });

    it("stamp names the stored snapshot without decoding it, follows a newer put and expires with the entry", async () => {
      const written = await handles.first.cache.put(KEY, sampleReport(), HOUR);
      const stamp = await handles.second.cache.stamp(KEY);
      expect(stamp?.sha256).toBe(written.stored?.sha256);
      expect((await handles.second.cache.get(KEY))?.stored).toEqual(written.stored);
      const newer = await handles.second.cache.put(KEY, { ...sampleReport(), readAt: "2026-11-30T12:30:00.000Z" }, HOUR);
      expect(newer.stored?.sha256).not.toBe(written.stored?.sha256);
      expect(await handles.first.cache.stamp(KEY)).toEqual({
        sha256: newer.stored?.sha256,
        readAt: newer.readAt,
        expiresAt: newer.expiresAt,
      });
      expect(await new SqlAuditCache(handles.sql, { now, preflightVersion: "0.0.0-other" }).stamp(KEY)).toBeUndefined();
      clock = new Date(clock.getTime() + HOUR);
      expect(await handles.first.cache.stamp(KEY)).toBeUndefined();
    });

    it("keys differ by connection, region, API and stage", async () => {
      await handles.first.cache.put(KEY, sampleReport(), HOUR);
      for (const other of [
        { ...KEY, connection: "profile:other@https://apigateway.example" },
        { ...KEY, region: "us-east-1" },
        { ...KEY, apiId: "zzz999zzzz" },
        { ...KEY, stage: "prod" },
      ]) {
        expect(await handles.second.cache.get(other), JSON.stringify(other)).toBeUndefined();
      }
    });

    it("a put replaces the entry (Refresh) and counts come from the newest", async () => {
      const old = sampleReport();
      await handles.first.cache.put(KEY, old, HOUR);
      const newer = { ...sampleReport(), readAt: "2026-11-30T12:30:00.000Z", counts: { ...old.counts, critical: 7 } };
      await handles.second.cache.put(KEY, newer, HOUR);
      expect((await handles.first.cache.get(KEY))?.readAt).toBe(newer.readAt);
      const counts = await handles.first.cache.counts(KEY, [KEY.apiId, "missing000"]);
      expect([...counts.keys()]).toEqual([KEY.apiId]);
      expect(counts.get(KEY.apiId)?.counts.critical).toBe(7);
      const rows = await handles.sql.query("SELECT COUNT(*) AS n FROM audit_cache");
      expect(Number(rows[0]?.n)).toBe(1);
    });

    it("stores no credential or stage-variable value, and no connection id in its key columns", async () => {
      const { report, secrets } = reportWithPlantedSecrets();
      await handles.first.cache.put(KEY, report, HOUR);
      const rows = await handles.sql.query("SELECT * FROM audit_cache");
      const raw = JSON.stringify(rows);
      for (const secret of secrets) expect(raw, secret).not.toContain(secret);
      const keys = await handles.sql.query("SELECT cache_key, scope_key, region, api_id, stage FROM audit_cache");
      expect(JSON.stringify(keys)).not.toContain("profile:team");
      // What the page and fixes use is still there.
      const served = await handles.second.cache.get(KEY);
      expect(served?.report.model.resources.map((r) => r.path)).toEqual(report.model.resources.map((r) => r.path));
    });

    it("Refresh on the home page drops a connection's region, nothing else", async () => {
      await handles.first.cache.put(KEY, sampleReport(), HOUR);
      const elsewhere = { ...KEY, region: "us-east-1" };
      await handles.first.cache.put(elsewhere, sampleReport(), HOUR);
      expect(await handles.second.cache.invalidate(KEY)).toBe(1);
      expect(await handles.first.cache.get(KEY)).toBeUndefined();
      expect(await handles.first.cache.get(elsewhere)).toBeDefined();
    });

    it("expired entries are purged with expired audits", async () => {
      await handles.first.cache.put(KEY, sampleReport(), HOUR);
      clock = new Date(clock.getTime() + 2 * HOUR);
      expect(await handles.second.purgeExpired()).toBe(1);
      const rows = await handles.sql.query("SELECT COUNT(*) AS n FROM audit_cache");
      expect(Number(rows[0]?.n)).toBe(0);
    });

    it("an entry written by another build or altered in the database is a miss, not an error", async () => {
      await handles.first.cache.put(KEY, sampleReport(), HOUR);
      const otherBuild = new SqlAuditCache(handles.sql, { now, preflightVersion: "0.0.0-other" });
      expect(await otherBuild.get(KEY)).toBeUndefined();
      await handles.sql.run("UPDATE audit_cache SET snapshot = ?", ['{"snapshotVersion":1}']);
      expect(await handles.second.cache.get(KEY)).toBeUndefined();
    });
  });
}

describeSharedCache("SQLite file", sqliteDatabase);

const url = process.env.PREFLIGHT_TEST_DATABASE_URL;
if (url) describeSharedCache("PostgreSQL", (now) => postgresDatabase(url, now));
