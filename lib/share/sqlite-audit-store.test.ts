import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeAuditStore } from "@/lib/share/testing/audit-store-contract";
import { openSqliteAuditStore } from "@/lib/share/sqlite-audit-store";
import { SqliteDriver } from "@/lib/share/sqlite-driver";

describeAuditStore("SQLite", async ({ now }) => {
  const dir = mkdtempSync(path.join(tmpdir(), "preflight-audits-"));
  // A nested directory that does not exist yet: opening must create it.
  const file = path.join(dir, "data", "audits.sqlite");
  const store = await openSqliteAuditStore({ file, now });
  const sql = SqliteDriver.open(file);
  return {
    store,
    sql,
    reopen: (options) => openSqliteAuditStore({ file, now, readOnly: options?.readOnly }),
    dispose: async () => {
      await store.close();
      await sql.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
