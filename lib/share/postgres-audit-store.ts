import "server-only";
import type { AuditStore } from "@/lib/share/audit-store";
import { PostgresDriver } from "@/lib/share/postgres-driver";
import { openSqlAuditStore } from "@/lib/share/sql-audit-store";

export interface PostgresAuditStoreOptions {
  connectionString: string;
  /** Default "public"; must already exist. */
  schema?: string;
  readOnly?: boolean;
  now?: () => Date;
  maxSnapshotBytes?: number;
  poolSize?: number;
}

export async function openPostgresAuditStore(options: PostgresAuditStoreOptions): Promise<AuditStore> {
  const driver = await PostgresDriver.open({ connectionString: options.connectionString, schema: options.schema, max: options.poolSize });
  return openSqlAuditStore(driver, { readOnly: options.readOnly, now: options.now, maxSnapshotBytes: options.maxSnapshotBytes });
}
