import "server-only";
import { TokenBucket, systemClock, type Clock } from "@/lib/aws/rate/token-bucket";

/**
 * Per-client limits on the expensive or storing operations: sharing (an AWS read plus a row in the store) and exports
 * (an AWS read, or a rendering of a stored report). One token bucket per client and operation; the map is bounded so a
 * flood of distinct clients cannot grow memory without end (the oldest bucket is forgotten first).
 */
export type LimitedOperation = "share" | "export";

const LIMITS: Record<LimitedOperation, { capacity: number; refillPerSecond: number }> = {
  // 10 shares in a burst, then one every 6 s.
  share: { capacity: 10, refillPerSecond: 1 / 6 },
  // 30 downloads in a burst, then one a second.
  export: { capacity: 30, refillPerSecond: 1 },
};
const MAX_CLIENTS = 10_000;

export class ClientRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  constructor(
    private readonly clock: Clock = systemClock,
    private readonly maxClients = MAX_CLIENTS,
  ) {}

  /** Takes a token for this client, or says how long to wait. */
  take(operation: LimitedOperation, client: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const key = `${operation}|${client}`;
    let bucket = this.buckets.get(key);
    if (bucket) {
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      this.buckets.delete(key);
    } else {
      bucket = new TokenBucket({ ...LIMITS[operation], clock: this.clock });
      if (this.buckets.size >= this.maxClients) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    }
    this.buckets.set(key, bucket);
    if (bucket.tryTake()) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(bucket.msUntilToken() / 1000)) };
  }
}

const globalForLimiter = globalThis as typeof globalThis & { __preflightClientLimiter?: ClientRateLimiter };

export function clientRateLimiter(): ClientRateLimiter {
  return (globalForLimiter.__preflightClientLimiter ??= new ClientRateLimiter());
}

/**
 * The client a request comes from: the signed-in user, else the address the nearest proxy saw. Next sets
 * X-Forwarded-For from the socket only when absent, and a reverse proxy appends the address it saw, so the last entry
 * is the one nearest to this server.
 */
export function clientKey(headers: Headers, email?: string): string {
  if (email) return `user:${email}`;
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").pop()?.trim();
  return `ip:${last || "unknown"}`;
}

export function rateLimitMessage(operation: LimitedOperation, retryAfterSeconds: number): string {
  return `Too many ${operation === "share" ? "shares" : "downloads"} from this client: try again in ${retryAfterSeconds} s.`;
}

/** For route handlers: a 429 with Retry-After (RFC 6585 section 4) when this client is over its limit. */
export function limitRequest(request: Request, operation: LimitedOperation, email?: string): Response | undefined {
  const taken = clientRateLimiter().take(operation, clientKey(request.headers, email));
  if (taken.ok) return undefined;
  return Response.json(
    { error: rateLimitMessage(operation, taken.retryAfterSeconds), code: "rate:limited" },
    { status: 429, headers: { "Retry-After": String(taken.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
