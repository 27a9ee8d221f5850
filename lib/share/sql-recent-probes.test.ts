import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditStore } from "@/lib/share/audit-store";
import { AuditStoreError } from "@/lib/share/errors";
import type { ProbedApi } from "@/lib/share/recent-probes";
import { SqlRecentProbes } from "@/lib/share/sql-recent-probes";
import { FAKE_BEARER, FAKE_JWT } from "@/lib/share/testing/planted-secrets";
import { sampleProbe } from "@/lib/share/testing/sample-probe";
import { postgresDatabase, sqliteDatabase, type SharedDatabase } from "@/lib/share/testing/shared-database";

const API: ProbedApi = { connection: "profile:team@https://apigateway.example", region: "eu-west-1", apiId: "abc123defg" };
const HOUR = 3_600_000;

function describeRecentProbes(name: string, openDatabase: (now: () => Date) => Promise<SharedDatabase>) {
  describe(`recent probes shared by two store handles (${name})`, () => {
    let clock = new Date("2026-11-30T12:00:00.000Z");
    const now = () => clock;
    const later = (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    };
    // Two store handles on one database, as two app instances would open it.
    let db: SharedDatabase;
    let handles: SharedDatabase & { first: AuditStore; second: AuditStore };
    beforeEach(async () => {
      clock = new Date("2026-11-30T12:00:00.000Z");
      db = await openDatabase(now);
      handles = { ...db, first: await db.open(), second: await db.open() };
    });
    afterEach(async () => db.dispose());

    it("a probe kept by one instance is served by another, and after a restart, until its hour is up", async () => {
      const probe = sampleProbe("prod");
      await handles.first.probes.keep(API, probe, HOUR);
      expect((await handles.second.probes.latest(API))?.probe).toEqual(probe);

      await handles.first.close();
      const restarted = await handles.open();
      later(HOUR - 1);
      const served = await restarted.probes.latest(API);
      expect(served?.probe.checks.map((check) => check.answers.map((answer) => answer.status))).toEqual([
        [200, 200],
        [403, 302],
      ]);
      expect(served?.keptAt).toBe("2026-11-30T12:00:00.000Z");
      later(1);
      expect(await restarted.probes.latest(API)).toBeUndefined();
      await restarted.close();
    });

    it("the API's newest probe is served whatever its stage; a stage's own probe on request; a new probe replaces its stage's", async () => {
      await handles.first.probes.keep(API, sampleProbe("prod", "2026-11-30T11:00:00.000Z"), HOUR);
      later(60_000);
      await handles.second.probes.keep(API, sampleProbe("dev", "2026-11-30T11:01:00.000Z"), HOUR);
      expect((await handles.first.probes.latest(API))?.probe.stage).toBe("dev");
      expect((await handles.first.probes.latest(API, "prod"))?.probe.startedAt).toBe("2026-11-30T11:00:00.000Z");
      expect(await handles.first.probes.latest(API, "test")).toBeUndefined();

      later(60_000);
      await handles.first.probes.keep(API, sampleProbe("prod", "2026-11-30T11:02:00.000Z"), HOUR);
      expect((await handles.second.probes.latest(API))?.probe.startedAt).toBe("2026-11-30T11:02:00.000Z");
      const rows = await handles.sql.query("SELECT stage FROM recent_probes ORDER BY stage");
      expect(rows.map((row) => row.stage)).toEqual(["dev", "prod"]);
    });

    it("keys differ by connection, endpoint, region and API", async () => {
      await handles.first.probes.keep(API, sampleProbe("prod"), HOUR);
      for (const other of [
        { ...API, connection: "profile:other@https://apigateway.example" },
        { ...API, connection: "profile:team@http://127.0.0.1:4599" },
        { ...API, region: "us-east-1" },
        { ...API, apiId: "zzz999zzzz" },
      ]) {
        expect(await handles.second.probes.latest(other), JSON.stringify(other)).toBeUndefined();
        expect(await handles.second.probes.latest(other, "prod"), JSON.stringify(other)).toBeUndefined();
      }
    });

    it("stores the probe redacted as a share would, no connection id in its columns, and no test identity", async () => {
      await handles.first.probes.keep(API, sampleProbe("prod", undefined, { plant: true }), HOUR);
      const raw = JSON.stringify(await handles.sql.query("SELECT * FROM recent_probes"));
      for (const secret of [FAKE_BEARER, FAKE_JWT, "profile:team", "apigateway.example"]) expect(raw, secret).not.toContain(secret);
      const served = await handles.second.probes.latest(API);
      const answers = served?.probe.checks[1]?.answers;
      expect(answers?.[0]?.message).toBe("User is not authorized (Bearer [REDACTED])");
      expect(answers?.[1]?.location).toBe("https://login.example.com/cb?id_token=[REDACTED]");
      // Which identity answered is kept by index, as in a shared audit; never a value.
      expect(answers?.map((answer) => answer.identity)).toEqual([0, 0]);
    });

    it("expired probes are purged with expired audits, on the same schedule", async () => {
      await handles.first.probes.keep(API, sampleProbe("prod"), HOUR);
      await handles.first.probes.keep(API, sampleProbe("dev"), 3 * HOUR);
      later(2 * HOUR);
      expect(await handles.second.purgeExpired()).toBe(1);
      const rows = await handles.sql.query("SELECT stage FROM recent_probes");
      expect(rows.map((row) => row.stage)).toEqual(["dev"]);
    });

    it("a probe kept by another Preflight build or altered in the database is no probe, not an error", async () => {
      await handles.first.probes.keep(API, sampleProbe("prod"), HOUR);
      const otherBuild = new SqlRecentProbes(handles.sql, { now, preflightVersion: "0.0.0-other" });
      expect(await otherBuild.latest(API)).toBeUndefined();
      expect(await otherBuild.latest(API, "prod")).toBeUndefined();
      await handles.sql.run("UPDATE recent_probes SET snapshot = ?", ['{"snapshotVersion":1}']);
      expect(await handles.second.probes.latest(API)).toBeUndefined();
    });

    it("a read-only viewer serves probes and keeps none", async () => {
      await handles.first.probes.keep(API, sampleProbe("prod"), HOUR);
      const viewer = await handles.open({ readOnly: true });
      expect((await viewer.probes.latest(API))?.probe.stage).toBe("prod");
      const kept = await viewer.probes.keep(API, sampleProbe("dev"), HOUR);
      expect(kept.probe.stage).toBe("dev");
      expect(await handles.first.probes.latest(API, "dev")).toBeUndefined();
      await viewer.close();
    });

    it("refuses a probe outside the stored-report schema or over the snapshot limit, keeping nothing", async () => {
      const malformed = { ...sampleProbe("prod"), targetKind: "anywhere" } as unknown as ReturnType<typeof sampleProbe>;
      const refused: unknown = await handles.first.probes.keep(API, malformed, HOUR).catch((error: unknown) => error);
      expect(AuditStoreError.is(refused, "invalid-report")).toBe(true);
      const tiny = new SqlRecentProbes(handles.sql, { now, maxBytes: 1_000 });
      const tooLarge: unknown = await tiny.keep(API, sampleProbe("prod"), HOUR).catch((error: unknown) => error);
      expect(AuditStoreError.is(tooLarge, "snapshot-too-large")).toBe(true);
      expect(await handles.second.probes.latest(API)).toBeUndefined();
    });
  });
}

describeRecentProbes("SQLite file", sqliteDatabase);

const url = process.env.PREFLIGHT_TEST_DATABASE_URL;
if (url) describeRecentProbes("PostgreSQL", (now) => postgresDatabase(url, now));
