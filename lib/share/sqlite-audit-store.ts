import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { AuditStore } from "@/lib/share/audit-store";
import { AuditStoreError } from "@/lib/share/errors";
import { openSqlAuditStore } from "@/lib/share/sql-audit-store";
import { SqliteDriver } from "@/lib/share/sqlite-driver";

export interface SqliteAuditStoreOptions {
  /** Database file; its directory is created if missing. */
  file: string;
  readOnly?: boolean;
  now?: () => Date;
  maxSnapshotBytes?: number;
}

export async function openSqliteAuditStore(options: SqliteAuditStoreOptions): Promise<AuditStore> {
  let driver: SqliteDriver;
  try {
    mkdirSync(path.dirname(options.file), { recursive: true });
    driver = SqliteDriver.open(options.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AuditStoreError("unavailable", `Cannot open the audit database ${options.file}: ${reason}`, { cause: error });
  }
  return openSqlAuditStore(driver, { readOnly: options.readOnly, now: options.now, maxSnapshotBytes: options.maxSnapshotBytes });
}
