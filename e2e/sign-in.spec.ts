import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { AuditPage } from "./pages/audit-page";
import { SharePanel, StoredAuditPage } from "./pages/share-pages";
import { startOidcIssuer, type OidcIssuer } from "./support/oidc-issuer";
import { E2E_APP_URL, E2E_EMULATOR_URL } from "./support/servers";

/**
 * A team deployment with OpenID Connect sign-in: a second server on the same build and store, signing in against a
 * real local OIDC provider. Only example.com accounts are admitted.
 */
const basePort = Number(new URL(E2E_APP_URL).port);
const appPort = Number(process.env.PREFLIGHT_E2E_SIGNIN_PORT ?? basePort + 3);
const issuerPort = Number(process.env.PREFLIGHT_E2E_OIDC_PORT ?? basePort + 4);
const appUrl = `http://127.0.0.1:${appPort}`;

let issuer: OidcIssuer;
let app: ChildProcess | undefined;

test.beforeAll(async () => {
  issuer = await startOidcIssuer({ port: issuerPort, redirectUri: `${appUrl}/api/auth/callback/oidc` });
  app = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(appPort)], {
    env: {
      ...process.env,
      PREFLIGHT_DEMO_ENDPOINT: E2E_EMULATOR_URL,
      PREFLIGHT_OIDC_ISSUER: issuer.issuer,
      PREFLIGHT_OIDC_CLIENT_ID: issuer.clientId,
      PREFLIGHT_OIDC_CLIENT_SECRET: issuer.clientSecret,
      PREFLIGHT_OIDC_ALLOWED_DOMAINS: "example.com",
      NEXTAUTH_SECRET: "preflight-e2e-nextauth-secret-0123456789abcdef",
      NEXTAUTH_URL: appUrl,
    },
    stdio: "ignore",
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${appUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the signed-in server on ${appUrl} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(async () => {
  // The server leads its own process group (detached): end that group only.
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  await issuer?.close();
});

/** From any gated page: NextAuth's sign-in page, the provider button, the issuer's login form, its consent screen. */
async function signInAs(page: Page, email: string) {
  await expect(page).toHaveURL(/\/api\/auth\/signin/);
  await page.getByRole("button", { name: /Sign in with/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${issuer.issuer}/`));
  await page.locator("input[name=login]").fill(email);
  await page.locator("input[name=password]").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 5_000 }).catch(() => false)) await consent.click();
}

test("without a session, pages go to sign-in, API routes answer 401, and health and shared links stay open", async ({ request, page }) => {
  const home = await request.get(`${appUrl}/?connection=demo`, { maxRedirects: 0 });
  expect(home.status()).toBe(307);
  expect(home.headers().location).toMatch(/\/api\/auth\/signin\?callbackUrl=%2F%3Fconnection%3Ddemo$/);
  const live = await request.get(`${appUrl}/api${AuditPage.url(STOREFRONT_API_ID)}/export/json`, { maxRedirects: 0 });
  expect(live.status()).toBe(401);
  expect(await live.json()).toMatchObject({ code: "auth:required" });
  // A server action posted without a session is refused before it runs.
  const action = await request.post(`${appUrl}/`, { headers: { "Next-Action": "0".repeat(40) }, data: "[]", maxRedirects: 0 });
  expect(action.status()).toBe(401);
  expect((await request.get(`${appUrl}/api/health`)).status()).toBe(200);

  // A link shared on the unrestricted instance (same store) opens for anyone holding it.
  await new AuditPage(page).open(STOREFRONT_API_ID);
  const link = await new SharePanel(page).share("1d");
  const stored = new StoredAuditPage(page);
  await stored.open(`${appUrl}${link}`);
  await expect(page.getByTestId("method-matrix")).toBeVisible();
  // The history of the API is for signed-in users only.
  await expect(stored.history).toHaveCount(0);
});

test("a link holder deletes a shared audit only with the delete token shown once at share time", async ({ page }) => {
  await new AuditPage(page).open(STOREFRONT_API_ID);
  const panel = new SharePanel(page);
  const link = await panel.share("1d");
  const token = (await page.getByTestId("share-delete-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);

  const stored = new StoredAuditPage(page);
  await stored.open(`${appUrl}${link}`);
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("delete-token").fill("A".repeat(32));
  await page.getByTestId("delete-audit").click();
  await expect(page.getByTestId("delete-status")).toContainText("Only whoever shared this audit may delete it");
  expect((await page.request.get(`${appUrl}/api/audits/${link.split("/").pop()}`)).status()).toBe(200);

  await page.getByTestId("delete-token").fill(token);
  await page.getByTestId("delete-audit").click();
  await page.waitForURL(/\/audits\?deleted=1$/);
  await expect(page.getByTestId("deleted-notice")).toContainText("deleted");
  expect((await page.goto(`${appUrl}${link}`))?.status()).toBe(404);
});

test("an example.com account signs in through the OIDC provider and reads the demo", async ({ page }) => {
  await page.goto(`${appUrl}/?connection=demo`);
  await signInAs(page, "ana@example.com");
  await expect(page).toHaveURL(`${appUrl}/?connection=demo`, { timeout: 30_000 });
  await expect(page.getByTestId("signed-in-as")).toContainText("ana@example.com");
  await expect(page.getByTestId("api-inventory")).toBeVisible({ timeout: 30_000 });
  const csp = (await page.request.get(`${appUrl}/`)).headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain(`form-action 'self' ${issuer.issuer}`);
});

test("an account outside the allowed domains is refused and gets no session", async ({ page }) => {
  await page.goto(`${appUrl}/`);
  await signInAs(page, "eve@evil.example");
  await expect(page).toHaveURL(/\/api\/auth\/error\?error=AccessDenied/, { timeout: 30_000 });
  await expect(page.getByText(/Access Denied/i)).toBeVisible();
  await page.goto(`${appUrl}/`);
  await expect(page).toHaveURL(/\/api\/auth\/signin/);
  const live = await page.request.get(`${appUrl}/api${AuditPage.url(STOREFRONT_API_ID)}/export/json`, { maxRedirects: 0 });
  expect(live.status()).toBe(401);
});

test("a foreign Host header is refused (DNS rebinding)", async ({ request }) => {
  const rebound = await request.get(`${appUrl}/`, { headers: { Host: "attacker.example" }, maxRedirects: 0 });
  expect(rebound.status()).toBe(421);
  expect(await rebound.text()).toContain('does not answer for the host "attacker.example"');
  // The readiness probe answers a load balancer that calls it by the instance's address.
  expect((await request.get(`${appUrl}/api/health`, { headers: { Host: "10.0.0.7:3000" } })).status()).toBe(200);
});
