import "server-only";
import { AuditStoreError } from "@/lib/share/errors";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrationSql, type Migration } from "@/lib/share/migrations";
import type { SqlDriver, SqlExecutor } from "@/lib/share/sql-driver";

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

async function appliedVersions(db: SqlExecutor): Promise<number[]> {
  const rows = await db.query("SELECT version FROM schema_migrations ORDER BY version");
  return rows.map((row) => Number(row.version));
}

function tooNew(current: number): AuditStoreError {
  return new AuditStoreError(
    "schema-mismatch",
    `The audit database is at schema version ${current}, newer than this Preflight build knows (${LATEST_SCHEMA_VERSION}). Upgrade Preflight.`,
  );
}

/**
 * Brings the schema to LATEST_SCHEMA_VERSION in one transaction (all pending migrations or none).
 * Concurrent openers are serialised: SQLite by BEGIN IMMEDIATE, PostgreSQL by an advisory lock.
 * Returns the versions it applied.
 */
export async function migrate(
  db: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => Date = () => new Date(),
): Promise<number[]> {
  return db.transaction(async (tx) => {
    if (db.dialect === "postgres") {
      // Per schema, so parallel test schemas do not wait on each other.
      await tx.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':preflight-migrations'))");
    }
    await tx.exec(CREATE_MIGRATIONS_TABLE);
    const applied = new Set(await appliedVersions(tx));
    const current = Math.max(0, ...applied);
    const latest = Math.max(0, ...migrations.map((m) => m.version));
    if (current > latest) throw tooNew(current);
    const pending = migrations.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await tx.exec(migrationSql(migration, db.dialect));
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        migration.version,
        migration.name,
        now().toISOString(),
      ]);
    }
    return pending.map((m) => m.version);
  });
}

/** Read-only mode must not write, not even migrations: it only checks the schema is current. */
export async function assertSchemaCurrent(db: SqlDriver): Promise<void> {
  let versions: number[];
  try {
    versions = await appliedVersions(db);
  } catch (error) {
    throw new AuditStoreError(
      "schema-mismatch",
      "The audit database has no schema yet. Open it once without PREFLIGHT_READ_ONLY to create it.",
      { cause: error },
    );
  }
  const current = Math.max(0, ...versions);
  if (current > LATEST_SCHEMA_VERSION) throw tooNew(current);
  const missing = MIGRATIONS.filter((m) => !versions.includes(m.version));
  if (missing.length > 0) {
    throw new AuditStoreError(
      "schema-mismatch",
      `The audit database lacks migration(s) ${missing.map((m) => m.version).join(", ")}. Open it once without PREFLIGHT_READ_ONLY to apply them.`,
    );
  }
}
