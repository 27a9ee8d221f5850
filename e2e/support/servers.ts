// The production build under test, served next to its own emulator (the Demo connection's endpoint).
const appPort = Number(process.env.PREFLIGHT_E2E_APP_PORT ?? 3210);

export const E2E_APP_URL = `http://127.0.0.1:${appPort}`;

export function e2eWebServers() {
  return [
    {
      command: `npx next start --hostname 127.0.0.1 --port ${appPort}`,
      url: `${E2E_APP_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
  ];
}
