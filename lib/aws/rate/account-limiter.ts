import { systemClock, TokenBucket, type Clock } from "@/lib/aws/rate/token-bucket";

// API Gateway's fixed management quotas, per account, that cannot be increased: GetResources
// "5 requests every 2 seconds"; all operations "10 requests per second, with a burst quota of 40":
// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
// GetExport (one per deployed stage the reader exports) has no quota of its own in that table: it draws on the
// account-wide bucket only, so it is deliberately absent from perOperation.
export const API_GATEWAY_QUOTAS = Object.freeze({
  total: { capacity: 40, refillPerSecond: 10 },
  perOperation: { GetResources: { capacity: 5, refillPerSecond: 2.5 } } as Record<string, { capacity: number; refillPerSecond: number }>,
});

// The client runs a little under the quota: requests reach the service a few ms apart from when they
// were sent, so a bucket that matched the quota exactly would still draw an occasional 429.
const SAFETY = { capacityMargin: 4, rateFactor: 0.97 };

export interface AccountLimiterOptions {
  clock?: Clock;
  /** Override the quotas (tests); defaults to API Gateway's documented ones. */
  quotas?: typeof API_GATEWAY_QUOTAS;
  /** Turn the safety margin off (tests that assert exact pacing). */
  exact?: boolean;
}

function withMargin(q: { capacity: number; refillPerSecond: number }, exact: boolean) {
  if (exact) return q;
  return {
    capacity: Math.max(1, q.capacity - Math.min(SAFETY.capacityMargin, Math.floor(q.capacity / 5))),
    refillPerSecond: q.refillPerSecond * SAFETY.rateFactor,
  };
}

/**
 * "interactive" reads answer a person waiting on a page; "background" reads fill in extras (the finding
 * counts of every API on the home page). Interactive waiters go first, so opening one API is never
 * queued behind counting all of them; the quota is the same for both.
 */
export type ReadPriority = "interactive" | "background";

interface Waiter {
  own: TokenBucket | undefined;
  since: number;
  priority: ReadPriority;
  resolve: (waitedMs: number) => void;
}

/**
 * The client-side quota of one account. A request takes its operation's own token (if it has one)
 * and a shared token at the same instant, as API Gateway charges both on arrival; taking them at
 * different times would let requests bunch up and exceed the service's bucket. Waiters are served in
 * order, but one whose own bucket is empty (a GetResources) does not hold up the others.
 */
export class AccountLimiter {
  private readonly total: TokenBucket;
  private readonly perOperation = new Map<string, TokenBucket>();
  private readonly waiters: Waiter[] = [];
  private readonly clock: Clock;
  private pumping = false;

  constructor(options: AccountLimiterOptions = {}) {
    const quotas = options.quotas ?? API_GATEWAY_QUOTAS;
    const exact = options.exact ?? false;
    this.clock = options.clock ?? systemClock;
    this.total = new TokenBucket({ ...withMargin(quotas.total, exact), clock: this.clock });
    for (const [operation, q] of Object.entries(quotas.perOperation)) {
      this.perOperation.set(operation, new TokenBucket({ ...withMargin(q, exact), clock: this.clock }));
    }
  }

  /**
   * Waits until `operation` may be sent; resolves with the milliseconds waited. An aborted `signal` takes
   * the waiter out of the queue (rejecting with the signal's reason), so a read nobody waits for any more
   * spends none of the account's quota.
   */
  acquire(operation: string, priority: ReadPriority = "interactive", signal?: AbortSignal): Promise<number> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index !== -1) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        own: this.perOperation.get(operation),
        since: this.clock.now(),
        priority,
        resolve: (waited) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(waited);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      // Interactive waiters queue ahead of every background one, in arrival order among themselves.
      const firstBackground = priority === "interactive" ? this.waiters.findIndex((w) => w.priority === "background") : -1;
      if (firstBackground === -1) this.waiters.push(waiter);
      else this.waiters.splice(firstBackground, 0, waiter);
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        let nextWake = Number.POSITIVE_INFINITY;
        for (let i = 0; i < this.waiters.length;) {
          const waiter = this.waiters[i] as Waiter;
          const totalWait = this.total.msUntilToken();
          if (totalWait > 0) {
            nextWake = Math.min(nextWake, totalWait);
            break;
          }
          const ownWait = waiter.own?.msUntilToken() ?? 0;
          if (ownWait > 0) {
            nextWake = Math.min(nextWake, ownWait);
            i++;
            continue;
          }
          waiter.own?.tryTake();
          this.total.tryTake();
          this.waiters.splice(i, 1);
          waiter.resolve(this.clock.now() - waiter.since);
        }
        if (this.waiters.length === 0) break;
        await this.clock.sleep(Number.isFinite(nextWake) ? Math.max(1, nextWake) : 1);
      }
    } finally {
      this.pumping = false;
    }
  }
}

const registry = new Map<string, AccountLimiter>();

/**
 * One limiter per account key, shared by every concurrent read in this process so that many APIs
 * read at once still stay under the account's quota. The key is the account id when known, else
 * the connection and endpoint (one connection reaches one account).
 */
export function limiterForAccount(key: string): AccountLimiter {
  let limiter = registry.get(key);
  if (!limiter) {
    limiter = new AccountLimiter();
    registry.set(key, limiter);
  }
  return limiter;
}
