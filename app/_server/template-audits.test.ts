import { describe, expect, it } from "vitest";
import type { TemplateAudit } from "@/lib/templates/audit-templates";
import { createTemplateAuditCache, isTemplateAuditId, templateAuditCache, TEMPLATE_AUDIT_TTL_MS } from "./template-audits";

const audit = (marker: string): TemplateAudit => ({ reports: [], errors: [{ message: marker }], skipped: [] });

function clock(start = Date.UTC(2026, 10, 30, 12)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("template-audit cache", () => {
  it("gives each audit a 128-bit url-safe id and returns the same audit by it", () => {
    const cache = createTemplateAuditCache();
    const first = cache.put(audit("one"), ["a.yaml"]);
    const second = cache.put(audit("two"), ["b.yaml"]);
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(first.id, "base64url")).toHaveLength(16);
    expect(first.id).not.toBe(second.id);
    expect(cache.get(first.id)?.audit.errors[0]?.message).toBe("one");
    expect(cache.get(second.id)?.uploaded).toEqual(["b.yaml"]);
  });

  it("forgets an audit once its TTL has passed (one hour by default), and says when in expiresAt", () => {
    const time = clock();
    const cache = createTemplateAuditCache({ now: time.now });
    const entry = cache.put(audit("one"), []);
    expect(Date.parse(entry.expiresAt) - Date.parse(entry.createdAt)).toBe(TEMPLATE_AUDIT_TTL_MS);
    time.advance(TEMPLATE_AUDIT_TTL_MS - 1);
    expect(cache.get(entry.id)).toBeDefined();
    time.advance(1);
    expect(cache.get(entry.id)).toBeUndefined();
    expect(cache.size()).toBe(0);
  });

  it("keeps at most maxEntries, dropping the oldest first", () => {
    const cache = createTemplateAuditCache({ maxEntries: 3 });
    const ids = ["a", "b", "c", "d"].map((marker) => cache.put(audit(marker), []).id);
    expect(cache.size()).toBe(3);
    expect(cache.get(ids[0]!)).toBeUndefined();
    expect(ids.slice(1).map((id) => cache.get(id)?.audit.errors[0]?.message)).toEqual(["b", "c", "d"]);
  });

  it("holds at most maxTextChars of template text in all, dropping the oldest audits to make room", () => {
    const cache = createTemplateAuditCache({ maxTextChars: 10 });
    // Only the text of files a report was read from is kept, so each audit names its file as a source.
    const withFile = (path: string): TemplateAudit => ({
      reports: [
        {
          source: { kind: "template", format: "openapi", files: [path], apiName: path, locations: {} },
        } as unknown as TemplateAudit["reports"][number],
      ],
      errors: [],
      skipped: [],
    });
    const first = cache.put(withFile("a.yaml"), ["a.yaml"], new Map([["a.yaml", "123456"]]));
    const second = cache.put(withFile("b.yaml"), ["b.yaml"], new Map([["b.yaml", "1234"]]));
    expect(cache.get(first.id)?.texts.get("a.yaml")).toBe("123456");
    const third = cache.put(withFile("c.yaml"), ["c.yaml"], new Map([["c.yaml", "12345"]]));
    expect(cache.get(first.id)).toBeUndefined();
    expect(cache.get(second.id)?.texts.get("b.yaml")).toBe("1234");
    expect(cache.get(third.id)?.texts.get("c.yaml")).toBe("12345");
  });

  it("answers nothing for malformed or unknown ids without looking them up", () => {
    const cache = createTemplateAuditCache();
    cache.put(audit("one"), []);
    for (const id of ["", "../etc/passwd", "x".repeat(23), "__proto__", "constructor", "A".repeat(22)])
      expect(cache.get(id)).toBeUndefined();
    expect(isTemplateAuditId("A".repeat(22))).toBe(true);
    expect(isTemplateAuditId("A".repeat(21) + "/")).toBe(false);
  });

  it("is one cache per process, whichever module copy asks", () => {
    expect(templateAuditCache()).toBe(templateAuditCache());
    const holder = globalThis as unknown as Record<symbol, unknown>;
    expect(holder[Symbol.for("preflight.templateAuditCache")]).toBe(templateAuditCache());
  });
});
