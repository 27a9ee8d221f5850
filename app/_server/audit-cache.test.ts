import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { HEALTHY_API_ID } from "@/lib/emulator/seeds/healthy";
import { PROXY_API_ID } from "@/lib/emulator/seeds/proxy";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import type { Connection } from "@/lib/aws/connections/connection";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { GET as liveExport } from "@/app/api/audit/[connection]/[region]/[apiId]/export/[format]/route";
import { GET as liveFix } from "@/app/api/audit/[connection]/[region]/[apiId]/fix/[file]/route";
import { refreshLiveAudit } from "@/app/actions/refresh";
import { loadAudit, loadReport } from "./audit";
import { cachedLiveReport } from "./audit-cache";
import { openConnectionById } from "./connection";
import { REPORT_FORMATS } from "./report-exports";
import { findStoredAudit, shareLiveAudit } from "./share";

const REGION = "us-east-1";
const request = new Request("http://127.0.0.1/download");
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

/** Waits (bounded) until the emulator has seen `operation` `count` times: synchronisation, not an assertion. */
async function untilLogged(emulator: Emulator, operation: string, count: number): Promise<void> {
  for (let i = 0; i < 500 && emulator.requestLog.count(operation) < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (emulator.requestLog.count(operation) < count) throw new Error(`${operation} was never called`);
}

describe("read-once audit cache (emulator request log)", () => {
  let emulator: Emulator;
  let demo: Connection;

  beforeAll(async () => {
    vi.stubEnv("PREFLIGHT_DATA_DIR", mkdtempSync(join(tmpdir(), "preflight-cache-")));
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
    const opened = await openConnectionById("demo");
    if (!opened.ok) throw new Error(opened.error.message);
    demo = opened.connection;
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

  it("the page, every export, the fix bundle and a share cost one read of the API", async () => {
    const page = await loadAudit("demo", REGION, STOREFRONT_API_ID);
    if (!page.ok) throw new Error(page.error.message);
    const afterPage = emulator.requestLog.counts();
    expect(afterPage.GetRestApi).toBe(1);
    expect(afterPage.GetResources).toBeGreaterThanOrEqual(1);

    for (const format of REPORT_FORMATS) {
      const response = await liveExport(request, params({ connection: "demo", region: REGION, apiId: STOREFRONT_API_ID, format }));
      expect(response.status, format).toBe(200);
    }
    const bundle = await liveFix(request, params({ connection: "demo", region: REGION, apiId: STOREFRONT_API_ID, file: "bundle" }));
    expect(bundle.status).toBe(200);
    const shared = await shareLiveAudit({ connection: "demo", region: REGION, apiId: STOREFRONT_API_ID, expiry: "never" });
    if (!shared.ok) throw new Error(shared.error.message);

    // Not one more control-plane call of any kind, and the share holds the read the page showed.
    expect(emulator.requestLog.counts()).toEqual(afterPage);
    expect(shared.readAt).toBe(page.report.readAt);
    expect((await findStoredAudit(shared.id))?.snapshot.report.readAt).toBe(page.report.readAt);
    expect(page.fromCache).toBe(false);
    const again = await loadAudit("demo", REGION, STOREFRONT_API_ID);
    expect(again.ok && again.fromCache).toBe(true);
    expect(emulator.requestLog.counts()).toEqual(afterPage);
  });

  it("Refresh reads the API again, and later exports use the new read", async () => {
    const before = await loadReport("demo", REGION, STOREFRONT_API_ID);
    if (!before.ok) throw new Error(before.error.message);
    const reads = emulator.requestLog.count("GetRestApi");

    const refreshed = await refreshLiveAudit("demo", REGION, STOREFRONT_API_ID);
    if (!refreshed.ok) throw new Error(refreshed.error.message);
    expect(emulator.requestLog.count("GetRestApi")).toBe(reads + 1);
    expect(refreshed.readAt >= before.report.readAt).toBe(true);

    const exported = await liveExport(request, params({ connection: "demo", region: REGION, apiId: STOREFRONT_API_ID, format: "json" }));
    const body = (await exported.json()) as { readAt: string };
    expect(body.readAt).toBe(refreshed.readAt);
    const page = await loadReport("demo", REGION, STOREFRONT_API_ID);
    expect(page.ok && page.fromCache).toBe(true);
    expect(emulator.requestLog.count("GetRestApi")).toBe(reads + 1);
  });

  it("a page and an export asked for at once share one read", async () => {
    const [page, exported] = await Promise.all([
      loadAudit("demo", REGION, HEALTHY_API_ID),
      liveExport(request, params({ connection: "demo", region: REGION, apiId: HEALTHY_API_ID, format: "csv" })),
    ]);
    expect(page.ok).toBe(true);
    expect(exported.status).toBe(200);
    expect(emulator.requestLog.count("GetRestApi")).toBe(1);
  });

  it("a background read nobody waits for any more stops making calls and caches nothing", async () => {
    // GetStages answers slowly, so the read is cancelled before it would export the stages' deployments.
    emulator.faults.add({ operation: "GetStages", kind: "Slow", delayMs: 1_500, times: 1 });
    const controller = new AbortController();
    const reading = cachedLiveReport(demo, REGION, PROXY_API_ID, { priority: "background", signal: controller.signal });
    await untilLogged(emulator, "GetStages", 1);
    controller.abort(new Error("the home page was closed"));
    await expect(reading).rejects.toThrow("the home page was closed");
    // Past the slow answer: had the read gone on, GetExport (the deployed snapshot) would follow GetStages by now.
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect(emulator.requestLog.count("GetExport")).toBe(0);

    // Nothing was cached: the next request reads the API (and this time completes the read).
    const page = await loadReport("demo", REGION, PROXY_API_ID);
    expect(page.ok && page.fromCache).toBe(false);
    expect(emulator.requestLog.count("GetRestApi")).toBe(2);
    expect(emulator.requestLog.count("GetExport")).toBeGreaterThanOrEqual(1);
  });

  it("a read another caller still waits for goes on when one caller leaves", async () => {
    await refreshLiveAudit("demo", REGION, HEALTHY_API_ID);
    emulator.requestLog.clear();
    emulator.faults.add({ operation: "GetStages", kind: "Slow", delayMs: 300, times: 1 });
    const leaving = new AbortController();
    const first = cachedLiveReport(demo, REGION, HEALTHY_API_ID, { refresh: true, signal: leaving.signal });
    const second = cachedLiveReport(demo, REGION, HEALTHY_API_ID, { refresh: true });
    await untilLogged(emulator, "GetStages", 1);
    leaving.abort(new Error("left"));
    await expect(first).rejects.toThrow("left");
    const kept = await second;
    expect(kept.ok).toBe(true);
    expect(emulator.requestLog.count("GetRestApi")).toBe(1);
    expect(emulator.requestLog.count("GetExport")).toBeGreaterThanOrEqual(1);
  });
});
