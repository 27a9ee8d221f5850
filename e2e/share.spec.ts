import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetStagesCommand,
  UpdateMethodCommand,
  UpdateStageCommand,
  type PatchOperation,
} from "@aws-sdk/client-api-gateway";
import { expect, test, type Page } from "@playwright/test";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { AuditPage } from "./pages/audit-page";
import { HomePage } from "./pages/home-page";
import { ComparePage, readRenderedAudit, SharePanel, StoredAuditPage } from "./pages/share-pages";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./support/servers";

const REGION = "us-east-1";
// The demo's documented fake keys (lib/aws/connections/credentials.ts): the emulator maps them to the seeds' account.
const DEMO_ACCESS_KEY_ID = "AKIAPREFLIGHTDEMO000";
const DEMO_SECRET = "preflight-demo-not-a-secret";

/** Every stage-variable value of the storefront seed, read from its source so a new one is covered too. */
function seedStageVariableValues(): string[] {
  const seed = readFileSync(path.resolve("lib/emulator/seeds/storefront.ts"), "utf8");
  const blocks = [...seed.matchAll(/variables: \{([^}]*)\}/g)].map((match) => match[1]!);
  return blocks.flatMap((block) => [...block.matchAll(/:\s*"([^"]+)"/g)].map((match) => match[1]!)).filter((value) => value.length >= 6);
}

async function shareStorefront(page: Page, expiry: "never" | "1d" | "7d" | "30d" = "never"): Promise<string> {
  await new AuditPage(page).open(STOREFRONT_API_ID);
  return new SharePanel(page).share(expiry);
}

const idOf = (link: string) => link.split("/").pop()!;

test("a shared storefront audit opens for someone without a connection, identical to the live page and without secrets", async ({
  page,
  browser,
  request,
}) => {
  const audit = new AuditPage(page);
  await audit.open(STOREFRONT_API_ID);
  const live = await readRenderedAudit(page);
  expect(Object.keys(live.cells).length).toBeGreaterThan(10);
  const link = await new SharePanel(page).share("7d");

  // A fresh browser context: no cookies, no connection chosen, nothing from the live page.
  const guest = await browser.newContext();
  try {
    const guestPage = await guest.newPage();
    const stored = new StoredAuditPage(guestPage);
    await stored.open(link);
    await expect(stored.banner).toContainText("123456789012");
    await expect(stored.banner).toContainText(REGION);
    await expect(stored.banner).toContainText(STOREFRONT_API_ID);
    await expect(stored.banner).toContainText("link expires");
    await expect(guestPage.getByTestId("read-live")).toHaveAttribute("href", `/audit/demo/${REGION}/${STOREFRONT_API_ID}`);
    expect(await readRenderedAudit(guestPage)).toEqual(live);
    await expect(stored.historyEntry(idOf(link))).toHaveAttribute("aria-current", "page");
    // Remediation renders from the stored model alone, as on the live page.
    await guestPage.goto(`${link}?stage=prod&cell=/products:OPTIONS`);
    const tabs = guestPage.getByTestId("detail-panel").getByTestId("remediation-tabs").first();
    await expect(tabs.getByTestId("remediation-panel")).toContainText("apigateway update-method");
    await guestPage.screenshot({ path: "test-output/screenshots/share-stored-audit.png", fullPage: true });

    // The server-rendered HTML (with its RSC payload) and the JSON download carry no stage-variable value or access key.
    const values = seedStageVariableValues();
    expect(values).toContain("sk_live_51HqLyjWDarjtT1zdp7dcXq0P");
    const html = await (await request.get(link)).text();
    const json = await (await request.get(`/api/audits/${idOf(link)}`)).text();
    expect(html).toContain("storefront");
    expect(json).toContain("paymentsApiKey");
    for (const body of [html, json, await guestPage.content()]) {
      for (const value of values) expect(body).not.toContain(value);
      expect(body).not.toMatch(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/);
      expect(body).not.toContain(DEMO_SECRET);
    }
  } finally {
    await guest.close();
  }
});

