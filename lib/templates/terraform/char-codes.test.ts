import { describe, expect, it } from "vitest";
import { charCodesOf } from "./char-codes";

const unitsOf = (text: string) => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

describe("charCodesOf", () => {
  it("gives every UTF-16 code unit as charCodeAt does (NUL, non-ASCII, a pair and lone surrogates), then a 0", () => {
    const text = `a\u0000é€😀\uD800x\uDC00"\n`;
    const codes = charCodesOf(text);
    expect(codes.length).toBe(text.length + 1);
    expect(Array.from(codes.subarray(0, text.length))).toEqual(unitsOf(text));
    expect(codes[text.length]).toBe(0);
  });

  it("shows a shorter text after a longer one without what the longer one left", () => {
    charCodesOf("x".repeat(100_000));
    const codes = charCodesOf("ab");
    expect(Array.from(codes)).toEqual([97, 98, 0]);
    expect(codes[3]).toBeUndefined();
  });
});
