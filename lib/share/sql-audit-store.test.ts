import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuditStoreError } from "@/lib/share/errors";
import { migrate } from "@/lib/share/migrate";
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from "@/lib/share/migrations";
import { getAuditStore, openAuditStore } from "@/lib/share/open-audit-store";
import { SqlAuditStore } from "@/lib/share/sql-audit-store";
import type { SqlDriver, SqlExecutor, SqlValue } from "@/lib/share/sql-driver";
import { SqliteDriver } from "@/lib/share/sqlite-driver";
import { sampleReport } from "@/lib/share/testing/sample-report";

/** Wraps the real SQLite driver to record statements and, optionally, crash a transaction at its Nth statement. */
class InstrumentedDriver implements SqlDriver {
  readonly dialect = "sqlite" as const;
  statements: string[] = [];
  crashAtTransactionStatement: number | undefined;

  constructor(private readonly inner: SqlDriver) {}

  query(sql: string, params?: readonly SqlValue[]) {
    this.statements.push(sql);
    return this.inner.query(sql, params);
  }
  run(sql: string, params?: readonly SqlValue[]) {
    this.statements.push(sql);
    return this.inner.run(sql, params);
  }
  exec(script: string) {
    this.statements.push(script);
    return this.inner.exec(script);
  }
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    let count = 0;
    const step = (sql: string) => {
      this.statements.push(sql);
      count += 1;
      if (count === this.crashAtTransactionStatement) throw new Error(`simulated crash after ${count - 1} statement(s)`);
    };
    return this.inner.transaction((tx) =>
      work({
        query: async (sql, params) => (step(sql), tx.query(sql, params)),
        run: async (sql, params) => (step(sql), tx.run(sql, params)),
        exec: async (script) => (step(script), tx.exec(script)),
      }),
    );
  }
  close() {
    return this.inner.close();
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "preflight-sql-store-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function instrumentedStore() {
  const driver = new InstrumentedDriver(SqliteDriver.open(path.join(dir, "audits.sqlite")));
  await migrate(driver);
  driver.statements = [];
  return { driver, store: new SqlAuditStore(driver, { preflightVersion: "test" }) };
}

describe("SqlAuditStore", () => {
  it("validates ids without touching the database", async () => {
    const { driver, store } = await instrumentedStore();
    await expect(store.get("'; DROP TABLE audits; --")).rejects.toThrow(AuditStoreError);
    await expect(store.delete("nope")).rejects.toThrow(/Not a stored audit id/);
    await expect(store.getComparison("")).rejects.toThrow(/Not a stored audit id/);
    await expect(store.saveComparison("a", "b")).rejects.toThrow(/Not a stored audit id/);
    expect(driver.statements).toEqual([]);
    await store.close();
  });

  it("lists recent audits from the created_at index, without sorting the table", async () => {
    const { driver, store } = await instrumentedStore();
    await expect(store.listRecent({ limit: 501 })).rejects.toMatchObject({ code: "invalid-config" });
    expect(driver.statements).toEqual([]);
    await store.listRecent();
    const [listSql] = driver.statements;
    const plan = await driver.query(`EXPLAIN QUERY PLAN ${listSql ?? ""}`, ["2026-03-01T12:00:00.000Z", 50]);
    const steps = plan.map((row) => String(row.detail));
    expect(steps.some((step) => step.includes("audits_by_created"))).toBe(true);
    expect(steps.some((step) => step.includes("TEMP B-TREE"))).toBe(false);
    await store.close();
  });

  it("leaves nothing half-done when a write crashes inside its transaction", async () => {
    const { driver, store } = await instrumentedStore();
    const a = await store.save(sampleReport());
    const b = await store.save(sampleReport());
    await store.saveComparison(a.id, b.id);

    // delete() removes comparisons, then the audit: crash before the second statement.
    driver.crashAtTransactionStatement = 2;
    await expect(store.delete(a.id)).rejects.toThrow(/simulated crash/);
    driver.crashAtTransactionStatement = undefined;
    expect(await driver.query("SELECT COUNT(*) AS n FROM comparisons")).toEqual([{ n: 1 }]);
    expect(await store.get(a.id)).toBeDefined();

    driver.crashAtTransactionStatement = 1;
    await expect(store.save(sampleReport())).rejects.toThrow(/simulated crash/);
    driver.crashAtTransactionStatement = undefined;
    expect(await driver.query("SELECT COUNT(*) AS n FROM audits")).toEqual([{ n: 2 }]);
    // The connection is usable again after the rollback.
    expect(await store.get((await store.save(sampleReport())).id)).toBeDefined();
    await store.close();
  });

  it("applies all pending migrations or none", async () => {
    const driver = SqliteDriver.open(path.join(dir, "audits.sqlite"));
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: "broken", sql: "CREATE TABLE extra (id TEXT); THIS IS NOT SQL;" },
    ];
    await expect(migrate(driver, broken)).rejects.toThrow();
    expect(
      await driver.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('audits', 'extra', 'schema_migrations')"),
    ).toEqual([]);
    expect(await migrate(driver)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(driver)).toEqual([]);
    await driver.close();
  });
});

