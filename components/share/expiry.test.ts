import { describe, expect, it } from "vitest";
import { formatUtcMinute } from "./expiry";

describe("formatUtcMinute", () => {
  it("formats instants the same on server and client", () => {
    expect(formatUtcMinute("2026-11-22T01:50:43.123Z")).toBe("2026-11-22 01:50 UTC");
    expect(formatUtcMinute("yesterday")).toBe("yesterday");
  });
});
