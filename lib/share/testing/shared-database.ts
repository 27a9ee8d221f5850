/**
 * One database that several store handles open, as several app instances on one store would: a SQLite file, or a
 * fresh PostgreSQL schema (dropped afterwards) on PREFLIGHT_TEST_DATABASE_URL. For the tests of what instances share
 * (the read-once cache, recent probes).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AuditStore } from "@/lib/share/audit-store";
import { openPostgresAuditStore } from "@/lib/share/postgres-audit-store";
import { PostgresDriver } from "@/lib/share/postgres-driver";
import type { SqlExecutor } from "@/lib/share/sql-driver";
import { openSqliteAuditStore } from "@/lib/share/sqlite-audit-store";
import { SqliteDriver } from "@/lib/share/sqlite-driver";

export interface SharedDatabase {
  /** Opens one more store handle on the database (another instance, or the same one after a restart). */
  open(options?: { readOnly?: boolean }): Promise<AuditStore>;
  /** Raw SQL on the same database, bypassing the store. */
  sql: SqlExecutor;
  /** Closes every handle opened and removes the database. */
  dispose(): Promise<void>;
}

function tracked(openStore: (readOnly: boolean | undefined) => Promise<AuditStore>) {
  const opened: AuditStore[] = [];
  return {
    opened,
    open: async (options: { readOnly?: boolean } = {}) => {
      const store = await openStore(options.readOnly);
      opened.push(store);
      return store;
    },
  };
}

export async function sqliteDatabase(now: () => Date): Promise<SharedDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), "preflight-shared-"));
  const file = path.join(dir, "audits.sqlite");
  const { opened, open } = tracked((readOnly) => openSqliteAuditStore({ file, now, readOnly }));
  // Migrated by a first open, so raw SQL sees the tables.
  await open();
  const sql = SqliteDriver.open(file);
  return {
    open,
    sql,
    dispose: async () => {
      await Promise.all([...opened.map((store) => store.close()), sql.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresDatabase(url: string, now: () => Date): Promise<SharedDatabase> {
  const schema = `preflight_test_${randomBytes(6).toString("hex")}`;
  const admin = await PostgresDriver.open({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const { opened, open } = tracked((readOnly) => openPostgresAuditStore({ connectionString: url, schema, now, readOnly }));
  await open();
  const sql = await PostgresDriver.open({ connectionString: url, schema, max: 1 });
  return {
    open,
    sql,
    dispose: async () => {
      await Promise.all([...opened.map((store) => store.close()), sql.close()]);
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
