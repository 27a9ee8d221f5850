import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openSqliteAuditStore } from "@/lib/share/sqlite-audit-store";

const root = fileURLToPath(new URL("../../", import.meta.url));
const script = fileURLToPath(new URL("./testing/save-many-process.ts", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "preflight-multi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function saveFromChild(file: string, count: number, tag: string): Promise<Array<{ id: string; marker: string }>> {
  return new Promise((resolve, reject) => {
    // react-server: resolve "server-only" to its no-op entry, as Next does for server code.
    const child = spawn(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions", "react-server", script, file, String(count), tag],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`child ${tag} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split("\n").pop() ?? "[]") as Array<{ id: string; marker: string }>);
    });
  });
}

describe("SQLite store shared by several processes", () => {
  it("keeps all of 200 shares written concurrently by 4 processes (WAL + busy timeout)", async () => {
    const file = path.join(dir, "audits.sqlite");
    // Create the schema first so the children race on writes, not on the first migration.
    await (await openSqliteAuditStore({ file })).close();
    const started = performance.now();
    const results = (await Promise.all(["p0", "p1", "p2", "p3"].map((tag) => saveFromChild(file, 50, tag)))).flat();
    console.info(`[SQLite, 4 processes] 200 saves in ${(performance.now() - started).toFixed(0)} ms including process start-up`);
    expect(results).toHaveLength(200);
    expect(new Set(results.map((r) => r.id)).size).toBe(200);
    const store = await openSqliteAuditStore({ file });
    for (const { id, marker } of results) {
      expect((await store.get(id))?.snapshot.report.findings[0]?.message).toBe(marker);
    }
    await store.close();
  }, 60_000);
});
