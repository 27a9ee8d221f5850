import { describe, expect, it } from "vitest";
import { asStatusCodeMap, statusCodeMap } from "@/lib/aws/reader/status-code-map";

describe("status-code maps", () => {
  it("start empty, with no trace of the index written to shape them", () => {
    const map = statusCodeMap<number>();
    expect(Object.keys(map)).toEqual([]);
    expect(JSON.stringify(map)).toBe("{}");
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });

  it("keep the keys, order and JSON of the map JSON.parse would make", () => {
    const text = '{"500":{"statusCode":"500"},"200":{"statusCode":"200"},"default":{"statusCode":"400"},"2XX":{}}';
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const copy = asStatusCodeMap(parsed);
    expect(Object.keys(copy)).toEqual(["200", "500", "default", "2XX"]);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
    const built = statusCodeMap<unknown>();
    for (const [key, value] of Object.entries(parsed)) built[key] = value;
    expect(JSON.stringify(built)).toBe(JSON.stringify(parsed));
  });

  it("keep an own __proto__ key as a key, not as the prototype", () => {
    const parsed = JSON.parse('{"__proto__":{"statusCode":"200"},"200":{}}') as Record<string, unknown>;
    const copy = asStatusCodeMap(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["200", "__proto__"]);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
  });
});
