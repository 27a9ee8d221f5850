#!/usr/bin/env node
// `npm test`: typecheck, lint (layer rules included), formatting check, unit tests, production build, then
// Playwright in real Chromium.
// Every step runs even when an earlier one fails, so one run shows everything that is broken;
// the last line counts unit and end-to-end tests together ("N passed, N failed").
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { CHROMIUM_INSTALL_HINT, findChromium } from "../lib/testing/find-chromium.mjs";

const chromium = findChromium();
if (!chromium) {
  console.error(CHROMIUM_INSTALL_HINT);
  process.exit(1);
}
process.env.PREFLIGHT_CHROMIUM = chromium;
// No outside network here or in CI: Next's anonymous telemetry would only time out.
process.env.NEXT_TELEMETRY_DISABLED = "1";
mkdirSync("test-output", { recursive: true });

const failedSteps = [];
function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

step("typecheck", "npx", ["tsc", "--noEmit"]);
step("lint", "npx", ["eslint", "."]);
// `npm run format` fixes what this reports; a failure counts as one (see `uncounted` below).
step("formatting", "npx", ["prettier", "--check", "."]);
step("unit tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-output/vitest.json"]);
const built = step("production build", "npx", ["next", "build"]);
if (built) step("end-to-end tests", "npx", ["playwright", "test"]);
else failedSteps.push("end-to-end tests (not run: the build failed)");

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

const vitest = readJson("test-output/vitest.json");
const playwright = built ? readJson("test-output/playwright.json") : undefined;
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0) + (playwright?.stats?.flaky ?? 0);
// A test file that fails to load (syntax or import error) has no failed tests of its own: count it once.
const brokenFiles = (vitest?.testResults ?? []).filter(
  (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
).length;
const unitFailed = (vitest?.numFailedTests ?? 0) + brokenFiles;
const e2eFailed = playwright?.stats?.unexpected ?? 0;
// A failed step that no test count reflects (typecheck, lint, formatting, build, a runner that could not start)
// counts as one failure, so the closing line never reads "0 failed" on a red run.
const uncounted = failedSteps.filter(
  (name) => !(name === "unit tests" && unitFailed > 0) && !(name === "end-to-end tests" && e2eFailed > 0),
).length;
const failed = unitFailed + e2eFailed + uncounted;
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
