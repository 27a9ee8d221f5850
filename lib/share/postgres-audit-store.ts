import "server-only";
import packageJson from "@/package.json";
import type { AuditStore } from "@/lib/share/audit-store";
import { assertSchemaCurrent, migrate } from "@/lib/share/migrate";
import { PostgresDriver } from "@/lib/share/postgres-driver";
import { SqlAuditStore } from "@/lib/share/sql-audit-store";

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
  try {
    if (options.readOnly) await assertSchemaCurrent(driver);
    else await migrate(driver, undefined, options.now);
  } catch (error) {
    await driver.close();
    throw error;
  }
  return new SqlAuditStore(driver, {
    readOnly: options.readOnly,
    now: options.now,
    maxSnapshotBytes: options.maxSnapshotBytes,
    preflightVersion: packageJson.version,
  });
}
