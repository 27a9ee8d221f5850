import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { findStoredAudit } from "@/app/_server/share";
import { probeStage, type ProbeState } from "./probe";
import { shareAudit } from "./share";

/** The probe action below the browser: real reader and data plane (the emulator), real store for Share. */
let emulator: Emulator;
let dataDir: string;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const storefront = {
  connection: "demo",
  region: "us-east-1",
  apiId: STOREFRONT_API_ID,
  stage: "prod",
  repeat: "2",
  origins: "https://shop.example.com",
};
const idle: ProbeState = { status: "idle" };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), "preflight-probe-actions-"));
  process.env.PREFLIGHT_DATA_DIR = dataDir;
  process.env.PREFLIGHT_DEMO_ENDPOINT = emulator.url;
});

afterAll(async () => {
  await (await getAuditStore()).close();
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("probeStage", () => {
  it("plans without sending, runs only the confirmed budget, and keeps the probe with the shared audit", async () => {
    // The probe sends with fetch (the AWS SDK reads with node:http): planning must not call it.
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const planned = await probeStage(idle, form({ ...storefront, intent: "plan" }));
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    if (planned.status !== "planned") throw new Error(JSON.stringify(planned));
    expect(planned.budget.requests).toBe(planned.budget.checks * 2);
    expect(planned.summary).toContain(`${emulator.url}/restapis/${STOREFRONT_API_ID}/prod/_user_request_`);

    const wrong = await probeStage(idle, form({ ...storefront, intent: "run", confirmRequests: String(planned.budget.requests + 1) }));
    expect(wrong).toMatchObject({ status: "refused", message: expect.stringContaining("review it again") });
    expect(await probeStage(idle, form({ ...storefront, intent: "run" }))).toMatchObject({ status: "invalid" });

    const ran = await probeStage(idle, form({ ...storefront, intent: "run", confirmRequests: String(planned.budget.requests) }));
    if (ran.status !== "done") throw new Error(JSON.stringify(ran));
    expect(ran.probe.sent).toBe(planned.budget.requests);

    const shared = await shareAudit(
      { status: "idle" },
      form({ connection: "demo", region: "us-east-1", apiId: STOREFRONT_API_ID, expiry: "never" }),
    );
    if (shared.status !== "shared") throw new Error(JSON.stringify(shared));
    const stored = await findStoredAudit(shared.id);
    expect(stored?.snapshot.report.probe?.startedAt).toBe(ran.probe.startedAt);
  });

  it("validates its input: no foreign target can be named, only origins, stage and counts", async () => {
    expect(await probeStage(idle, form({ ...storefront, intent: "plan", origins: "https://evil.example.com/x" }))).toMatchObject({
      status: "invalid",
    });
    expect(await probeStage(idle, form({ ...storefront, intent: "plan", stage: "../x" }))).toMatchObject({ status: "invalid" });
    expect(await probeStage(idle, form({ ...storefront, intent: "plan", repeat: "500" }))).toMatchObject({ status: "invalid" });
    expect(await probeStage(idle, form({ ...storefront, intent: "plan", stage: "nope" }))).toMatchObject({ status: "refused" });
  });
});
