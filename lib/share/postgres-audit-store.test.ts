import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/share/migrate";
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from "@/lib/share/migrations";
import { openPostgresAuditStore } from "@/lib/share/postgres-audit-store";
import { PostgresDriver } from "@/lib/share/postgres-driver";
import { describeAuditStore } from "@/lib/share/testing/audit-store-contract";

const url = process.env.PREFLIGHT_TEST_DATABASE_URL;
const inCi = !!process.env.CI && !["0", "false"].includes(process.env.CI.toLowerCase());

if (url) {
  describeAuditStore("PostgreSQL", async ({ now }) => {
    // One schema per test, dropped afterwards, so runs (and parallel runners) never see each other's rows.
    const schema = `preflight_test_${randomBytes(6).toString("hex")}`;
    const admin = await PostgresDriver.open({ connectionString: url, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const store = await openPostgresAuditStore({ connectionString: url, schema, now });
    const sql = await PostgresDriver.open({ connectionString: url, schema, max: 2 });
    return {
      store,
      sql,
      reopen: (options) => openPostgresAuditStore({ connectionString: url, schema, now, readOnly: options?.readOnly }),
      dispose: async () => {
        await store.close();
        await sql.close();
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
      },
    };
  });

  describe("PostgreSQL migrations", () => {
    let schema: string;
    let admin: PostgresDriver;
    beforeEach(async () => {
      schema = `preflight_test_${randomBytes(6).toString("hex")}`;
      admin = await PostgresDriver.open({ connectionString: url, max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
    });
    afterEach(async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    });

    it("serialise concurrent first opens so each migration runs once", async () => {
      const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresAuditStore({ connectionString: url, schema })));
      const rows = await admin.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
      expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
      await Promise.all(stores.map((store) => store.close()));
    });

    it("apply all pending migrations or none", async () => {
      const driver = await PostgresDriver.open({ connectionString: url, schema });
      const broken = [
        ...MIGRATIONS,
        { version: LATEST_SCHEMA_VERSION + 1, name: "broken", sql: "CREATE TABLE extra (id TEXT); THIS IS NOT SQL;" },
      ];
      await expect(migrate(driver, broken)).rejects.toThrow(/syntax error/);
      expect(await admin.query("SELECT table_name FROM information_schema.tables WHERE table_schema = ?", [schema])).toEqual([]);
      expect(await migrate(driver)).toEqual(MIGRATIONS.map((m) => m.version));
      await driver.close();
    });
  });
} else if (inCi) {
  describe("AuditStore contract: PostgreSQL", () => {
    it("has a PostgreSQL database to run against", () => {
      throw new Error(
        "PREFLIGHT_TEST_DATABASE_URL is not set, and CI is: the PostgreSQL store would go untested. " +
          'Run `eval "$(lib/share/ci-postgres.sh | tail -n 1)"` before the tests.',
      );
    });
  });
} else {
  describe.skip("AuditStore contract: PostgreSQL (set PREFLIGHT_TEST_DATABASE_URL to run; see lib/share/ci-postgres.sh)", () => {
    it("runs the contract against PostgreSQL", () => undefined);
  });
}
