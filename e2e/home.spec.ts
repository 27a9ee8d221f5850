import { expect, test } from "@playwright/test";

test("the home page explains what Preflight is for", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Preflight/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Preflight");
  await expect(page.getByText(/the browser reports a CORS error/)).toBeVisible();
  await page.screenshot({ path: "test-output/screenshots/home.png", fullPage: true });
});

test("the health route reports readiness", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", name: "preflight" });
});