test("a shared audit can be deleted, after which its link is not found", async ({ page }) => {
  const link = await shareStorefront(page);
  const stored = new StoredAuditPage(page);
  await stored.open(link);
  await stored.delete();
  await expect(page.getByTestId("deleted-notice")).toContainText("deleted");
  // The page answers 404 itself, not a streamed 200 that then shows "not found".
  expect((await page.goto(link))?.status()).toBe(404);
  await expect(stored.notFound).toBeVisible();
  expect((await page.request.get(`/api/audits/${idOf(link)}`)).status()).toBe(404);
});

test("unknown and malformed ids show the not-found page with status 404; malformed percent-encoding is a 400", async ({
  page,
  request,
}) => {
  const stored = new StoredAuditPage(page);
  for (const id of ["QUFBQUFBQUFBQUFBQUFBQQ", "not-an-audit-id", "..%2F..%2Fetc%2Fpasswd"]) {
    expect((await page.goto(`/audits/${id}`))?.status(), id).toBe(404);
    await expect(stored.notFound).toBeVisible();
    expect((await request.get(`/api/audits/${id}`)).status()).toBe(404);
  }
  expect((await page.goto(`/audits/QUFBQUFBQUFBQUFBQUFBQQ/compare/QkJCQkJCQkJCQkJCQkJCQg`))?.status()).toBe(404);
  await expect(stored.notFound).toBeVisible();
  for (const path of ["/audits/%E0%A4%A", "/api/audits/%E0%A4%A", "/audit/demo/us-east-1/%E0%A4%A", "/rules/%ZZ"])
    expect((await request.get(path)).status(), path).toBe(400);
});

