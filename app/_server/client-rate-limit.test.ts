import { describe, expect, it } from "vitest";
import { ClientRateLimiter, clientKey } from "./client-rate-limit";

function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async () => undefined, advance: (ms: number) => (now += ms) };
}

describe("ClientRateLimiter", () => {
  it("lets a burst of 10 shares through per client, then refuses with a Retry-After until a token refills", () => {
    const clock = fakeClock();
    const limiter = new ClientRateLimiter(clock);
    for (let i = 0; i < 10; i += 1) expect(limiter.take("share", "ip:10.0.0.1")).toEqual({ ok: true });
    expect(limiter.take("share", "ip:10.0.0.1")).toEqual({ ok: false, retryAfterSeconds: 6 });
    // Another client and another operation have their own buckets.
    expect(limiter.take("share", "ip:10.0.0.2")).toEqual({ ok: true });
    expect(limiter.take("export", "ip:10.0.0.1")).toEqual({ ok: true });
    clock.advance(6000);
    expect(limiter.take("share", "ip:10.0.0.1")).toEqual({ ok: true });
  });

  it("keeps at most maxClients buckets, forgetting the least recently used", () => {
    const limiter = new ClientRateLimiter(fakeClock(), 2);
    for (let i = 0; i < 10; i += 1) limiter.take("share", "a");
    limiter.take("share", "b");
    limiter.take("share", "c");
    // "a" was forgotten, so it starts with a full bucket again.
    expect(limiter.take("share", "a")).toEqual({ ok: true });
  });

  it("keys by the signed-in user, else by the last X-Forwarded-For hop", () => {
    const headers = new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.9" });
    expect(clientKey(headers, "ana@example.com")).toBe("user:ana@example.com");
    expect(clientKey(headers)).toBe("ip:10.0.0.9");
    expect(clientKey(new Headers())).toBe("ip:unknown");
  });
});
