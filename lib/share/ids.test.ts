import { describe, expect, it } from "vitest";
import { AUDIT_ID_LENGTH, isAuditId, newAuditId, parseAuditId } from "@/lib/share/ids";

describe("audit ids", () => {
  it("are 22 URL-safe characters carrying 128 random bits", () => {
    const ids = Array.from({ length: 5000 }, () => newAuditId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toHaveLength(AUDIT_ID_LENGTH);
      expect(encodeURIComponent(id)).toBe(id);
      expect(Buffer.from(id, "base64url")).toHaveLength(16);
      expect(isAuditId(id)).toBe(true);
    }
    // Every position but the last (which holds 2 bits) takes many values: the bytes are random, not a counter.
    for (let position = 0; position < AUDIT_ID_LENGTH - 1; position += 1) {
      expect(new Set(ids.map((id) => id[position])).size).toBeGreaterThan(50);
    }
    expect(new Set(ids.map((id) => id.at(-1)))).toEqual(new Set(["A", "Q", "g", "w"]));
  });

  it("reject anything else with a clear message", () => {
    for (const bad of [
      "",
      "abc",
      "A".repeat(21),
      "A".repeat(23),
      `${"A".repeat(21)}B`,
      `${"A".repeat(21)}=`,
      `${"A".repeat(20)}+A`,
      " ".repeat(22),
    ]) {
      const parsed = parseAuditId(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^Not a stored audit id: ".*"\. Ids are 22 URL-safe base64 characters/);
    }
    expect(parseAuditId(42)).toEqual({ ok: false, error: expect.stringContaining("Not a stored audit id: number") });
    expect(parseAuditId("x".repeat(1000))).toEqual({ ok: false, error: expect.stringContaining(`"${"x".repeat(40)}…"`) });
    expect(parseAuditId("AAAAAAAAAAAAAAAAAAAAAw")).toEqual({ ok: true, id: "AAAAAAAAAAAAAAAAAAAAAw" });
  });
});
