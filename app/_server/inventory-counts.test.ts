import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { FILES_API_ID, HEALTHY_API_ID, LAMBDA_PROXY_API_ID, PROXY_API_ID, STOREFRONT_API_ID } from "@/lib/emulator/seeds";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { GET as countsRoute } from "@/app/api/inventory/[connection]/[region]/counts/route";
import { refreshInventoryCounts } from "@/app/actions/refresh";
import { countsPath } from "@/app/actions/paths";
import type { CountsOutcome } from "@/app/actions/types";
import { loadReport } from "./audit";
import { COUNT_CONCURRENCY } from "./inventory-counts";

const REGION = "us-east-1";
const ALL = [STOREFRONT_API_ID, HEALTHY_API_ID, PROXY_API_ID, LAMBDA_PROXY_API_ID, FILES_API_ID];

function call(ids: readonly string[], init: RequestInit = {}, connection = "demo", region = REGION) {
  const request = new Request(`http://127.0.0.1${countsPath(connection, region, ids)}`, init);
  return countsRoute(request, { params: Promise.resolve({ connection: encodeURIComponent(connection), region }) });
}

async function lines(response: Response): Promise<Map<string, CountsOutcome>> {
  const text = await response.text();
  const parsed = text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { apiId: string; outcome: CountsOutcome });
  return new Map(parsed.map(({ apiId, outcome }) => [apiId, outcome]));
}

async function untilLogged(emulator: Emulator, operation: string, count: number): Promise<void> {
  for (let i = 0; i < 500 && emulator.requestLog.count(operation) < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (emulator.requestLog.count(operation) < count) throw new Error(`${operation} was called fewer than ${count} times`);
}

describe("home page finding counts (emulator request log)", () => {
  let emulator: Emulator;

  beforeAll(async () => {
    vi.stubEnv("PREFLIGHT_DATA_DIR", mkdtempSync(join(tmpdir(), "preflight-counts-")));
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
  }, 60_000);
  beforeEach(() => {
    emulator.requestLog.clear();
    emulator.faults.clear();
  });
  afterAll(async () => {
    await (await getAuditStore()).close();
    await emulator?.close();
    vi.unstubAllEnvs();
  });

  it("reads each API once, then serves every later load from the cache, and so does the audit page", async () => {
    const first = await lines(await call(ALL));
    expect([...first.keys()].sort()).toEqual([...ALL].sort());
    for (const outcome of first.values()) expect(outcome.ok).toBe(true);
    expect(emulator.requestLog.count("GetRestApi")).toBe(ALL.length);
    const afterFirst = emulator.requestLog.counts();

    const second = await lines(await call(ALL));
    expect(second).toEqual(first);
    const page = await loadReport("demo", REGION, STOREFRONT_API_ID);
    expect(page.ok && page.fromCache).toBe(true);
    expect(emulator.requestLog.counts()).toEqual(afterFirst);
  });

  it("Refresh forgets the region, so the next load reads every API again", async () => {
    await lines(await call(ALL));
    const before = emulator.requestLog.count("GetRestApi");
    const refreshed = await refreshInventoryCounts("demo", [REGION]);
    expect(refreshed.ok).toBe(true);
    const again = await lines(await call(ALL));
    expect(again.size).toBe(ALL.length);
    expect(emulator.requestLog.count("GetRestApi")).toBe(before + ALL.length);
  });

  it("when the browser goes away, queued reads never start and running ones stop", async () => {
    await refreshInventoryCounts("demo", [REGION]);
    emulator.requestLog.clear();
    emulator.faults.add({ operation: "GetStages", kind: "Slow", delayMs: 1_500 });
    const browser = new AbortController();
    const response = await call(ALL, { signal: browser.signal });
    const reading = response.text().catch(() => "aborted");
    await untilLogged(emulator, "GetStages", COUNT_CONCURRENCY);
    browser.abort(new Error("tab closed"));
    await reading;
    // Past the slow answers: had the reads gone on, GetDeployment would follow each GetStages by now.
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect(ALL.length).toBeGreaterThan(COUNT_CONCURRENCY);
    expect(emulator.requestLog.count("GetRestApi")).toBe(COUNT_CONCURRENCY);
    expect(emulator.requestLog.count("GetDeployment")).toBe(0);
    // And nothing half-read was cached.
    emulator.faults.clear();
    const page = await loadReport("demo", REGION, STOREFRONT_API_ID);
    expect(page.ok && page.fromCache).toBe(false);
  });

  it("refuses malformed ids, regions and connections before any AWS call", async () => {
    expect((await call(["bad id!"])).status).toBe(400);
    expect((await call([])).status).toBe(400);
    expect((await call(ALL, {}, "demo", "not-a-region")).status).toBe(400);
    expect((await call(ALL, {}, "nonsense:::")).status).toBe(400);
    expect(emulator.requestLog.entries()).toEqual([]);
  });
});
