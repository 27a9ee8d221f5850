import { CreateBasePathMappingCommand, CreateDomainNameCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CallStats } from "@/lib/aws/client/call-stats";
import { emulatorConnection, fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { portFor } from "@/lib/aws/reader/live-reader";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { emulatorClient } from "@/lib/emulator/testing/sdk-client";
import { readStageDomains } from "./stage-domains";

let emulator: Emulator;
const DEMO_KEY = "AKIAPREFLIGHTDEMO000";

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const client = emulatorClient(emulator.url, { accessKeyId: DEMO_KEY });
  for (const domainName of ["api.shop.example.com", "dev.shop.example.com"])
    await client.send(
      new CreateDomainNameCommand({ domainName, regionalCertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" }),
    );
  await client.send(
    new CreateBasePathMappingCommand({ domainName: "api.shop.example.com", basePath: "shop", restApiId: STOREFRONT_API_ID, stage: "prod" }),
  );
  await client.send(new CreateBasePathMappingCommand({ domainName: "dev.shop.example.com", restApiId: STOREFRONT_API_ID, stage: "dev" }));
});
afterAll(async () => {
  await emulator?.close();
});

it("reads the custom domain names mapped to one stage, with GETs only", async () => {
  const stats = new CallStats();
  const port = portFor(emulatorConnection(emulator.url, DEMO_KEY), "us-east-1", fastLiveOptions({ stats }));
  emulator.requestLog.clear();
  expect(await readStageDomains(port, STOREFRONT_API_ID, "prod")).toEqual({
    domains: [{ domainName: "api.shop.example.com", basePath: "shop" }],
    truncated: false,
  });
  expect(await readStageDomains(port, STOREFRONT_API_ID, "dev")).toEqual({
    domains: [{ domainName: "dev.shop.example.com", basePath: "(none)" }],
    truncated: false,
  });
  // 1 GetDomainNames + 1 GetBasePathMappings per domain name, per read.
  expect(emulator.requestLog.counts()).toEqual({ GetDomainNames: 2, GetBasePathMappings: 4 });
  expect(emulator.requestLog.entries().every((entry) => entry.method === "GET")).toBe(true);
});
