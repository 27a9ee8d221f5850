import { describe, expect, it } from "vitest";
import { EXPIRY_CHOICES, expiryDate } from "./expiry";

describe("expiry", () => {
  const now = new Date("2026-11-22T01:50:43.123Z");

  it("never expires, or expires whole days later", () => {
    expect(expiryDate("never", now)).toBeUndefined();
    expect(expiryDate("1d", now)?.toISOString()).toBe("2026-11-23T01:50:43.123Z");
    expect(expiryDate("7d", now)?.toISOString()).toBe("2026-11-29T01:50:43.123Z");
    expect(expiryDate("30d", now)?.toISOString()).toBe("2026-12-22T01:50:43.123Z");
    expect(EXPIRY_CHOICES).toEqual(["never", "1d", "7d", "30d"]);
  });
});
