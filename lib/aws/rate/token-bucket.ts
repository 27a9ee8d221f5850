/** A token bucket with FIFO waiters: `take()` resolves when a token is available. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface TokenBucketOptions {
  capacity: number;
  refillPerSecond: number;
  clock?: Clock;
}

export class TokenBucket {
  readonly capacity: number;
  readonly refillPerSecond: number;
  private tokens: number;
  private updatedAt: number;
  private tail: Promise<void> = Promise.resolve();
  private readonly clock: Clock;

  constructor(options: TokenBucketOptions) {
    if (!(options.capacity >= 1) || !(options.refillPerSecond > 0)) {
      throw new RangeError(
        `TokenBucket needs capacity ≥ 1 and a positive refill rate (got ${options.capacity}, ${options.refillPerSecond}).`,
      );
    }
    this.capacity = options.capacity;
    this.refillPerSecond = options.refillPerSecond;
    this.clock = options.clock ?? systemClock;
    this.tokens = options.capacity;
    this.updatedAt = this.clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond);
    this.updatedAt = now;
  }

  /** Waits its turn (first come, first served), then takes one token. Resolves with the ms waited. */
  take(): Promise<number> {
    const started = this.clock.now();
    const turn = this.tail.then(async () => {
      for (;;) {
        this.refill();
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return this.clock.now() - started;
        }
        await this.clock.sleep(Math.ceil(((1 - this.tokens) / this.refillPerSecond) * 1000));
      }
    });
    this.tail = turn.then(() => undefined);
    return turn;
  }

  /** Takes a token if one is available now. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token will be available (0 when one is). */
  msUntilToken(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.refillPerSecond) * 1000);
  }

  /** Tokens available now (for tests and diagnostics). */
  available(): number {
    this.refill();
    return this.tokens;
  }
}
