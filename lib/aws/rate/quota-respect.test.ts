import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, seedManyApis, type Emulator } from "@/lib/emulator";
import { readLiveApi } from "@/lib/aws/reader/live-reader";
import { emulatorConnection } from "@/lib/aws/testing/emulator-connection";
import { AccountLimiter } from "@/lib/aws/rate/account-limiter";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: false, quotas: true });
});
afterAll(async () => emu.close());

describe("client-side quota", () => {
  it("reads 12 APIs at once through one limiter without a single 429", async () => {
    const ids = seedManyApis(emu.store, { count: 12, resourcesPerApi: 3 });
    const limiter = new AccountLimiter();
    const connection = emulatorConnection(emu.url);
    const results = await Promise.all(ids.map((id) => readLiveApi(connection, "us-east-1", id, { limiter })));
    expect(results.every((r) => r.result.ok)).toBe(true);
    const log = emu.requestLog.entries();
    // 12 × (GetRestApi, GetResources, GetAuthorizers, GetStages, GetGatewayResponses, GetDeployment) = 72 calls > burst 40.
    expect(log).toHaveLength(72);
    expect(log.filter((e) => e.status === 429)).toEqual([]);
    expect(results.reduce((n, r) => n + r.stats.retries, 0)).toBe(0);
    // GetResources: 12 calls, 5 in a burst then 2.5/s → at least (12-5)/2.5 = 2.8 s from first to last.
    const gr = log.filter((e) => e.operation === "GetResources").map((e) => e.time);
    expect(Math.max(...gr) - Math.min(...gr)).toBeGreaterThanOrEqual(2_700);
  });
});
