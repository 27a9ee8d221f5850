import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { GET as countsRoute } from "@/app/api/inventory/[connection]/[region]/counts/route";
import { GET as sweepRoute } from "@/app/api/sweep/route";
import { countsPath, sweepApiPath } from "@/app/actions/paths";

/** The counts and sweep routes share one allow-list door: the same refusal, status and code, before any AWS call. */
const counts = (connection: string, region: string) =>
  countsRoute(new Request(`http://127.0.0.1${countsPath(connection, region, [STOREFRONT_API_ID])}`), {
    params: Promise.resolve({ connection: encodeURIComponent(connection), region }),
  });
const sweep = (connections: string[], regions: string[]) =>
  sweepRoute(new Request(`http://127.0.0.1${sweepApiPath(connections, regions)}`));

async function refusal(response: Response): Promise<{ status: number; code: unknown }> {
  const body = (await response.json()) as { code?: unknown };
  return { status: response.status, code: body.code };
}

describe("the allow-list refusal of the counts and sweep routes", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    vi.stubEnv("PREFLIGHT_DATA_DIR", mkdtempSync(join(tmpdir(), "preflight-route-guard-")));
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
    vi.stubEnv("PREFLIGHT_ALLOWED_CONNECTIONS", "demo");
    vi.stubEnv("PREFLIGHT_ALLOWED_REGIONS", "us-east-1");
  }, 60_000);
  beforeEach(() => emulator.requestLog.clear());
  afterAll(async () => {
    await (await getAuditStore()).close();
    await emulator?.close();
    vi.unstubAllEnvs();
  });

  it("refuses a region the allow-list does not name with 403 on both routes", async () => {
    const expected = { status: 403, code: "connection:not-allowed" };
    expect(await refusal(await counts("demo", "eu-west-1"))).toEqual(expected);
    expect(await refusal(await sweep(["demo"], ["eu-west-1"]))).toEqual(expected);
    expect(emulator.requestLog.entries()).toEqual([]);
  });

  it("refuses a connection the allow-list does not name with 403 on both routes, even beside an allowed one", async () => {
    const expected = { status: 403, code: "connection:not-allowed" };
    expect(await refusal(await counts("env", "us-east-1"))).toEqual(expected);
    expect(await refusal(await sweep(["demo", "profile:ops"], ["us-east-1"]))).toEqual(expected);
    expect(emulator.requestLog.entries()).toEqual([]);
  });

  it("lets what the allow-list names through", async () => {
    expect((await counts("demo", "us-east-1")).status).toBe(200);
    expect((await sweep(["demo"], ["us-east-1"])).status).toBe(200);
  });
});
