// The production build under test, served next to its own emulator (the Demo connection's endpoint).
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
      command: `npx next start --hostname 127.0.0.1 --port ${appPort}`,
      url: `${E2E_APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { PREFLIGHT_DEMO_ENDPOINT: E2E_EMULATOR_URL },
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
  ];
}
