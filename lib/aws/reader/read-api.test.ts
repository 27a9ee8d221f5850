import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, STOREFRONT_API_ID, HEALTHY_API_ID, generateLargeApi, type Emulator } from "@/lib/emulator";
import { readLiveApi } from "@/lib/aws/reader/live-reader";
import { emulatorConnection, fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { normalizeApi } from "@/lib/model/normalize";
import { AccessDeniedError, NetworkError, NotFoundError, ThrottledError, InvalidRegionError } from "@/lib/aws/errors/aws-errors";
import { DENIED_ACCOUNT_ID } from "@/lib/emulator";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, defaultPageSize: 3 });
});
afterAll(async () => emu.close());
afterEach(() => emu.reset());

async function read(apiId: string, opts: Parameters<typeof fastLiveOptions>[0] = {}, key?: string) {
  return readLiveApi(emulatorConnection(emu.url, key), "us-east-1", apiId, fastLiveOptions(opts));
}

describe("readApi against the emulator (real SDK)", () => {
  it("reads the storefront in ⌈R/500⌉ + 4 + D + C calls: one GetExport per deployment stages serve, one GetDeployment per canary-only deployment", async () => {
    const { result, stats } = await read(STOREFRONT_API_ID);
    if (!result.ok) throw result.error;
    const snapshot = result.snapshot;
    const resources = snapshot.resources?.length ?? 0;
    const deployments = new Set(snapshot.stages?.map((s) => s.deploymentId)).size;
    const canaryOnly = new Set(
      snapshot.stages
        ?.map((s) => s.canarySettings?.deploymentId)
        .filter((id) => id && !snapshot.stages?.some((t) => t.deploymentId === id)),
    ).size;
    expect(resources).toBeGreaterThan(5);
    expect(deployments).toBe(2);
    expect(canaryOnly).toBe(1);
    expect(stats.totalCalls).toBe(Math.ceil(resources / 500) + 4 + deployments + canaryOnly);
    expect(stats.calls()).toEqual({
      GetAuthorizers: 1,
      GetDeployment: 1,
      GetExport: 2,
      GetGatewayResponses: 1,
      GetResources: 1,
      GetRestApi: 1,
      GetStages: 1,
    });
    // Exports ask for OpenAPI 3 with the apigateway extensions; each stage's deployment is the exported one.
    const exports = emu.requestLog.entries().filter((e) => e.operation === "GetExport");
    expect(exports.map((e) => e.path).sort()).toEqual([
      `/restapis/${STOREFRONT_API_ID}/stages/dev/exports/oas30`,
      `/restapis/${STOREFRONT_API_ID}/stages/prod/exports/oas30`,
    ]);
    expect(exports.every((e) => e.query.includes("extensions=apigateway"))).toBe(true);
    expect(snapshot.deployments.sfdeploy01?.served?.source).toBe("export");
    expect(snapshot.deployments.sfdeploy03?.served?.source).toBe("apisummary");
    const log = emu.requestLog.entries();
    expect(log).toHaveLength(stats.totalCalls);
    expect(new Set(log.map((e) => e.method))).toEqual(new Set(["GET"]));
    const getResources = log.find((e) => e.operation === "GetResources");
    expect(getResources?.query).toContain("embed=methods");
    expect(getResources?.query).toContain("limit=500");
    expect(log.filter((e) => e.operation === "GetDeployment").every((e) => e.query.includes("embed=apisummary"))).toBe(true);
    expect(log.some((e) => e.operation === "GetMethod")).toBe(false);
  });

  it("embeds full methods: integrations, integration responses and method responses arrive in GetResources", async () => {
    const { result } = await read(HEALTHY_API_ID);
    if (!result.ok) throw result.error;
    const { model } = normalizeApi(result.snapshot);
    const options = model.resources.flatMap((r) => r.methods).filter((m) => m.httpMethod === "OPTIONS");
    expect(options.length).toBeGreaterThan(0);
    for (const m of options) {
      expect(m.integration?.type).toBe("MOCK");
      const params = m.integration?.integrationResponses[0]?.responseParameters ?? {};
      expect(Object.keys(params)).toContain("method.response.header.Access-Control-Allow-Origin");
      expect(m.methodResponses.length).toBeGreaterThan(0);
      // Response mapping templates arrive too (rules read $context.responseOverride.header.* from them).
      expect(Object.keys(m.integration?.integrationResponses[0]?.responseTemplates ?? {})).toEqual(["application/json"]);
    }
  });

  it("follows every page with tiny pages and builds the same model", async () => {
    const big = await read(STOREFRONT_API_ID);
    emu.requestLog.clear();
    const tiny = await read(STOREFRONT_API_ID, { pageSize: 2 });
    if (!big.result.ok || !tiny.result.ok) throw new Error("read failed");
    const resources = tiny.result.snapshot.resources?.length ?? 0;
    expect(tiny.stats.calls().GetResources).toBe(Math.ceil(resources / 2));
    expect(tiny.stats.calls().GetAuthorizers).toBe(Math.ceil((tiny.result.snapshot.authorizers?.length ?? 0) / 2) || 1);
    expect(normalizeApi(tiny.result.snapshot).model).toEqual(normalizeApi(big.result.snapshot).model);
  });

  it("normalizes the storefront: drift on prod, redacted variables, complete gateway responses, effective TTL", async () => {
    const { result } = await read(STOREFRONT_API_ID);
    if (!result.ok) throw result.error;
    const { model, warnings } = normalizeApi(result.snapshot);
    expect(warnings).toEqual([]);
    const prod = model.stages.find((s) => s.name === "prod");
    expect(prod?.drift).toContainEqual({
      kind: "authorizationType",
      path: "/orders/{id}",
      httpMethod: "OPTIONS",
      deployed: "CUSTOM",
      current: "NONE",
    });
    // The undeployed CORS fix on GET /account, per setting, on both stages; dev has nothing else.
    const accountFix = [
      {
        kind: "setting",
        path: "/account",
        httpMethod: "GET",
        setting: "integration response 200 header Access-Control-Allow-Origin",
        deployed: "(none)",
        current: "'*'",
      },
      {
        kind: "setting",
        path: "/account",
        httpMethod: "GET",
        setting: "method response 200 header Access-Control-Allow-Origin",
        deployed: "(none)",
        current: "declared",
      },
    ];
    expect(model.stages.find((s) => s.name === "dev")?.drift).toEqual(accountFix);
    for (const item of accountFix) expect(prod?.drift).toContainEqual(item);
    expect(prod?.drift.filter((d) => d.kind === "setting")).toHaveLength(2);
    // prod's canary is known from its summary: 10 %, and it requires an API key on OPTIONS /account.
    expect(prod?.canary).toMatchObject({ deploymentId: "sfdeploy03", percentTraffic: 10 });
    expect(prod?.canary?.drift).toContainEqual({
      kind: "apiKeyRequired",
      path: "/account",
      httpMethod: "OPTIONS",
      deployed: true,
      current: false,
    });
    expect(model.gatewayResponses).toHaveLength(21);
    expect(model.authorizers.find((a) => a.name === "storefront-token")).toMatchObject({ effectiveTtlSeconds: 300 });
    expect(model.authorizers.find((a) => a.name === "storefront-token")?.configuredTtlSeconds).toBeUndefined();
    // Stage variable values never leave lib/aws.
    const stageState = emu.store.scope().state.restApis.get(STOREFRONT_API_ID)?.stages.get("prod");
    const values = Object.values(stageState?.variables ?? {});
    expect(values.length).toBeGreaterThan(0);
    const json = JSON.stringify(result.snapshot);
    for (const value of values) expect(json).not.toContain(value);
    expect(prod?.variableNames.length).toBe(values.length);
  });
});

