import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { AuditPage } from "./pages/audit-page";

// The generated 1,000-resource API (e2e/support/emulator-server.ts): the matrix stays virtualised and
// every row stays reachable. Timings live in the benchmark (e2e/matrix.bench.ts, `npm run bench:ui`).
test("a 1,000-resource API renders a virtualised matrix whose last row is reachable by scrolling", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(await new HomePage(page).auditHrefFor("demo", "bench-1000"));

  const audit = new AuditPage(page);
  await expect(page.getByTestId("matrix-row").first()).toBeVisible({ timeout: 60_000 });
  expect(await audit.matrix.getAttribute("aria-rowcount")).toBe("1002"); // 1,000 resources + root + header row
  expect(await page.getByTestId("matrix-row").count()).toBeLessThan(60);

  await audit.matrix.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(page.locator('[data-testid=matrix-row][data-path="/s99/item9"]')).toBeVisible();
  expect(await page.getByTestId("matrix-row").count()).toBeLessThan(60);
});
