import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsWithIgnoringAsciiCase, sameIgnoringCase, startsWithIgnoringCase } from "./ignore-case";

// Characters whose lower-casing is unusual (longer, context-dependent, non-ASCII to ASCII) among plain ones.
const TRICKY = [
  "İ",
  "ı",
  "\u212A",
  "\u212B",
  "Σ",
  "σ",
  "ς",
  "ſ",
  "ß",
  "ẞ",
  "Å",
  "å",
  "\uD801\uDC00",
  "\uD801",
  "\u0307",
  "-",
  ".",
  "@",
  "[",
  "`",
  "{",
];
const char = fc.oneof(
  fc.constantFrom(..."aAbBkKsSiIzZmM0".split("")),
  fc.constantFrom(...TRICKY),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const text = fc.array(char, { maxLength: 8 }).map((chars) => chars.join(""));
// Spellings that lower-case alike, one of them outside ASCII.
const ALIKE: Record<string, string> = { k: "\u212A", K: "\u212A", "\u212A": "K", "i\u0307": "İ", İ: "i\u0307", å: "\u212B" };
/** A string and a copy with some characters' case flipped or swapped for an alike one (so that equal answers are common). */
const flipped = fc.tuple(text, fc.array(fc.nat(2), { minLength: 8, maxLength: 8 }), fc.boolean()).map(([s, changes, swap]) => {
  const copy = [...s]
    .map((c, i) => {
      const change = changes[i % 8];
      if (change === 1) return c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
      if (change === 2) return ALIKE[c] ?? c;
      return c;
    })
    .join("");
  return swap ? [copy, s] : [s, copy];
});

describe("sameIgnoringCase", () => {
  it("answers exactly as comparing the lower-cased strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(text, text), flipped), text, fc.nat(4), ([a, b], prefix, cut) => {
        expect(sameIgnoringCase(a, b)).toBe(a.toLowerCase() === b.toLowerCase());
        const from = Math.min(cut, prefix.length);
        const withPrefix = prefix + a;
        expect(sameIgnoringCase(withPrefix, b, prefix.length)).toBe(a.toLowerCase() === b.toLowerCase());
        expect(sameIgnoringCase(withPrefix, b, from)).toBe(withPrefix.slice(from).toLowerCase() === b.toLowerCase());
        expect(sameIgnoringCase(b, withPrefix, 0, from)).toBe(withPrefix.slice(from).toLowerCase() === b.toLowerCase());
        expect(sameIgnoringCase(withPrefix, prefix + b, prefix.length, prefix.length)).toBe(a.toLowerCase() === b.toLowerCase());
      }),
      { numRuns: 5000 },
    );
  });

  it("settles the cases where lower-casing changes a length or leaves ASCII", () => {
    expect(sameIgnoringCase("Access-Control-Allow-Origin", "access-control-allow-origin")).toBe(true);
    expect(sameIgnoringCase("x-İd", "x-i\u0307d")).toBe(true);
    expect(sameIgnoringCase("x-İd", "x-id")).toBe(false);
    expect(sameIgnoringCase("\u212A", "k")).toBe(true);
    expect(sameIgnoringCase("k", "\u212A")).toBe(true);
    expect(sameIgnoringCase("i\u0307", "İ")).toBe(true);
    expect(sameIgnoringCase("ſ", "s")).toBe(false);
    expect(sameIgnoringCase("ab", "abc")).toBe(false);
    expect(sameIgnoringCase("", "")).toBe(true);
    expect(sameIgnoringCase("[", "{")).toBe(false);
  });
});

describe("startsWithIgnoringCase", () => {
  it("answers exactly as testing the lower-cased key", () => {
    const prefixes = fc.constantFrom("method.response.header.", "k", "i\u0307", "ab", "");
    fc.assert(
      fc.property(prefixes, text, text, (prefix, before, after) => {
        for (const key of [before, prefix + after, prefix.toUpperCase() + after, before + prefix])
          expect(startsWithIgnoringCase(key, prefix), key).toBe(key.toLowerCase().startsWith(prefix));
      }),
      { numRuns: 3000 },
    );
    expect(startsWithIgnoringCase("METHOD.Response.HEADER.X", "method.response.header.")).toBe(true);
    expect(startsWithIgnoringCase("\u212Ab", "kb")).toBe(true);
    expect(startsWithIgnoringCase("method.response.heade", "method.response.header.")).toBe(false);
  });
});

describe("endsWithIgnoringAsciiCase", () => {
  it("answers exactly as the case-insensitive regular expression anchored at the end", () => {
    const suffixes = fc.constantFrom(".header.access-control-allow-origin", "k", "s", "i", "");
    fc.assert(
      fc.property(suffixes, text, text, fc.boolean(), (suffix, before, after, upper) => {
        const pattern = new RegExp(`${suffix.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}$`, "i");
        const spelled = upper ? suffix.toUpperCase() : suffix;
        for (const key of [before, before + spelled, before + spelled + after, before + outsideAscii(spelled)])
          expect(endsWithIgnoringAsciiCase(key, suffix), key).toBe(pattern.test(key));
      }),
      { numRuns: 3000 },
    );
    expect(endsWithIgnoringAsciiCase("method.response.HEADER.Access-Control-Allow-Origin", ".header.access-control-allow-origin")).toBe(
      true,
    );
    expect(endsWithIgnoringAsciiCase("x-\u212A", "k")).toBe(false);
    expect(endsWithIgnoringAsciiCase("x-ſ", "s")).toBe(false);
  });
});

/** The suffix with its letters swapped for characters outside ASCII that lower- or upper-case to them. */
function outsideAscii(suffix: string): string {
  return suffix.replace(/k/gi, "\u212A").replace(/s/gi, "ſ").replace(/i/g, "İ");
}
