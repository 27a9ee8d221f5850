/**
 * The contract every AuditStore backend must pass. Each backend's test file calls
 * describeAuditStore(name, open) with a factory that opens a fresh, empty database per test.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import packageJson from "@/package.json";
import type { AuditReport } from "@/lib/audit/types";
import type { AuditStore } from "@/lib/share/audit-store";
import { AuditStoreError, type AuditStoreErrorCode } from "@/lib/share/errors";
import { AUDIT_ID_LENGTH, isAuditId } from "@/lib/share/ids";
import { MIGRATIONS } from "@/lib/share/migrations";
import { redactReport } from "@/lib/share/redact";
import { MAX_SNAPSHOT_BYTES, sha256Hex } from "@/lib/share/snapshot";
import type { SqlExecutor } from "@/lib/share/sql-driver";
import { reportWithPlantedSecrets } from "@/lib/share/testing/planted-secrets";
import { sampleFinding, sampleReport } from "@/lib/share/testing/sample-report";

export interface StoreUnderTest {
  store: AuditStore;
  /** Raw SQL on the same database, bypassing the store. */
  sql: SqlExecutor;
  /** Opens another store on the same database. */
  reopen(options?: { readOnly?: boolean }): Promise<AuditStore>;
  dispose(): Promise<void>;
}

export interface OpenOptions {
  now: () => Date;
}

export type OpenStoreUnderTest = (options: OpenOptions) => Promise<StoreUnderTest>;

/** Measured figures, printed by the concurrency test so a run shows them. */
export const measurements: Record<string, string> = {};

async function expectStoreError(promise: Promise<unknown>, code: AuditStoreErrorCode, message?: RegExp): Promise<AuditStoreError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `expected an AuditStoreError "${code}"`).toBeInstanceOf(AuditStoreError);
  const storeError = error as AuditStoreError;
  expect(storeError.code).toBe(code);
  if (message) expect(storeError.message).toMatch(message);
  return storeError;
}