test("did our fix work: fix OPTIONS /account in the emulator, audit again, and the comparison shows it fixed", async ({
  page,
  browser,
}) => {
  const before = await shareStorefront(page);
  const seeded = await readRenderedAudit(page);

  const client = new APIGatewayClient({
    region: REGION,
    endpoint: E2E_EMULATOR_URL,
    credentials: { accessKeyId: DEMO_ACCESS_KEY_ID, secretAccessKey: DEMO_SECRET },
  });
  const resources = await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID, limit: 500 }));
  const account = resources.items?.find((resource) => resource.path === "/account");
  expect(account?.id).toBeDefined();
  const resourceId = account!.id!;
  const original = await client.send(new GetMethodCommand({ restApiId: STOREFRONT_API_ID, resourceId, httpMethod: "OPTIONS" }));
  expect(original.authorizationType).toBe("COGNITO_USER_POOLS");
  const stages = (await client.send(new GetStagesCommand({ restApiId: STOREFRONT_API_ID }))).item ?? [];
  const originalDeployments = Object.fromEntries(stages.map((stage) => [stage.stageName!, stage.deploymentId!]));
  const originalCanaries = stages.filter((stage) => stage.canarySettings?.deploymentId);
  const created: string[] = [];
  const patchAccountOptions = (patchOperations: PatchOperation[]) =>
    client.send(new UpdateMethodCommand({ restApiId: STOREFRONT_API_ID, resourceId, httpMethod: "OPTIONS", patchOperations }));

  try {
    // The fix a team would make: let the preflight through without the Cognito authorizer, then deploy both stages.
    await patchAccountOptions([
      { op: "replace", path: "/authorizationType", value: "NONE" },
      { op: "remove", path: "/authorizerId" },
    ]);
    // A redeploy replaces a stage's main deployment and leaves its canary serving the old one ("To disable a canary,
    // you must remove the canary settings", promote-canary-deployment.html): the team removes prod's canary too.
    for (const stage of originalCanaries)
      await client.send(
        new UpdateStageCommand({
          restApiId: STOREFRONT_API_ID,
          stageName: stage.stageName!,
          patchOperations: [{ op: "remove", path: "/canarySettings" }],
        }),
      );
    for (const stageName of Object.keys(originalDeployments)) {
      const deployment = await client.send(
        new CreateDeploymentCommand({ restApiId: STOREFRONT_API_ID, stageName, description: "e2e: OPTIONS /account without authorizer" }),
      );
      created.push(deployment.id!);
    }

    // The page is served from the read-once cache: Refresh reads the fixed API, as a team would after deploying.
    await new AuditPage(page).open(STOREFRONT_API_ID);
    await page.getByTestId("refresh").click();
    await expect(new AuditPage(page).cell("/account", "OPTIONS")).not.toContainText("Cognito", { timeout: 30_000 });
    const after = await shareStorefront(page);
    await expect(new AuditPage(page).cell("/account", "OPTIONS")).not.toContainText("Cognito");
    // The live page's history lists both shares, newest first, with a compare link between them.
    const history = new SharePanel(page).history;
    await page.reload();
    await expect(history.locator(`[data-testid=history-entry][data-id="${idOf(after)}"]`)).toBeVisible({ timeout: 30_000 });
    await expect(history.locator(`[data-testid=history-entry][data-id="${idOf(before)}"]`)).toBeVisible();

    // From the later stored audit, follow the history's compare link to the earlier one.
    const stored = new StoredAuditPage(page);
    await stored.open(after);
    await stored.historyEntry(idOf(before)).getByTestId("history-compare").click();
    const compare = new ComparePage(page);
    await expect(compare.root).toBeVisible({ timeout: 30_000 });
    await expect(compare.finding("fixed", "options-requires-authorization", "OPTIONS /account")).toBeVisible();
    // Deploying prod also shipped the draft's earlier fix of OPTIONS /orders/{id}.
    await expect(compare.finding("fixed", "options-requires-authorization", "OPTIONS /orders/{id}")).toBeVisible();
    await expect(compare.finding("unchanged", "options-requires-authorization", "OPTIONS /products")).toBeVisible();
    await expect(compare.group("new")).toHaveAttribute("data-count", "0");
    await expect(compare.methodChange("OPTIONS /account")).toContainText("COGNITO_USER_POOLS → NONE");
    await expect(compare.methodChange("OPTIONS /account")).toContainText("→ none");
    await page.screenshot({ path: "test-output/screenshots/share-compare.png", fullPage: true });

    // The comparison is itself a link: it opens the same way elsewhere, whichever order it names the audits in.
    const guest = await browser.newContext();
    try {
      const guestCompare = new ComparePage(await guest.newPage());
      await guestCompare.open(`/audits/${idOf(after)}/compare/${idOf(before)}`);
      await expect(guestCompare.finding("fixed", "options-requires-authorization", "OPTIONS /account")).toBeVisible();
      await expect(guestCompare.page.getByTestId("compare-base")).toContainText("Earlier");
    } finally {
      await guest.close();
    }
  } finally {
    // Put the shared emulator back exactly as seeded for the other specs.
    await patchAccountOptions([
      { op: "replace", path: "/authorizationType", value: original.authorizationType! },
      { op: "replace", path: "/authorizerId", value: original.authorizerId! },
    ]);
    for (const [stageName, deploymentId] of Object.entries(originalDeployments)) {
      await client.send(
        new UpdateStageCommand({
          restApiId: STOREFRONT_API_ID,
          stageName,
          patchOperations: [{ op: "replace", path: "/deploymentId", value: deploymentId }],
        }),
      );
    }
    for (const stage of originalCanaries) {
      const canary = stage.canarySettings!;
      await client.send(
        new UpdateStageCommand({
          restApiId: STOREFRONT_API_ID,
          stageName: stage.stageName!,
          patchOperations: [
            { op: "replace", path: "/canarySettings/deploymentId", value: canary.deploymentId! },
            { op: "replace", path: "/canarySettings/percentTraffic", value: String(canary.percentTraffic ?? 0) },
            { op: "replace", path: "/canarySettings/useStageCache", value: String(canary.useStageCache ?? false) },
          ],
        }),
      );
    }
    for (const deploymentId of created) await client.send(new DeleteDeploymentCommand({ restApiId: STOREFRONT_API_ID, deploymentId }));
    client.destroy();
  }
  // The restore worked: the live audit, read again past the cache, is exactly what the seed produces.
  await new AuditPage(page).open(STOREFRONT_API_ID);
  await page.getByTestId("refresh").click();
  await expect(new AuditPage(page).cell("/account", "OPTIONS")).toContainText("Cognito", { timeout: 30_000 });
  await expect(page.getByTestId("refresh")).toHaveText("Refresh");
  expect(await readRenderedAudit(page)).toEqual(seeded);
});

