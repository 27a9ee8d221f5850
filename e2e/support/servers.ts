import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nodeFlags } from "../../lib/runtime/node-flags.mjs";

// The production build under test, served next to its own emulator (the Demo connection's endpoint).
// A fresh audit store per run, so shared-audit history never carries over between runs; test workers
// (and the read-only viewer the share spec starts) inherit it through the environment.
const dataDir = (process.env.PREFLIGHT_DATA_DIR ??= mkdtempSync(join(tmpdir(), "preflight-e2e-")));
const appPort = Number(process.env.PREFLIGHT_E2E_APP_PORT ?? 3210);
const emulatorPort = Number(process.env.PREFLIGHT_E2E_EMULATOR_PORT ?? 4610);

export const E2E_APP_URL = `http://127.0.0.1:${appPort}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${emulatorPort}`;

export function e2eWebServers() {
  return [
    {
      // Seeds plus the benchmark's large APIs (e2e/support/emulator-server.ts).
      command: `npx tsx e2e/support/emulator-server.ts --port ${emulatorPort}`,
      url: `${E2E_EMULATOR_URL}/__emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
    {
      // Served as `npm start` serves it: node runs Next's CLI with the node settings audits are benchmarked with.
      command: `node ${nodeFlags().join(" ")} node_modules/next/dist/bin/next start --hostname 127.0.0.1 --port ${appPort}`,
      url: `${E2E_APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { PREFLIGHT_DEMO_ENDPOINT: E2E_EMULATOR_URL, PREFLIGHT_DATA_DIR: dataDir },
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
  ];
}
