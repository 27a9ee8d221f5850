import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { AuditPage } from "./pages/audit-page";

// Issue 16: finding counts and audits come from the read-once cache; each Refresh forces a new read.

test("home page counts come from the cache on a reload, and Refresh counts reads again", async ({ page }) => {
  const home = new HomePage(page);
  await home.open("demo");
  await home.waitForAllRegions();
  const counts = home.row("healthy001").locator("[data-read-at]");
  await expect(counts).toBeVisible({ timeout: 30_000 });
  const firstRead = await counts.getAttribute("data-read-at");
  expect(firstRead).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  await page.reload();
  await home.waitForAllRegions();
  await expect(counts).toHaveAttribute("data-read-at", firstRead ?? "", { timeout: 30_000 });

  await page.getByTestId("refresh-counts").click();
  await expect(counts).not.toHaveAttribute("data-read-at", firstRead ?? "", { timeout: 30_000 });
  await expect(counts.getByTestId("api-counts")).toBeVisible();
});

test("the audit page says when it is cached, and Refresh reads the API again", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open("healthy001");
  await page.reload();
  await expect(audit.header).toContainText("· cached");
  const readLine = () => audit.header.locator("dd").filter({ hasText: "calls" });
  const before = (await readLine().textContent()) ?? "";
  await page.getByTestId("refresh").click();
  // The page re-renders from the entry the new read just replaced: a later read time (still "cached").
  await expect(readLine()).not.toHaveText(before, { timeout: 30_000 });
  await expect(page.getByTestId("refresh")).toHaveText("Refresh");
});

test("the sweep view shows progress per account and region and each API's counts", async ({ page }) => {
  await page.goto("/sweep?connection=demo&region=us-east-1&region=eu-west-1");
  const view = page.getByTestId("sweep-view");
  await expect(view).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  await expect(page.getByTestId("sweep-region")).toHaveCount(2);
  await expect(page.getByTestId("sweep-api")).toHaveCount(7);
  await expect(page.getByTestId("sweep-progress")).toContainText("7 of 7 APIs audited");
  await page.screenshot({ path: "test-output/screenshots/sweep.png", fullPage: true });
});
