import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { AuditPage } from "./pages/audit-page";

// The generated 1,000-resource API (e2e/support/emulator-server.ts): the matrix stays virtualised and
// every row stays reachable. Timings live in the benchmark (e2e/matrix.bench.ts, `npm run bench:ui`).
test("a 1,000-resource API renders a virtualised matrix whose last row is reachable by scrolling", async ({ page }) => {
  test.setTimeout(120_000);
  const href = await new HomePage(page).auditHrefFor("demo", "bench-1000");
  // The page itself carries the first rows and says more are coming; the rest follow in the same response.
  const html = await (await page.request.get(href)).text();
  expect(html).toContain('data-testid="rows-pending"');
  expect(html).toContain('data-path="/s0"');
  await page.goto(href);

  const audit = new AuditPage(page);
  await expect(page.getByTestId("matrix-row").first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("audit-view")).toHaveAttribute("data-complete", "true", { timeout: 60_000 });
  await expect(page.getByTestId("rows-pending")).toHaveCount(0);
  await expect(audit.matrix).toHaveAttribute("aria-rowcount", "1002"); // 1,000 resources + root + header row
  expect(await page.getByTestId("matrix-row").count()).toBeLessThan(60);

  await audit.matrix.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(page.locator('[data-testid=matrix-row][data-path="/s99/item9"]')).toBeVisible();
  expect(await page.getByTestId("matrix-row").count()).toBeLessThan(60);
});

test("a deep link to a cell among the streamed rows opens it and scrolls it into view once the rows arrive", async ({ page }) => {
  test.setTimeout(120_000);
  const href = await new HomePage(page).auditHrefFor("demo", "bench-1000");
  await page.goto(`${href}?cell=${encodeURIComponent("/s90/item5:GET")}`);
  const audit = new AuditPage(page);
  await expect(audit.detail).toHaveAttribute("data-cell", "/s90/item5:GET", { timeout: 60_000 });
  await expect(audit.detail).toHaveAttribute("data-loaded", "ready", { timeout: 60_000 });
  await expect(audit.cell("/s90/item5", "GET")).toBeVisible({ timeout: 60_000 });
});