describe("partial reads", () => {
  it("goes on without gateway responses when GetGatewayResponses is denied", async () => {
    emu.faults.add({ operation: "GetGatewayResponses", kind: "AccessDenied" });
    const { result } = await read(STOREFRONT_API_ID);
    if (!result.ok) throw result.error;
    expect(result.snapshot.gatewayResponses).toBeUndefined();
    expect(result.snapshot.missing).toHaveLength(1);
    expect(result.snapshot.missing[0]).toMatchObject({ part: "gatewayResponses", operation: "GetGatewayResponses" });
    expect(result.snapshot.missing[0]?.reason).toContain("apigateway:GET");
    expect(result.snapshot.missing[0]?.reason).toContain(`arn:aws:apigateway:us-east-1::/restapis/${STOREFRONT_API_ID}/gatewayresponses`);
    expect(result.snapshot.resources?.length).toBeGreaterThan(0);
  });

  it("falls back to the API summary when an export fails, and says the rest is the draft's", async () => {
    emu.faults.add({ operation: "GetExport", kind: "AccessDenied", times: 1 });
    const { result, stats } = await read(STOREFRONT_API_ID);
    if (!result.ok) throw result.error;
    expect(stats.calls()).toMatchObject({ GetExport: 2, GetDeployment: 2 });
    expect(result.snapshot.missing).toHaveLength(1);
    expect(result.snapshot.missing[0]).toMatchObject({ part: "deployments", operation: "GetExport" });
    expect(result.snapshot.missing[0]?.detail).toMatch(/stage (prod|dev): only the API summary of deployment sfdeploy0[12] was read/);
    const sources = Object.values(result.snapshot.deployments).map((d) => d.served?.source);
    expect(sources.sort()).toEqual(["apisummary", "apisummary", "export"]);
  });

  it("lists a deployment whose export and summary both failed with the stage it belongs to", async () => {
    emu.faults.add({ operation: "GetExport", kind: "AccessDenied", times: 1 });
    emu.faults.add({ operation: "GetDeployment", kind: "AccessDenied", times: 2 });
    const { result } = await read(STOREFRONT_API_ID);
    if (!result.ok) throw result.error;
    const deployments = result.snapshot.missing.filter((m) => m.operation === "GetDeployment");
    expect(deployments.map((m) => m.detail).join(" | ")).toMatch(/deployment sfdeploy0[123] of stage (prod|dev)/);
    expect(Object.keys(result.snapshot.deployments)).toHaveLength(3 - deployments.length);
  });
});

