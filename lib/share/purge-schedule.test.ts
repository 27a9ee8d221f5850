import { afterEach, describe, expect, it, vi } from "vitest";
import { schedulePurge } from "@/lib/share/purge-schedule";

afterEach(() => {
  vi.useRealTimers();
});

describe("schedulePurge", () => {
  it("purges at once and then every interval, until stopped", async () => {
    vi.useFakeTimers();
    const purgeExpired = vi.fn(async () => 0);
    const schedule = schedulePurge({ purgeExpired, readOnly: false }, { intervalMs: 1000 });
    expect(purgeExpired).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(purgeExpired).toHaveBeenCalledTimes(4);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(purgeExpired).toHaveBeenCalledTimes(4);
  });

  it("reports a failed purge and tries again next time; a read-only store is never purged", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const purgeExpired = vi.fn(async () => {
      throw new Error("database is locked");
    });
    const schedule = schedulePurge({ purgeExpired, readOnly: false }, { intervalMs: 1000, onError: (e) => errors.push(e) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(2);
    schedule.stop();
    const readOnly = vi.fn(async () => 0);
    schedulePurge({ purgeExpired: readOnly, readOnly: true }, { intervalMs: 1000 }).stop();
    expect(readOnly).not.toHaveBeenCalled();
  });
});
