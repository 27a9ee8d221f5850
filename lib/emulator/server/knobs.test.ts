import {
  APIGatewayServiceException,
  GetGatewayResponsesCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  TooManyRequestsException,
  UnauthorizedException,
} from "@aws-sdk/client-api-gateway";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../index";
import { STOREFRONT_API_ID } from "../seeds/storefront";
import { emulatorClient } from "../testing/sdk-client";

// The SDK models no AccessDeniedException for API Gateway: it surfaces as a service exception named so.
const ACCESS_DENIED = { name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } };

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("realism knobs", () => {
  it("enforces GetResources' 5-per-2-seconds quota with 429 and Retry-After", async () => {
    emulator = await startEmulator({ quotas: true });
    const client = emulatorClient(emulator.url);
    for (let index = 0; index < 5; index += 1) await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID }));
    const error = await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect((error as TooManyRequestsException).retryAfterSeconds).toBe("1");
    // Other operations still have budget in the account-wide bucket.
    await expect(client.send(new GetRestApisCommand({}))).resolves.toBeDefined();
  });

  it("enforces the account-wide burst of 40", async () => {
    emulator = await startEmulator({ quotas: true });
    const client = emulatorClient(emulator.url);
    const results = await Promise.allSettled(Array.from({ length: 45 }, () => client.send(new GetRestApisCommand({}))));
    const throttled = results.filter((result) => result.status === "rejected" && result.reason instanceof TooManyRequestsException);
    expect(results.filter((result) => result.status === "fulfilled").length).toBeGreaterThanOrEqual(40);
    expect(throttled.length).toBeGreaterThanOrEqual(1);
  });

  it("does not throttle when quotas are off", async () => {
    emulator = await startEmulator({});
    const client = emulatorClient(emulator.url);
    for (let index = 0; index < 8; index += 1) await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID }));
    expect(emulator.requestLog.count("GetResources")).toBe(8);
  });

  it("injects faults by operation, count and account", async () => {
    emulator = await startEmulator({});
    const client = emulatorClient(emulator.url);
    emulator.faults.add({ operation: "GetGatewayResponses", kind: "AccessDenied", times: 1 });
    await expect(client.send(new GetGatewayResponsesCommand({ restApiId: STOREFRONT_API_ID }))).rejects.toMatchObject(ACCESS_DENIED);
    await expect(client.send(new GetGatewayResponsesCommand({ restApiId: STOREFRONT_API_ID }))).resolves.toBeDefined();

    emulator.faults.add({ operation: "GetRestApis", kind: "Unauthorized", accountId: "210987654321" });
    await expect(client.send(new GetRestApisCommand({}))).resolves.toBeDefined();
    await expect(
      emulatorClient(emulator.url, { accessKeyId: "AKIAEMULATORSECOND01" }).send(new GetRestApisCommand({})),
    ).rejects.toBeInstanceOf(UnauthorizedException);

    emulator.faults.clear();
    emulator.faults.add({ operation: "GetResources", kind: "InternalError", times: 1 });
    const internal = await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID })).catch((caught: unknown) => caught);
    expect(internal).toBeInstanceOf(APIGatewayServiceException);
    expect((internal as APIGatewayServiceException).$metadata.httpStatusCode).toBe(500);

    emulator.faults.add({ operation: "GetResources", kind: "Drop", times: 1 });
    await expect(client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID }))).rejects.toThrow();

    emulator.faults.add({ operation: "GetResources", kind: "Slow", delayMs: 300, times: 1 });
    const started = Date.now();
    await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("adds per-call latency", async () => {
    emulator = await startEmulator({ latencyMs: 150, seed: false });
    const client = emulatorClient(emulator.url);
    const started = Date.now();
    await client.send(new GetRestApisCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("exposes the request log, faults and reset over HTTP", async () => {
    emulator = await startEmulator({});
    const client = emulatorClient(emulator.url);
    await client.send(new GetRestApisCommand({}));
    await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID }));
    const log = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as {
      entries: { operation: string; path: string }[];
      counts: Record<string, number>;
    };
    expect(log.counts).toEqual({ GetRestApis: 1, GetResources: 1 });
    expect(log.entries[1]).toMatchObject({ operation: "GetResources", path: `/restapis/${STOREFRONT_API_ID}/resources` });
    expect((await fetch(`${emulator.url}/__emulator/requests`, { method: "DELETE" })).status).toBe(204);
    expect(emulator.requestLog.entries()).toEqual([]);

    const bad = await fetch(`${emulator.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "GetRestApis", kind: "Explode" }),
    });
    expect(bad.status).toBe(400);
    const added = await fetch(`${emulator.url}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "GetRestApis", kind: "AccessDenied", times: 1 }),
    });
    expect(added.status).toBe(201);
    await expect(client.send(new GetRestApisCommand({}))).rejects.toMatchObject(ACCESS_DENIED);

    await client.send(new GetRestApisCommand({})); // fault used up
    emulator.store.scope().state.restApis.clear();
    expect((await fetch(`${emulator.url}/__emulator/reset`, { method: "POST" })).status).toBe(204);
    expect((await client.send(new GetRestApisCommand({}))).items!.map((api) => api.id)).toEqual([
      STOREFRONT_API_ID,
      "healthy001",
      "proxy00001",
      "lproxy0001",
      "files00001",
    ]);
  });
});
