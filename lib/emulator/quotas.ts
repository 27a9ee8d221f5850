/**
 * API Gateway's fixed management-API quotas, per account: GetResources 5 requests every 2 seconds,
 * and all operations together 10 requests per second with a burst of 40.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 * ("API Gateway quotas for creating, deploying and managing an API")
 */
class TokenBucket {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updated = now;
  }

  /** Takes one token, or returns the seconds to wait until one is available. */
  take(now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) / 1000) * this.perSecond);
    this.updated = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond)) };
  }
}

// GetExport has no row of its own in that table (checked against the page's full list, which names only write
// operations and GetResources), so an export is charged to the account-wide bucket alone, like GetStages.
const OPERATION_LIMITS: Record<string, { capacity: number; perSecond: number }> = {
  GetResources: { capacity: 5, perSecond: 2.5 },
};
const TOTAL = { capacity: 40, perSecond: 10 };

export type QuotaResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export class Quotas {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly now: () => number = Date.now) {}

  private bucket(key: string, limits: { capacity: number; perSecond: number }): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limits.capacity, limits.perSecond, this.now());
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  check(accountId: string, operation: string): QuotaResult {
    const now = this.now();
    const specific = OPERATION_LIMITS[operation];
    if (specific) {
      const result = this.bucket(`${accountId}:${operation}`, specific).take(now);
      if (!result.ok) return result;
    }
    return this.bucket(`${accountId}:*`, TOTAL).take(now);
  }

  reset(): void {
    this.buckets.clear();
  }
}