async function countRows(sql: SqlExecutor, table: "audits" | "comparisons"): Promise<number> {
  const rows = await sql.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

const HOUR = 60 * 60 * 1000;

/** A well-formed id that no save produced (ids end in A, Q, g or w). */
function fakeId(letter: string): string {
  return `${letter.repeat(21)}A`;
}

export function describeAuditStore(name: string, open: OpenStoreUnderTest): void {
  describe(`AuditStore contract: ${name}`, () => {
    let clock = new Date("2026-03-01T12:00:00.000Z");
    let subject: StoreUnderTest;
    let store: AuditStore;
    const extraStores: AuditStore[] = [];

    beforeEach(async () => {
      clock = new Date("2026-03-01T12:00:00.000Z");
      subject = await open({ now: () => clock });
      store = subject.store;
    });

    afterEach(async () => {
      await Promise.all(extraStores.splice(0).map((extra) => extra.close()));
      await subject.dispose();
    });

    it("round-trips a report as a versioned snapshot", async () => {
      const report = sampleReport();
      const saved = await store.save(report);
      expect(saved.id).toHaveLength(AUDIT_ID_LENGTH);
      expect(isAuditId(saved.id)).toBe(true);
      expect(saved.createdAt).toBe(clock.toISOString());
      const stored = await store.get(saved.id);
      expect(stored).toEqual({
        id: saved.id,
        createdAt: saved.createdAt,
        snapshot: { snapshotVersion: 1, preflightVersion: packageJson.version, storedAt: saved.createdAt, report },
      });
    });

    it("is immutable: later changes to the input or to a read copy never reach the stored audit", async () => {
      const report = sampleReport();
      const saved = await store.save(report);
      const expected = structuredClone(report);
      report.api.name = "renamed";
      report.findings.pop();
      const first = await store.get(saved.id);
      if (!first) throw new Error("saved audit not found");
      first.snapshot.report.findings.length = 0;
      expect((await store.get(saved.id))?.snapshot.report).toEqual(expected);
      expect("update" in store).toBe(false);
      // The database refuses in-place changes too.
      await expect(subject.sql.run("UPDATE audits SET api_name = ? WHERE id = ?", ["x", saved.id])).rejects.toThrow(/immutable/);
      // Saving the same report again is a new, separate audit.
      const again = await store.save(expected);
      expect(again.id).not.toBe(saved.id);
    });

    it("treats an expired audit as gone and purges it", async () => {
      const report = sampleReport();
      const expiring = await store.save(report, { expiresAt: new Date(clock.getTime() + HOUR) });
      const forever = await store.save(report);
      expect((await store.get(expiring.id))?.expiresAt).toBe(new Date(clock.getTime() + HOUR).toISOString());
      clock = new Date(clock.getTime() + 2 * HOUR);
      expect(await store.get(expiring.id)).toBeUndefined();
      expect((await store.listForApi({ accountId: "123456789012", region: "eu-west-1", apiId: "a1b2c3d4e5" })).map((s) => s.id)).toEqual([
        forever.id,
      ]);
      expect(await countRows(subject.sql, "audits")).toBe(2);
      expect(await store.purgeExpired()).toBe(1);
      expect(await countRows(subject.sql, "audits")).toBe(1);
      expect(await store.get(forever.id)).toBeDefined();
    });

    it("rejects an expiry that is not in the future", async () => {
      await expectStoreError(store.save(sampleReport(), { expiresAt: clock }), "invalid-expiry", /must be in the future/);
      await expectStoreError(store.save(sampleReport(), { expiresAt: new Date("nope") }), "invalid-expiry");
      expect(await countRows(subject.sql, "audits")).toBe(0);
    });

    it("deletes an audit and the comparisons that use it", async () => {
      const a = await store.save(sampleReport());
      const b = await store.save(sampleReport());
      const comparison = await store.saveComparison(a.id, b.id);
      expect(await store.delete(a.id)).toBe(true);
      expect(await store.get(a.id)).toBeUndefined();
      expect(await store.getComparison(comparison.id)).toBeUndefined();
      expect(await countRows(subject.sql, "comparisons")).toBe(0);
      expect(await store.delete(a.id)).toBe(false);
      expect(await store.get(b.id)).toBeDefined();
    });

    it("lists the unexpired audits of one API, newest first, with counts per severity", async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        ids.push((await store.save(sampleReport({ readAt: `2026-03-0${i + 1}T00:00:00.000Z` }))).id);
        clock = new Date(clock.getTime() + 1000);
      }
      await store.save(sampleReport({ api: { id: "otherapi00" } }));
      await store.save(sampleReport({ api: { region: "us-east-1" } }));
      await store.save(sampleReport({ api: { accountId: "999999999999" } }));
      const unknownAccount = await store.save(sampleReport({ api: { accountId: undefined }, findings: [sampleFinding("r", "low", {})] }));

      const listed = await store.listForApi({ accountId: "123456789012", region: "eu-west-1", apiId: "a1b2c3d4e5" });
      expect(listed.map((s) => s.id)).toEqual([...ids].reverse());
      expect(listed[0]).toEqual({
        id: ids[2],
        createdAt: "2026-03-01T12:00:02.000Z",
        apiName: "orders-api",
        readAt: "2026-03-03T00:00:00.000Z",
        partial: false,
        counts: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
      });
      expect(
        (await store.listForApi({ accountId: "123456789012", region: "eu-west-1", apiId: "a1b2c3d4e5" }, { limit: 2 })).map((s) => s.id),
      ).toEqual([ids[2], ids[1]]);
      const withoutAccount = await store.listForApi({ region: "eu-west-1", apiId: "a1b2c3d4e5" });
      expect(withoutAccount.map((s) => [s.id, s.counts.low])).toEqual([[unknownAccount.id, 1]]);
      expect(await store.listForApi({ region: "eu-west-1", apiId: "nothing000" })).toEqual([]);
      await expectStoreError(store.listForApi({ region: "eu-west-1", apiId: "a1b2c3d4e5" }, { limit: 0 }), "invalid-config");
    });

    it("lists the unexpired audits of every API, newest first, with each one's API identity", async () => {
      const first = await store.save(sampleReport());
      clock = new Date(clock.getTime() + 1000);
      const otherRegion = await store.save(sampleReport({ api: { region: "us-east-1", id: "otherapi00", name: "billing-api" } }));
      clock = new Date(clock.getTime() + 1000);
      const expiring = await store.save(sampleReport(), { expiresAt: new Date(clock.getTime() + HOUR) });
      clock = new Date(clock.getTime() + 1000);
      const unknownAccount = await store.save(sampleReport({ api: { accountId: undefined }, findings: [sampleFinding("r", "low", {})] }));

      const listed = await store.listRecent();
      expect(listed.map((s) => s.id)).toEqual([unknownAccount.id, expiring.id, otherRegion.id, first.id]);
      expect(listed[0]).toEqual({
        id: unknownAccount.id,
        createdAt: "2026-03-01T12:00:03.000Z",
        apiName: "orders-api",
        readAt: sampleReport().readAt,
        partial: false,
        counts: { critical: 0, high: 0, medium: 0, low: 1, info: 0 },
        region: "eu-west-1",
        apiId: "a1b2c3d4e5",
      });
      expect(listed[1]).toMatchObject({ expiresAt: new Date(clock.getTime() - 1000 + HOUR).toISOString() });
      expect(listed[2]).toMatchObject({ accountId: "123456789012", region: "us-east-1", apiId: "otherapi00", apiName: "billing-api" });
      expect(listed[3]).toMatchObject({ accountId: "123456789012", region: "eu-west-1", apiId: "a1b2c3d4e5" });
      expect((await store.listRecent({ limit: 2 })).map((s) => s.id)).toEqual([unknownAccount.id, expiring.id]);

      clock = new Date(clock.getTime() + 2 * HOUR);
      expect((await store.listRecent()).map((s) => s.id)).toEqual([unknownAccount.id, otherRegion.id, first.id]);
    });

    it("lists at most 50 recent audits by default and rejects a limit outside 1..500", async () => {
      // One second apart: equal timestamps fall back to id order, which follows each database's collation.
      const saved: string[] = [];
      for (let i = 0; i < 51; i += 1) {
        saved.push((await store.save(sampleReport())).id);
        clock = new Date(clock.getTime() + 1000);
      }
      const newestFirst = [...saved].reverse();
      expect((await store.listRecent()).map((s) => s.id)).toEqual(newestFirst.slice(0, 50));
      expect(await store.listRecent({ limit: 500 })).toHaveLength(51);
      for (const limit of [0, -1, 1.5, 501, Number.NaN]) {
        await expectStoreError(store.listRecent({ limit }), "invalid-config", /limit must be an integer from 1 to 500/);
      }
    });

    it("rejects malformed ids before querying", async () => {
      const bad = [
        "",
        "short",
        "x".repeat(22),
        `${"A".repeat(21)}B`,
        `${"A".repeat(20)}/A`,
        "' OR 1=1 --",
        "../../etc/passwd",
        "A".repeat(23),
      ];
      for (const id of bad) {
        await expectStoreError(store.get(id), "invalid-id", /Not a stored audit id/);
        await expectStoreError(store.delete(id), "invalid-id");
        await expectStoreError(store.getComparison(id), "invalid-id");
        await expectStoreError(store.saveComparison(id, id), "invalid-id");
      }
      // Well-formed but unknown is simply absent.
      expect(await store.get(fakeId("A"))).toBeUndefined();
    });

    it("rejects a report that is not an AuditReport", async () => {
      const broken = { ...sampleReport(), findings: [{ ruleId: 1 }] } as unknown as AuditReport;
      await expectStoreError(store.save(broken), "invalid-report", /findings\.0/);
      await expectStoreError(
        store.save({ ...sampleReport(), reportVersion: 2 } as unknown as AuditReport),
        "invalid-report",
        /reportVersion/,
      );
      expect(await countRows(subject.sql, "audits")).toBe(0);
    });

    it(`rejects a snapshot over ${MAX_SNAPSHOT_BYTES} bytes with a clear error and stores nothing`, async () => {
      const chunk = "x".repeat(1024 * 1024);
      const findings = Array.from({ length: 9 }, (_, i) => sampleFinding(`big-${i}`, "info", {}, { message: chunk }));
      await expectStoreError(
        store.save(sampleReport({ findings })),
        "snapshot-too-large",
        /too large to store: 9\.0 MiB of JSON, over the 8\.0 MiB limit/,
      );
      expect(await countRows(subject.sql, "audits")).toBe(0);
      // Just under the limit is fine.
      const fits = await store.save(sampleReport({ findings: findings.slice(0, 7) }));
      expect((await store.get(fits.id))?.snapshot.report.findings).toHaveLength(7);
    });

    it("reports a corrupt or unsupported stored row clearly instead of crashing", async () => {
      const insert = async (id: string, snapshot: string, sha256 = sha256Hex(snapshot)) =>
        subject.sql.run(
          `INSERT INTO audits (id, created_at, expires_at, account_id, region, api_id, api_name, read_at, partial,
             critical_count, high_count, medium_count, low_count, info_count, snapshot_version, snapshot_bytes, snapshot_sha256, snapshot)
           VALUES (?, ?, NULL, '123456789012', 'eu-west-1', 'a1b2c3d4e5', 'orders-api', ?, 0, 0, 0, 0, 0, 0, 1, ?, ?, ?)`,
          [id, clock.toISOString(), clock.toISOString(), snapshot.length, sha256, snapshot],
        );
      const valid = JSON.stringify({
        snapshotVersion: 1,
        preflightVersion: "0.1.0",
        storedAt: clock.toISOString(),
        report: sampleReport(),
      });
      await insert(fakeId("A"), "{not json");
      await insert(fakeId("B"), JSON.stringify({ snapshotVersion: 1, report: { reportVersion: 1 } }));
      await insert(fakeId("C"), JSON.stringify({ snapshotVersion: 99 }));
      await insert(fakeId("D"), valid, sha256Hex(`${valid} `));
      await insert(fakeId("E"), valid);

      const corrupt = /Stored audit \S+ is corrupt or from an unsupported version/;
      await expectStoreError(store.get(fakeId("A")), "corrupt", /not valid JSON/);
      await expectStoreError(store.get(fakeId("B")), "corrupt", corrupt);
      await expectStoreError(store.get(fakeId("C")), "corrupt", /snapshot version 99, written by a newer Preflight/);
      await expectStoreError(store.get(fakeId("D")), "corrupt", /checksum/);
      expect((await store.get(fakeId("E")))?.snapshot.report).toEqual(sampleReport());
      // Listing reads summary columns only, so one bad row does not break the list.
      expect(await store.listForApi({ accountId: "123456789012", region: "eu-west-1", apiId: "a1b2c3d4e5" })).toHaveLength(5);
      expect(await store.listRecent()).toHaveLength(5);
    });

    it("never stores planted secrets (raw scan of every stored row)", async () => {
      const { report, secrets } = reportWithPlantedSecrets();
      const saved = await store.save(report);
      const other = await store.save(sampleReport());
      await store.saveComparison(other.id, saved.id);
      const dump: string[] = [];
      for (const table of ["audits", "comparisons", "schema_migrations"]) {
        for (const row of await subject.sql.query(`SELECT * FROM ${table}`)) dump.push(...Object.values(row).map((value) => String(value)));
      }
      const everything = dump.join("\n");
      expect(everything).toContain("orders-api");
      for (const secret of secrets) expect(everything, `stored row leaks ${secret}`).not.toContain(secret);
      expect((await store.get(saved.id))?.snapshot.report).toEqual(JSON.parse(JSON.stringify(redactReport(report))));
    });

    it("keeps all of 200 concurrent shares, each link resolving to exactly its snapshot", async () => {
      const total = 200;
      const reports = Array.from({ length: total }, (_, i) =>
        sampleReport({
          api: { name: `api-${i}` },
          findings: [sampleFinding(`rule-${i}`, "high", { path: `/p${i}`, httpMethod: "GET" }, { message: `marker-${i}` })],
        }),
      );
      const started = performance.now();
      const saved = await Promise.all(reports.map((report) => store.save(report)));
      const saveMs = performance.now() - started;
      expect(new Set(saved.map((ref) => ref.id)).size).toBe(total);

      const readStarted = performance.now();
      const stored = await Promise.all(saved.map((ref) => store.get(ref.id)));
      const readMs = performance.now() - readStarted;
      stored.forEach((audit, i) => {
        expect(audit?.id).toBe(saved[i]?.id);
        expect(audit?.snapshot.report).toEqual(reports[i]);
      });
      expect(await countRows(subject.sql, "audits")).toBe(total);
      measurements[name] = `200 concurrent saves ${saveMs.toFixed(0)} ms, 200 concurrent gets ${readMs.toFixed(0)} ms`;
      console.info(`[${name}] ${measurements[name]}`);
    });

    it("stores comparisons of two audits of the same API", async () => {
      const base = await store.save(sampleReport());
      const head = await store.save(sampleReport({ findings: [], readAt: "2026-03-02T00:00:00.000Z" }));
      const saved = await store.saveComparison(base.id, head.id);
      const stored = await store.getComparison(saved.id);
      expect(stored?.base.id).toBe(base.id);
      expect(stored?.head.id).toBe(head.id);
      expect(stored?.comparison.findings.fixed.map((f) => f.ruleId)).toEqual(sampleReport().findings.map((f) => f.ruleId));
      expect(stored?.comparison.findings.new).toEqual([]);

      const otherApi = await store.save(sampleReport({ api: { id: "otherapi00" } }));
      await expectStoreError(store.saveComparison(base.id, otherApi.id), "different-apis");
      await expectStoreError(store.saveComparison(base.id, fakeId("A")), "not-found");
      expect(await store.getComparison(fakeId("A"))).toBeUndefined();

      const expiring = await store.saveComparison(base.id, head.id, { expiresAt: new Date(clock.getTime() + HOUR) });
      clock = new Date(clock.getTime() + 2 * HOUR);
      expect(await store.getComparison(expiring.id)).toBeUndefined();
      expect(await store.getComparison(saved.id)).toBeDefined();
    });

    it("runs migrations once and serves a read-only viewer without writes", async () => {
      const saved = await store.save(sampleReport());
      const again = await subject.reopen();
      extraStores.push(again);
      const versions = await subject.sql.query("SELECT version FROM schema_migrations ORDER BY version");
      expect(versions.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));

      const viewer = await subject.reopen({ readOnly: true });
      extraStores.push(viewer);
      expect(viewer.readOnly).toBe(true);
      expect((await viewer.get(saved.id))?.id).toBe(saved.id);
      expect((await viewer.listRecent()).map((s) => s.id)).toEqual([saved.id]);
      await expectStoreError(viewer.save(sampleReport()), "read-only", /read-only viewer/);
      await expectStoreError(viewer.delete(saved.id), "read-only");
      await expectStoreError(viewer.saveComparison(saved.id, saved.id), "read-only");
      expect(await countRows(subject.sql, "audits")).toBe(1);
    });

    it("refuses a database whose schema is newer than this build", async () => {
      await subject.sql.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        999,
        "from the future",
        clock.toISOString(),
      ]);
      await expectStoreError(subject.reopen(), "schema-mismatch", /schema version 999, newer than this Preflight build/);
      await expectStoreError(subject.reopen({ readOnly: true }), "schema-mismatch", /newer/);
    });
  });
}
