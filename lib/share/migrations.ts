/**
 * The one schema, as ordered migrations. Each migration's SQL is shared where the dialects agree
 * (plain TEXT/INTEGER columns: timestamps are fixed-width ISO-8601 strings, which sort and compare as
 * text) and split only where they do not (triggers). Applied versions are recorded in
 * schema_migrations; never edit a released migration, add a new one.
 */
import type { SqlDialect } from "@/lib/share/sql-driver";

export interface Migration {
  version: number;
  name: string;
  sql: string | Record<SqlDialect, string>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "audits and comparisons",
    sql: `
      CREATE TABLE audits (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        account_id TEXT,
        region TEXT NOT NULL,
        api_id TEXT NOT NULL,
        api_name TEXT NOT NULL,
        read_at TEXT NOT NULL,
        partial INTEGER NOT NULL,
        critical_count INTEGER NOT NULL,
        high_count INTEGER NOT NULL,
        medium_count INTEGER NOT NULL,
        low_count INTEGER NOT NULL,
        info_count INTEGER NOT NULL,
        snapshot_version INTEGER NOT NULL,
        snapshot_bytes INTEGER NOT NULL,
        snapshot_sha256 TEXT NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX audits_by_api ON audits (api_id, region, created_at);
      CREATE INDEX audits_by_expiry ON audits (expires_at);
      CREATE TABLE comparisons (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        base_id TEXT NOT NULL,
        head_id TEXT NOT NULL
      );
      CREATE INDEX comparisons_by_base ON comparisons (base_id);
      CREATE INDEX comparisons_by_head ON comparisons (head_id);
    `,
  },
  {
    version: 2,
    name: "stored rows are immutable",
    sql: {
      sqlite: `
        CREATE TRIGGER audits_immutable BEFORE UPDATE ON audits
          BEGIN SELECT RAISE(ABORT, 'stored audits are immutable'); END;
        CREATE TRIGGER comparisons_immutable BEFORE UPDATE ON comparisons
          BEGIN SELECT RAISE(ABORT, 'stored comparisons are immutable'); END;
      `,
      postgres: `
        CREATE FUNCTION preflight_reject_update() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'stored % rows are immutable', TG_TABLE_NAME; END
        $$;
        CREATE TRIGGER audits_immutable BEFORE UPDATE ON audits
          FOR EACH ROW EXECUTE FUNCTION preflight_reject_update();
        CREATE TRIGGER comparisons_immutable BEFORE UPDATE ON comparisons
          FOR EACH ROW EXECUTE FUNCTION preflight_reject_update();
      `,
    },
  },
  {
    version: 3,
    name: "audits by creation time",
    // listRecent walks this backwards (ORDER BY created_at DESC, id DESC) instead of sorting the table.
    sql: "CREATE INDEX audits_by_created ON audits (created_at, id);",
  },
  {
    version: 4,
    name: "who may delete an audit",
    // The SHA-256 of the delete token handed to the sharer once (never the token), and the signed-in sharer's e-mail.
    sql: "ALTER TABLE audits ADD COLUMN delete_token_sha256 TEXT; ALTER TABLE audits ADD COLUMN owner TEXT;",
  },
  {
    version: 5,
    name: "audit cache",
    // Read-once cache of live audits (lib/share/audit-cache.ts), shared by every app instance on this
    // database. Unlike audits, rows are replaced on refresh, so no immutability trigger. Keys are hashes:
    // the connection id (profile, role ARN) never appears in a column.
    sql: `
      CREATE TABLE audit_cache (
        cache_key TEXT PRIMARY KEY,
        scope_key TEXT NOT NULL,
        region TEXT NOT NULL,
        api_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        read_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        preflight_version TEXT NOT NULL,
        partial INTEGER NOT NULL,
        critical_count INTEGER NOT NULL,
        high_count INTEGER NOT NULL,
        medium_count INTEGER NOT NULL,
        low_count INTEGER NOT NULL,
        info_count INTEGER NOT NULL,
        snapshot_sha256 TEXT NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX audit_cache_by_scope ON audit_cache (scope_key);
      CREATE INDEX audit_cache_by_expiry ON audit_cache (expires_at);
    `,
  },
  {
    version: 6,
    name: "recent probes",
    // The last live probe of each API stage (lib/share/recent-probes.ts), shared by every app instance on this
    // database and kept across restarts. Keyed like audit_cache: probe_key hashes connection, endpoint, region, API
    // and stage; api_key the same without the stage, to find an API's newest probe. Rows are replaced, so no trigger.
    sql: `
      CREATE TABLE recent_probes (
        probe_key TEXT PRIMARY KEY,
        api_key TEXT NOT NULL,
        region TEXT NOT NULL,
        api_id TEXT NOT NULL,
        stage TEXT NOT NULL,
        kept_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        preflight_version TEXT NOT NULL,
        snapshot_sha256 TEXT NOT NULL,
        snapshot TEXT NOT NULL
      );
      CREATE INDEX recent_probes_by_api ON recent_probes (api_key, kept_at);
      CREATE INDEX recent_probes_by_expiry ON recent_probes (expires_at);
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, migration) => Math.max(max, migration.version), 0);

export function migrationSql(migration: Migration, dialect: SqlDialect): string {
  return typeof migration.sql === "string" ? migration.sql : migration.sql[dialect];
}