describe("openAuditStore", () => {
  it("opens SQLite in PREFLIGHT_DATA_DIR with WAL journaling", async () => {
    const dataDir = path.join(dir, "nested", "data");
    const store = await openAuditStore({ PREFLIGHT_DATA_DIR: dataDir });
    expect(store.backend).toBe("sqlite");
    expect(store.readOnly).toBe(false);
    const saved = await store.save(sampleReport());
    await store.close();
    const file = path.join(dataDir, "audits.sqlite");
    expect(existsSync(file)).toBe(true);
    const raw = SqliteDriver.open(file);
    expect(await raw.query("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    expect(await raw.query("SELECT id FROM audits")).toEqual([{ id: saved.id }]);
    await raw.close();

    const viewer = await openAuditStore({ PREFLIGHT_DATA_DIR: dataDir, PREFLIGHT_READ_ONLY: "1" });
    expect(viewer.readOnly).toBe(true);
    expect((await viewer.get(saved.id))?.id).toBe(saved.id);
    await viewer.close();
  });

  it("refuses a read-only viewer on a database that was never created", async () => {
    await expect(openAuditStore({ PREFLIGHT_DATA_DIR: dir, PREFLIGHT_READ_ONLY: "true" })).rejects.toThrow(
      /has no schema yet\. Open it once without PREFLIGHT_READ_ONLY/,
    );
  });

  it("rejects a bad configuration with a clear error", async () => {
    await expect(openAuditStore({ DATABASE_URL: "mysql://db/x" })).rejects.toMatchObject({ code: "invalid-config" });
    await expect(openAuditStore({ DATABASE_URL: "postgres://nobody:secret-pw@127.0.0.1:1/none" })).rejects.toSatisfy(
      (error: unknown) =>
        AuditStoreError.is(error, "unavailable") && error.message.includes("127.0.0.1:1/none") && !error.message.includes("secret-pw"),
    );
  });
});

describe("getAuditStore", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("opens one store per process from the environment and retries after a failed open", async () => {
    const holder = globalThis as { __preflightAuditStore?: Promise<unknown> };
    holder.__preflightAuditStore = undefined;
    vi.stubEnv("DATABASE_URL", "mysql://db/x");
    await expect(getAuditStore()).rejects.toMatchObject({ code: "invalid-config" });
    await Promise.resolve();
    expect(holder.__preflightAuditStore).toBeUndefined();

    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PREFLIGHT_DATA_DIR", dir);
    const first = await getAuditStore();
    expect(await getAuditStore()).toBe(first);
    expect(first.backend).toBe("sqlite");
    await first.close();
    holder.__preflightAuditStore = undefined;
  });
});
