import "server-only";
import type { AuditStore } from "@/lib/share/audit-store";
import { AuditStoreError } from "@/lib/share/errors";
import { openPostgresAuditStore } from "@/lib/share/postgres-audit-store";
import { schedulePurge } from "@/lib/share/purge-schedule";
import { openSqliteAuditStore } from "@/lib/share/sqlite-audit-store";
import { resolveStoreConfig } from "@/lib/share/store-config";

/** Opens the store the environment asks for (see store-config.ts) and brings its schema up to date. */
export async function openAuditStore(env: Readonly<Record<string, string | undefined>> = process.env): Promise<AuditStore> {
  const resolved = resolveStoreConfig(env);
  if (!resolved.ok) throw new AuditStoreError("invalid-config", resolved.error);
  const { config } = resolved;
  return config.backend === "postgres"
    ? openPostgresAuditStore({ connectionString: config.connectionString, readOnly: config.readOnly })
    : openSqliteAuditStore({ file: config.file, readOnly: config.readOnly });
}

// One store per server process, kept on globalThis so dev-mode module reloads do not open a new pool each time.
const globalForStore = globalThis as typeof globalThis & { __preflightAuditStore?: Promise<AuditStore> };

/** The process-wide store for route handlers and server actions. A failed open is retried on the next call. */
export function getAuditStore(): Promise<AuditStore> {
  if (!globalForStore.__preflightAuditStore) {
    const opening = openAuditStore();
    globalForStore.__preflightAuditStore = opening;
    // The server's store deletes expired rows hourly (a read-only viewer's store does not write).
    opening.then((store) => schedulePurge(store)).catch(() => undefined);
    opening.catch(() => {
      if (globalForStore.__preflightAuditStore === opening) globalForStore.__preflightAuditStore = undefined;
    });
  }
  return globalForStore.__preflightAuditStore;
}
