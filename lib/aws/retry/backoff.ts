/**
 * Capped exponential backoff with full jitter. Why: API Gateway answers 429 when the account's
 * management quota is spent and, rarely, 5xx; retrying at once (or in lockstep across concurrent
 * reads) would spend the refilled tokens on a thundering herd. The cap keeps a stuck audit from
 * waiting minutes. https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({ maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 });

/** Delay before retry number `retry` (1-based): random in [0, min(cap, base·2^(retry-1))], at least `floorMs`. */
export function backoffDelay(retry: number, policy: RetryPolicy, floorMs = 0, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.min(policy.maxDelayMs, Math.max(floorMs, Math.round(random() * ceiling)));
}