describe("errors", () => {
  it("names an unknown API id", async () => {
    const { result } = await read("nosuchapi1");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(NotFoundError.is(result.error)).toBe(true);
    expect(result.error.code).toBe("api:not-found");
    expect(result.error.message).toContain("nosuchapi1");
    expect(result.error.operation).toBe("GetRestApi");
  });

  it("says which IAM action and resource ARN are missing when access is denied", async () => {
    const { result } = await read(STOREFRONT_API_ID, {}, "AKIAEMULATORDENIED01");
    if (result.ok) throw new Error("expected denial");
    expect(AccessDeniedError.is(result.error)).toBe(true);
    if (!AccessDeniedError.is(result.error)) return;
    expect(result.error.iamAction).toBe("apigateway:GET");
    expect(result.error.resourceArn).toBe(`arn:aws:apigateway:us-east-1::/restapis/${STOREFRONT_API_ID}`);
    expect(result.error.message).not.toContain("AKIAEMULATORDENIED01");
    expect(emu.requestLog.entries().every((e) => e.accountId === DENIED_ACCOUNT_ID)).toBe(true);
  });

  it("retries throttling and 5xx with backoff, counting retries", async () => {
    emu.faults.add({ operation: "GetStages", kind: "Throttle", times: 2 });
    emu.faults.add({ operation: "GetAuthorizers", kind: "InternalError", times: 1 });
    emu.faults.add({ operation: "GetRestApi", kind: "Drop", times: 1 });
    const { result, stats } = await read(STOREFRONT_API_ID);
    if (!result.ok) throw result.error;
    expect(result.snapshot.missing).toEqual([]);
    expect(stats.retries).toBe(4);
    expect(stats.calls().GetStages).toBe(1);
    expect(emu.requestLog.count("GetStages")).toBe(3);
  });

  it("gives up on throttling after the capped attempts with a typed error", async () => {
    emu.faults.add({ operation: "GetRestApi", kind: "Throttle" });
    const { result, stats } = await read(STOREFRONT_API_ID);
    if (result.ok) throw new Error("expected throttling");
    expect(ThrottledError.is(result.error)).toBe(true);
    expect(result.error.message).toContain("GetRestApi");
    expect(stats.retries).toBeGreaterThanOrEqual(3);
    expect(emu.requestLog.count("GetRestApi")).toBe(4);
  });

  it("times out a slow endpoint", async () => {
    emu.faults.add({ operation: "GetRestApi", kind: "Slow", delayMs: 2_000 });
    const { result } = await read(STOREFRONT_API_ID, { requestTimeoutMs: 200, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    if (result.ok) throw new Error("expected timeout");
    expect(NetworkError.is(result.error)).toBe(true);
    expect(result.error.code).toBe("network:timeout");
    expect(result.error.operation).toBe("GetRestApi");
  });

  it("reports an unreachable endpoint", async () => {
    const closed = await startEmulator({ port: 0, seed: false });
    await closed.close();
    const { result } = await readLiveApi(emulatorConnection(closed.url), "us-east-1", STOREFRONT_API_ID, fastLiveOptions());
    if (result.ok) throw new Error("expected failure");
    expect(result.error.code).toBe("network:unreachable");
    expect(result.error.hint).toContain("running");
  });

  it("rejects a malformed region before any call", async () => {
    const { result } = await readLiveApi(emulatorConnection(emu.url), "Not A Region", STOREFRONT_API_ID, fastLiveOptions());
    if (result.ok) throw new Error("expected failure");
    expect(InvalidRegionError.is(result.error)).toBe(true);
    expect(emu.requestLog.entries()).toHaveLength(0);
  });
});

describe("routing", () => {
  it("reads an API in another region and account, and only there", async () => {
    const apiId = generateLargeApi(emu.store, { resources: 3, accountId: "210987654321", region: "eu-west-1" });
    const second = await readLiveApi(emulatorConnection(emu.url, "AKIAEMULATORSECOND01"), "eu-west-1", apiId, fastLiveOptions());
    expect(second.result.ok).toBe(true);
    const wrongRegion = await readLiveApi(emulatorConnection(emu.url, "AKIAEMULATORSECOND01"), "us-east-1", apiId, fastLiveOptions());
    expect(wrongRegion.result.ok).toBe(false);
    const wrongAccount = await readLiveApi(emulatorConnection(emu.url), "eu-west-1", apiId, fastLiveOptions());
    expect(wrongAccount.result.ok).toBe(false);
    const log = emu.requestLog.entries();
    expect(log.filter((e) => e.region === "eu-west-1" && e.accountId === "210987654321")).toHaveLength(second.stats.totalCalls);
    expect(log.filter((e) => e.region === "eu-west-1" && e.accountId === "123456789012" && e.status === 404).length).toBeGreaterThan(0);
  });
});
