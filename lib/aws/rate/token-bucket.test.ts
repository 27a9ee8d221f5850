import { describe, expect, it } from "vitest";
import { TokenBucket, type Clock } from "@/lib/aws/rate/token-bucket";
import { AccountLimiter } from "@/lib/aws/rate/account-limiter";
import { backoffDelay } from "@/lib/aws/retry/backoff";

/** A fake clock: once every pending promise has settled, time jumps to the earliest sleeper's wake-up. */
function fakeClock(): Clock & { t: number } {
  const timers: Array<{ at: number; wake: () => void }> = [];
  const advance = () => {
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (!next) return;
    clock.t = Math.max(clock.t, next.at);
    next.wake();
  };
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ at: clock.t + ms, wake });
        setImmediate(advance);
      }),
  };
  return clock;
}

describe("TokenBucket", () => {
  it("serves the burst at once, then one token per 1/rate", async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2, clock });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => bucket.take().then(() => times.push(clock.t))));
    expect(times).toEqual([0, 0, 0, 500, 1000, 1500, 2000]);
  });

  it("rejects a nonsense configuration", () => {
    expect(() => new TokenBucket({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, refillPerSecond: 0 })).toThrow(RangeError);
  });
});

describe("AccountLimiter", () => {
  it("never lets more than the documented quotas through (exact mode)", async () => {
    const clock = fakeClock();
    const limiter = new AccountLimiter({ clock, exact: true });
    const sent: Array<{ op: string; t: number }> = [];
    const ops = [...Array.from({ length: 20 }, () => "GetResources"), ...Array.from({ length: 100 }, () => "GetStages")];
    await Promise.all(ops.map((op) => limiter.acquire(op).then(() => sent.push({ op, t: clock.t }))));
    // GetResources: 5 in the burst, then 2.5/s → the 20th no sooner than (20-5)/2.5 = 6 s.
    const gr = sent.filter((s) => s.op === "GetResources").map((s) => s.t);
    expect(Math.max(...gr)).toBeGreaterThanOrEqual(6000);
    // Every 1-second window holds at most burst + rate requests overall, and every 2-second window at most 5 + 5 GetResources.
    for (let start = 0; start <= 12_000; start += 100) {
      expect(sent.filter((s) => s.t >= start && s.t < start + 1000).length).toBeLessThanOrEqual(50);
      expect(gr.filter((t) => t >= start && t < start + 2000).length).toBeLessThanOrEqual(10);
    }
    // 120 calls with burst 40 at 10/s: the last one at (120-40)/10 = 8 s; GetResources did not hold the others up.
    expect(Math.max(...sent.map((s) => s.t))).toBe(8000);
    expect(Math.max(...gr)).toBe(6000);
  });

  it("serves an interactive read before background reads queued earlier, within the same quota", async () => {
    const clock = fakeClock();
    const limiter = new AccountLimiter({ clock, exact: true });
    const order: string[] = [];
    // 60 background calls exhaust the burst (40) and queue; then a person opens an API.
    const background = Array.from({ length: 60 }, (_, i) => limiter.acquire("GetStages", "background").then(() => order.push(`bg${i}`)));
    await new Promise((resolve) => setImmediate(resolve));
    const interactive = limiter.acquire("GetStages", "interactive").then((waited) => {
      order.push("interactive");
      return waited;
    });
    await Promise.all([...background, interactive]);
    // It goes out with one of the first tokens after it arrived, not after the 20 queued background calls
    // (which would put it last, at index 60, after 2.1 s); the quota still paces all 61 calls.
    expect(order.indexOf("interactive")).toBeLessThanOrEqual(42);
    expect(await interactive).toBeLessThanOrEqual(200);
    expect(clock.t).toBe(2100);
  });

  it("an aborted waiter leaves the queue and takes no token from the calls behind it", async () => {
    const clock = fakeClock();
    const limiter = new AccountLimiter({ clock, exact: true });
    for (let i = 0; i < 40; i++) await limiter.acquire("GetStages");
    // The burst is spent: the next two wait for refills (10/s), the first of them is abandoned.
    const controller = new AbortController();
    const abandoned = limiter.acquire("GetStages", "background", controller.signal);
    const kept = limiter.acquire("GetStages", "background");
    controller.abort(new Error("nobody is waiting"));
    await expect(abandoned).rejects.toThrow("nobody is waiting");
    // The kept call gets the first refilled token (100 ms), not the second (200 ms).
    expect(await kept).toBe(100);
    await expect(limiter.acquire("GetStages", "interactive", controller.signal)).rejects.toThrow("nobody is waiting");
  });

  it("keeps a margin under the quota by default", async () => {
    const clock = fakeClock();
    const limiter = new AccountLimiter({ clock });
    for (let i = 0; i < 60; i++) await limiter.acquire("GetStages");
    // burst 36 then 9.7/s: strictly slower than the service's 40 + 10/s.
    expect(clock.t).toBeGreaterThan(2000);
    expect(clock.t).toBeLessThan(2700);
  });
});

describe("backoffDelay", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it("grows exponentially, is capped and jittered", () => {
    expect(backoffDelay(1, policy, 0, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, 0, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, 0, () => 1)).toBe(1000);
    expect(backoffDelay(3, policy, 0, () => 0.5)).toBe(200);
    expect(backoffDelay(3, policy, 0, () => 0)).toBe(0);
  });
  it("honours a Retry-After floor, still capped", () => {
    expect(backoffDelay(1, policy, 700, () => 0)).toBe(700);
    expect(backoffDelay(1, policy, 5000, () => 0)).toBe(1000);
  });
});
