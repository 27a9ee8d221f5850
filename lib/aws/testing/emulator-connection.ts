/** Test helpers: connections to a local emulator under a chosen access key (the emulator maps keys to accounts). */
import type { Connection } from "@/lib/aws/connections/connection";
import { AccountLimiter } from "@/lib/aws/rate/account-limiter";
import type { LiveOptions } from "@/lib/aws/reader/live-reader";

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
