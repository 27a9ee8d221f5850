/** Test helpers: connections to a local emulator under a chosen access key (the emulator maps keys to accounts). */
import { openConnection, type Connection } from "@/lib/aws/connections/connection";
import { AccountLimiter } from "@/lib/aws/rate/account-limiter";
import type { LiveOptions } from "@/lib/aws/reader/live-reader";
import { startEmulator, type Emulator } from "@/lib/emulator";

export function emulatorConnection(url: string, accessKeyId = "AKIAPREFLIGHTDEMO000"): Connection {
  return {
    id: "demo",
    spec: { kind: "demo" },
    label: "the test emulator",
    credentials: async () => ({ accessKeyId, secretAccessKey: "test-secret-not-real" }),
    endpoint: url,
    customEndpoint: true,
    stsEndpoint: url,
    defaultRegion: "us-east-1",
    limiterKey: `test:${accessKeyId}@${url}`,
  };
}

/** Fresh limiter and fast retries, so tests neither share quota state nor wait long. */
export function fastLiveOptions(overrides: LiveOptions = {}): LiveOptions {
  return { limiter: new AccountLimiter(), retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 40 }, ...overrides };
}

/**
 * A fresh emulator on a free port and the demo connection opened against it the way the app opens it (not
 * emulatorConnection's hand-built one), for tests that run the whole audit. The caller closes the emulator.
 */
export async function startEmulatorWithDemoConnection(): Promise<{ emulator: Emulator; connection: Connection }> {
  const emulator = await startEmulator({ port: 0 });
  const opened = await openConnection({ kind: "demo" }, { endpoint: emulator.url });
  if (!opened.ok) {
    await emulator.close();
    throw opened.error;
  }
  return { emulator, connection: opened.connection };
}
