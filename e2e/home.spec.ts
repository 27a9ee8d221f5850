import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { addFault, clearFaults } from "./support/emulator-control";

test.afterEach(async () => {
  await clearFaults();
});

test("the home page explains what Preflight is for and offers every kind of connection", async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await expect(page).toHaveTitle(/Preflight/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Preflight");
  await expect(page.getByText(/the browser reports a CORS error/)).toBeVisible();
  for (const kind of ["demo", "env", "profile", "role"]) await expect(page.getByTestId(`connection-${kind}`)).toBeVisible();
  await page.screenshot({ path: "test-output/screenshots/home.png", fullPage: true });
});

test("the demo connection lists every API across regions with finding counts", async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.getByTestId("connection-demo").check();
  await page.getByTestId("connect").click();
  await expect(page).toHaveURL(/\?connection=demo$/);
  await home.waitForAllRegions();
  await expect(home.progress).toContainText(/\d+ regions read · 7 APIs/);

  // Seeds (storefront, healthy, proxy, lambda-proxy, files) in us-east-1, benchmark APIs in eu-west-1.
  await expect(page.locator("[data-testid=region-group][data-region=us-east-1] [data-testid=api-row]")).toHaveCount(5);
  await expect(page.locator("[data-testid=region-group][data-region=eu-west-1] [data-testid=api-row]")).toHaveCount(2);
  const storefront = home.row("sfront0001");
  await expect(storefront.getByTestId("api-counts")).toBeVisible({ timeout: 30_000 });
  expect(Number(await storefront.getByTestId("api-counts").getAttribute("data-total"))).toBeGreaterThanOrEqual(10);
  await expect(storefront.getByTestId("severity-badge").first()).toHaveAttribute("data-severity", /critical|high/);
  await expect(page.getByTestId("empty-regions")).toContainText("us-west-2");
  await page.screenshot({ path: "test-output/screenshots/home-demo.png", fullPage: true });

  await home.search.fill("HEALTHY");
  await expect(page.getByTestId("api-row")).toHaveCount(1);
  await expect(home.row("healthy001")).toBeVisible();
  await home.search.fill("sfront0001");
  await expect(page.getByTestId("api-row")).toHaveCount(1);
  await home.search.fill("no-such-api");
  await expect(page.getByTestId("inventory-empty")).toContainText("No API matches");

  await home.search.fill("");
  await home.row("sfront0001").getByTestId("api-link").click();
  await expect(page).toHaveURL(/\/audit\/demo\/us-east-1\/sfront0001$/);
  // The same server may still be counting the 1,000-resource benchmark API's findings for the home page;
  // the audit read goes first in the account's quota, but shares the CPU.
  await expect(page.getByTestId("api-name")).toHaveText("storefront", { timeout: 20_000 });
});

test("a region that fails shows its error inline while the others list", async ({ page }) => {
  // The first region to ask is denied once; the rest answer normally.
  await addFault({ operation: "GetRestApis", kind: "AccessDenied", times: 1 });
  const home = new HomePage(page);
  await home.open("demo");
  await home.waitForAllRegions();
  await expect(home.regionError()).toHaveCount(1);
  await expect(home.regionError()).toContainText("Access denied");
  await expect(home.progress).toContainText("1 failed");
  await expect(page.getByTestId("api-table")).toBeVisible();
  await page.screenshot({ path: "test-output/screenshots/home-region-error.png", fullPage: true });
});

test("a connection that cannot be opened says why and what to do", async ({ page }) => {
  const home = new HomePage(page);
  await home.open("profile:preflight-e2e-missing");
  await expect(page.getByTestId("reader-error")).toContainText("preflight-e2e-missing");
  await home.open("bogus");
  await expect(page.getByTestId("reader-error")).toContainText("Invalid connection");
});

test("the assumed-role form validates the role ARN", async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await page.getByTestId("connection-role").check();
  await page.getByTestId("role-arn").fill("not-an-arn");
  await page.getByTestId("connect").click();
  await expect(page.getByTestId("connect-status")).toHaveText("Check the highlighted fields.");
  await expect(page.getByText("not an IAM role ARN")).toBeVisible();
  await page.getByTestId("role-arn").fill("arn:aws:iam::123456789012:role/PreflightAudit");
  await page.getByTestId("connect").click();
  await expect(page).toHaveURL(/\?connection=env~role%3A[A-Za-z0-9_-]+$/);
});

test("the health route reports readiness", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", name: "preflight" });
});
