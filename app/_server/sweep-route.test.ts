import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatConnectionId } from "@/lib/aws/connections/connection-id";
import { PREFLIGHT_AUDIT_EXTERNAL_ID, PREFLIGHT_AUDIT_ROLE_ARN, SECOND_ACCOUNT_ID, startEmulator, type Emulator } from "@/lib/emulator";
import { seedHealthy } from "@/lib/emulator/seeds";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { GET as sweepRoute } from "@/app/api/sweep/route";
import { sweepApiPath } from "@/app/actions/paths";
import type { SweepLine } from "@/app/actions/types";
import { loadReport } from "./audit";

const SECOND = formatConnectionId({ kind: "demo", role: { roleArn: PREFLIGHT_AUDIT_ROLE_ARN, externalId: PREFLIGHT_AUDIT_EXTERNAL_ID } });

describe("/api/sweep (emulator request log)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    vi.stubEnv("PREFLIGHT_DATA_DIR", mkdtempSync(join(tmpdir(), "preflight-sweep-")));
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
    seedHealthy(emulator.store.scope(SECOND_ACCOUNT_ID, "us-east-1"));
  }, 60_000);
  afterAll(async () => {
    await (await getAuditStore()).close();
    await emulator?.close();
    vi.unstubAllEnvs();
  });

  it("streams each account's regions and APIs, and fills the read-once cache", async () => {
    const response = await sweepRoute(new Request(`http://127.0.0.1${sweepApiPath(["demo", SECOND], ["us-east-1"])}`));
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as SweepLine);
    const regions = lines.filter((line) => line.kind === "region");
    expect(regions.map((line) => line.connection).sort()).toEqual(["demo", SECOND].sort());
    const apis = lines.filter((line) => line.kind === "api");
    expect(apis.filter((line) => line.connection === "demo" && line.ok)).toHaveLength(5);
    expect(apis.filter((line) => line.connection === SECOND && line.ok)).toHaveLength(1);
    // No report body on the wire: counts only.
    expect(JSON.stringify(lines)).not.toContain('"model"');

    const reads = emulator.requestLog.count("GetRestApi");
    const page = await loadReport(SECOND, "us-east-1", "healthy001");
    expect(page.ok && page.fromCache).toBe(true);
    expect(emulator.requestLog.count("GetRestApi")).toBe(reads);
  });

  it("refuses no connection, too many, or a bad region before any AWS call", async () => {
    emulator.requestLog.clear();
    const call = (path: string) => sweepRoute(new Request(`http://127.0.0.1${path}`));
    expect((await call("/api/sweep")).status).toBe(400);
    expect((await call(sweepApiPath(Array.from({ length: 11 }, (_, i) => `profile:p${i}`)))).status).toBe(400);
    expect((await call(sweepApiPath(["demo"], ["mars-1"]))).status).toBe(400);
    expect(emulator.requestLog.entries()).toEqual([]);
  });
});
