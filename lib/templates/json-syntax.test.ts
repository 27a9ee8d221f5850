import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "@/lib/templates/json-syntax";

describe("findJsonSyntaxError", () => {
  it("accepts what JSON.parse accepts", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n", {}], "b": {"c": []}}', "[]", '  "s"  ', "0"]) {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
  });

  it("accepts every JSON file of the corpus", () => {
    for (const dir of ["/work/shared/corpus/cloudformation", "/work/shared/corpus/cdk"]) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
        expect(findJsonSyntaxError(readFileSync(join(dir, name), "utf8")), name).toBeUndefined();
      }
    }
  });

  it.each([
    ['{"a": }', 6, 'unexpected "}"'],
    ['{"a": 1,}', 8, "expected a property name in double quotes"],
    ["[1 2]", 3, 'expected "," or "]"'],
    ['{"a" 1}', 5, 'expected ":"'],
    ['{"a": "b', 8, "unterminated string"],
    ["{'a': 1}", 1, "expected a property name in double quotes"],
    ['{"a": 1} x', 9, "unexpected text after the value"],
    ['{"a": [1, 2', 11, "unexpected end of input"],
    ['{"a": 01}', 7, 'expected "," or "}"'],
  ])("finds the error in %s", (text, offset, reason) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ offset, reason });
  });

  it("handles deep nesting without recursion", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(findJsonSyntaxError(deep)).toBeUndefined();
    expect(findJsonSyntaxError("[".repeat(100_000))).toEqual({ offset: 100_000, reason: "unexpected end of input" });
  });
});
