import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import type { Connection } from "@/lib/aws/connections/connection";
import { getAuditStore, openAuditStore } from "@/lib/share/open-audit-store";
import { SqliteDriver } from "@/lib/share/sqlite-driver";
import { cacheKeyFor } from "./audit-cache";
import { openConnectionById } from "./connection";
import { runLiveProbe, planLiveProbe, type ProbeRequest } from "./probe";
import { recentProbe } from "./probe-store";

const REGION = "us-east-1";
const IDENTITIES = ["allow-ann-4f1c9e", "allow-bob-7d2a0b"];

/** Forgets the process's store, as a restart of the app would (the database file stays). */
async function restartStore(): Promise<void> {
  await (await getAuditStore()).close();
  (globalThis as { __preflightAuditStore?: unknown }).__preflightAuditStore = undefined;
}

describe("the last probe, kept in the audit store (emulator, SQLite file)", () => {
  let emulator: Emulator;
  let dataDir: string;
  let demo: Connection;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "preflight-probe-store-"));
    vi.stubEnv("PREFLIGHT_DATA_DIR", dataDir);
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
    const opened = await openConnectionById("demo");
    if (!opened.ok) throw new Error(opened.error.message);
    demo = opened.connection;
  }, 60_000);
  afterAll(async () => {
    await (await getAuditStore()).close();
    await emulator?.close();
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a probe run with test identities is seen by another instance and after a restart; the identities are nowhere in the database", async () => {
    const request: ProbeRequest = {
      connection: "demo",
      region: REGION,
      apiId: STOREFRONT_API_ID,
      stage: "prod",
      options: { repeat: 2, spacingMs: 10, actual: true, identities: IDENTITIES, origins: ["https://shop.example.com"] },
    };
    const planned = await planLiveProbe(request);
    if (!planned.ok) throw new Error(JSON.stringify(planned));
    const ran = await runLiveProbe(request, planned.budget.requests);
    if (!ran.ok) throw new Error(JSON.stringify(ran));
    expect(ran.probe.identities).toBe(2);

    // Another app instance on the same database (its own store handle) serves it.
    const otherInstance = await openAuditStore();
    const seen = await otherInstance.probes.latest(cacheKeyFor(demo, REGION, STOREFRONT_API_ID));
    await otherInstance.close();
    expect(seen?.probe).toEqual(ran.probe);

    await restartStore();
    const afterRestart = await recentProbe(demo, REGION, STOREFRONT_API_ID);
    expect(afterRestart?.startedAt).toBe(ran.probe.startedAt);
    expect(afterRestart?.checks.length).toBe(planned.budget.checks);
    expect(await recentProbe(demo, REGION, STOREFRONT_API_ID, "prod")).toEqual(afterRestart);
    expect(await recentProbe(demo, REGION, STOREFRONT_API_ID, "dev")).toBeUndefined();

    // The demo's emulator on another port is another control plane: not the same API.
    expect(await recentProbe({ ...demo, endpoint: "http://127.0.0.1:1" }, REGION, STOREFRONT_API_ID)).toBeUndefined();

    const sql = SqliteDriver.open(join(dataDir, "audits.sqlite"));
    const raw = JSON.stringify(await sql.query("SELECT * FROM recent_probes"));
    const keys = JSON.stringify(await sql.query("SELECT probe_key, api_key FROM recent_probes"));
    await sql.close();
    expect(raw).toContain(ran.probe.startedAt);
    for (const identity of IDENTITIES) expect(raw).not.toContain(identity);
    // Keys are hashes: neither the connection id nor its endpoint is a column value.
    expect(keys).not.toContain("demo");
    expect(keys).not.toContain(emulator.url);
  }, 60_000);
});
