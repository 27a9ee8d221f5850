import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./lib/testing/find-chromium.mjs";
import { E2E_APP_URL, e2eWebServers } from "./e2e/support/servers";

export default defineConfig({
  testDir: "./e2e",
  // `npm test` runs the specs; `npm run bench:ui` runs the benchmarks (figures, no timing assertions).
  testMatch: process.env.PREFLIGHT_BENCH === "1" ? "**/*.bench.ts" : "**/*.spec.ts",
  outputDir: "./test-output/playwright",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reportSlowTests: null,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-output/playwright.json" }]],
  use: {
    baseURL: E2E_APP_URL,
    browserName: "chromium",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    // A trace records the page as it runs (screencast, DOM snapshots): kept for a failed spec, never taken in the
    // benchmarks, whose frames it slowed about 2.5 x on two cores (bench:ui's scroll p95 64 ms with it, 20-27 without).
    trace: process.env.PREFLIGHT_BENCH === "1" ? "off" : "retain-on-failure",
  },
  webServer: e2eWebServers(),
});