test.describe("read-only team viewer (PREFLIGHT_READ_ONLY=1)", () => {
  // A second server on the same build and the same store, in read-only mode: what a team viewer deployment runs.
  const port = Number(process.env.PREFLIGHT_E2E_READONLY_PORT ?? Number(new URL(E2E_APP_URL).port) + 1);
  const viewerUrl = `http://127.0.0.1:${port}`;
  let viewer: ChildProcess | undefined;

  test.beforeAll(async () => {
    viewer = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
      env: { ...process.env, PREFLIGHT_READ_ONLY: "1", PREFLIGHT_DEMO_ENDPOINT: E2E_EMULATOR_URL },
      stdio: "ignore",
      detached: true,
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ready = await fetch(`${viewerUrl}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`the read-only server on ${viewerUrl} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  test.afterAll(() => {
    // The server runs in its own process group (detached): end that group only.
    if (viewer?.pid) process.kill(-viewer.pid, "SIGTERM");
  });

  test("opens shared audits but cannot share, delete or read live", async ({ page, request }) => {
    const link = await shareStorefront(page);
    const stored = new StoredAuditPage(page);
    await stored.open(`${viewerUrl}${link}`);
    await expect(page.getByTestId("method-matrix")).toBeVisible();
    await expect(page.getByTestId("read-live")).toHaveCount(0);
    await expect(page.getByTestId("delete-audit")).toBeDisabled();
    // Stored exports need no connection, so the viewer serves them.
    const sarif = await request.get(`${viewerUrl}/api/audits/${idOf(link)}/export/sarif`);
    expect(sarif.status()).toBe(200);
    expect((await sarif.json()) as { version: string }).toMatchObject({ version: "2.1.0" });

    // The live audit page and the live download routes refuse: a viewer has no AWS connections.
    expect((await page.goto(`${viewerUrl}${AuditPage.url(STOREFRONT_API_ID)}`))?.status()).toBe(403);
    await expect(page.getByTestId("live-audit-refused")).toContainText(STOREFRONT_API_ID);
    await expect(page.getByTestId("read-only-notice")).toBeVisible();
    await expect(page.getByTestId("audit-view")).toHaveCount(0);
    await expect(page.getByTestId("share-button")).toHaveCount(0);
    for (const route of ["export/json", "fix/aws-cli", "fix/bundle"]) {
      const refused = await request.get(`${viewerUrl}/api${AuditPage.url(STOREFRONT_API_ID)}/${route}`);
      expect(refused.status(), route).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "read-only", error: expect.stringContaining("read-only viewer") });
    }

    // Home: the notice and the newest shared audits of every API instead of the connection picker.
    const home = new HomePage(page);
    await page.goto(`${viewerUrl}/?connection=demo`);
    await expect(page.getByTestId("read-only-notice")).toBeVisible();
    await expect(page.getByTestId("connection-picker")).toHaveCount(0);
    await expect(home.inventory).toHaveCount(0);
    const recent = page.locator(`[data-testid=recent-audit][data-id="${idOf(link)}"]`);
    await expect(recent).toContainText(STOREFRONT_API_ID);
    await expect(recent).toContainText("123456789012");
    await expect(page.getByTestId("recent-audit").first()).toHaveAttribute("data-id", idOf(link));
    await page.screenshot({ path: "test-output/screenshots/read-only-home.png", fullPage: true });
    await recent.getByTestId("recent-open").click();
    await expect(stored.banner).toBeVisible({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe(link);

    await page.goto(`${viewerUrl}/audits`);
    await expect(page.getByTestId("read-only-notice")).toBeVisible();
  });
});
