import {
  APIGatewayClient,
  CreateDeploymentCommand,
  GetResourcesCommand,
  UpdateIntegrationResponseCommand,
  UpdateMethodCommand,
  UpdateMethodResponseCommand,
} from "@aws-sdk/client-api-gateway";
import { chromium, type Browser, type Page } from "@playwright/test";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../index";
import { STOREFRONT_API_ID } from "../seeds/storefront";
import {
  browserFetch as fetchFromPage,
  closeServer,
  listen,
  pageServer,
  recordingProxy,
  type Exchange,
  type FetchOutcome,
} from "../testing/browser-harness";

/**
 * The real browser case: a page on another origin calls a storefront method with an Authorization
 * header, so Chromium sends a CORS preflight. On the seeded storefront that preflight is rejected by
 * API Gateway (OPTIONS behind an authorizer / an API key), fetch() rejects with a TypeError exactly as
 * it does against AWS, and fixing OPTIONS through the real SDK + redeploying makes it succeed.
 */

function browserFetch(page: Page, url: string): Promise<FetchOutcome> {
  return fetchFromPage(page, url, { Authorization: "allow-alice" });
}

let emulator: Emulator;
let browser: Browser;
let page: Page;
let apiBase: string;
const servers: Server[] = [];
const exchanges: Exchange[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const proxy = recordingProxy(emulator.url, exchanges);
  const site = pageServer();
  servers.push(proxy, site);
  apiBase = `${await listen(proxy)}/restapis/${STOREFRONT_API_ID}/prod/_user_request_`;
  const siteUrl = await listen(site);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  page = await browser.newPage();
  await page.goto(siteUrl);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map(closeServer));
  await emulator?.close();
});

describe("browser CORS preflight against the emulator", () => {
  it.each([
    ["/products", 401, "OPTIONS behind the TOKEN authorizer"],
    ["/orders", 403, "OPTIONS with apiKeyRequired"],
  ])(
    "rejects fetch(%s) with a TypeError because the preflight gets %i (%s)",
    async (path, status) => {
      exchanges.length = 0;
      const outcome = await browserFetch(page, `${apiBase}${path}`);
      expect(outcome).toMatchObject({ ok: false, name: "TypeError" });
      expect(exchanges).toEqual([{ method: "OPTIONS", path: `/restapis/${STOREFRONT_API_ID}/prod/_user_request_${path}`, status }]);
    },
    30_000,
  );

  it("succeeds once OPTIONS is NONE and GET maps Access-Control-Allow-Origin, deployed through the SDK", async () => {
    const client = new APIGatewayClient({
      endpoint: emulator.url,
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    });
    const restApiId = STOREFRONT_API_ID;
    const { items = [] } = await client.send(new GetResourcesCommand({ restApiId, limit: 500 }));
    const resourceId = items.find((resource) => resource.path === "/products")?.id;
    expect(resourceId).toBeDefined();

    await client.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId,
        httpMethod: "OPTIONS",
        patchOperations: [{ op: "replace", path: "/authorizationType", value: "NONE" }],
      }),
    );
    // API Gateway only returns headers the method response declares, so declare it, then map it.
    const header = "/responseParameters/method.response.header.Access-Control-Allow-Origin";
    const target = { restApiId, resourceId, httpMethod: "GET", statusCode: "200" };
    await client.send(new UpdateMethodResponseCommand({ ...target, patchOperations: [{ op: "add", path: header, value: "false" }] }));
    await client.send(new UpdateIntegrationResponseCommand({ ...target, patchOperations: [{ op: "add", path: header, value: "'*'" }] }));

    // Still broken until deployed: the stage serves its deployment, not the draft.
    exchanges.length = 0;
    expect(await browserFetch(page, `${apiBase}/products`)).toMatchObject({ ok: false, name: "TypeError" });

    await client.send(new CreateDeploymentCommand({ restApiId, stageName: "prod", description: "OPTIONS /products without authorizer" }));
    exchanges.length = 0;
    const outcome = await browserFetch(page, `${apiBase}/products`);
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse((outcome as { body: string }).body)).toHaveProperty("products");
    expect(exchanges.map((e) => `${e.method} ${e.status}`)).toEqual(["OPTIONS 200", "GET 200"]);
  }, 30_000);
});
