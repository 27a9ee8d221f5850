import { mkdirSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { HomePage } from "./pages/home-page";
import { AuditPage } from "./pages/audit-page";

// Time-to-interactive of the audit page for the emulator's generated APIs (e2e/support/emulator-server.ts),
// and scrolling cost through the whole matrix. Figures go to test-output/bench-matrix.json.
const SIZES = [300, 1000] as const;
const results: Record<string, unknown>[] = [];

test.afterAll(() => {
  mkdirSync("test-output", { recursive: true });
  writeFileSync("test-output/bench-matrix.json", `${JSON.stringify(results, null, 2)}\n`);
});

for (const size of SIZES) {
  test(`matrix with ${size} resources: time to interactive and scrolling`, async ({ page }) => {
    test.setTimeout(120_000);
    const home = new HomePage(page);
    await home.open("demo");
    await home.search.fill(`bench-${size}`);
    const link = home.rowByName(`bench-${size}`).getByTestId("api-link");
    await expect(link).toBeVisible({ timeout: 30_000 });
    const href = (await link.getAttribute("href"))!;

    const audit = new AuditPage(page);
    const runs: { visibleMs: number; interactiveMs: number; serverReadMs: number }[] = [];
    for (let run = 0; run < 3; run += 1) {
      // Navigation start → first cell painted → a click on a cell opens the detail panel (hydrated).
      const started = Date.now();
      await page.goto(href);
      await expect(page.getByTestId("matrix-cell").first()).toBeVisible({ timeout: 60_000 });
      const visibleMs = Date.now() - started;
      await audit.cell("/s0", "GET").click();
      await expect(audit.detail).toHaveAttribute("data-cell", "/s0:GET");
      const interactiveMs = Date.now() - started;
      // The server's share: reading the API from the emulator, normalising and running the rules.
      const serverReadMs = Number(await audit.header.getAttribute("data-read-ms"));
      runs.push({ visibleMs, interactiveMs, serverReadMs });
      await page.goto("about:blank");
    }
    await page.goto(href);
    await expect(page.getByTestId("matrix-row").first()).toBeVisible({ timeout: 60_000 });
    expect(await audit.matrix.getAttribute("aria-rowcount")).toBe(String(size + 2)); // resources + root, + header row

    // Virtualised: only a screenful of rows is in the DOM.
    const rendered = await page.getByTestId("matrix-row").count();
    expect(rendered).toBeLessThan(60);

    // Scroll the whole matrix, one animation frame per step, and record frame intervals.
    const frames = await audit.matrix.evaluate(async (element) => {
      const intervals: number[] = [];
      let last = performance.now();
      const step = 600;
      while (element.scrollTop + element.clientHeight < element.scrollHeight - 1) {
        element.scrollTop += step;
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const now = performance.now();
        intervals.push(now - last);
        last = now;
      }
      return intervals;
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
    await expect(page.locator(`[data-testid=matrix-row][data-path="/s${Math.floor((size - 1) / 10)}/item${(size - 1) % 10}"]`)).toBeVisible();
    await page.screenshot({ path: `test-output/screenshots/bench-${size}.png` });

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const result = {
      resources: size,
      runs,
      medianVisibleMs: median(runs.map((item) => item.visibleMs)),
      medianInteractiveMs: median(runs.map((item) => item.interactiveMs)),
      medianServerReadMs: median(runs.map((item) => item.serverReadMs)),
      renderedRows: rendered,
      scrollFrames: frames.length,
      scrollFrameP95Ms: Math.round(p95 * 10) / 10,
      scrollFrameMaxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 10) / 10,
    };
    results.push(result);
    console.log(`bench ${JSON.stringify(result)}`);
    // Generous ceilings on a 2-core CI box; the figures themselves are the report.
    expect(result.medianInteractiveMs).toBeLessThan(size === 1000 ? 15_000 : 8_000);
    expect(result.scrollFrameP95Ms).toBeLessThan(100);
  });
}
