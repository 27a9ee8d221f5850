/**
 * Case-insensitive comparisons of header names and mapping keys without lower-cased copies (issue 16): the CORS rules
 * compare names for every method (10,000 in a large API), and `a.toLowerCase() === b.toLowerCase()` allocated two
 * strings per comparison. The answers are exactly toLowerCase's: ASCII letters are folded here, and as soon as a
 * character outside ASCII decides anything the comparison is left to toLowerCase itself (Unicode lower-casing can
 * change a string's length, "İ" becomes two code units, and "K" (the Kelvin sign) becomes an ASCII "k").
 */

/** `a.slice(aFrom).toLowerCase() === b.slice(bFrom).toLowerCase()`. */
export function sameIgnoringCase(a: string, b: string, aFrom = 0, bFrom = 0): boolean {
  const aLength = a.length - aFrom;
  const bLength = b.length - bFrom;
  const shared = aLength < bLength ? aLength : bLength;
  for (let i = 0; i < shared; i++) {
    const x = a.charCodeAt(aFrom + i);
    const y = b.charCodeAt(bFrom + i);
    if (x === y) continue;
    // The first difference decides: the characters before it are equal, so they lower-case alike (the one
    // context-dependent mapping, the final sigma, keeps its length). Outside ASCII, toLowerCase answers.
    if (x >= 128 || y >= 128) return a.slice(aFrom).toLowerCase() === b.slice(bFrom).toLowerCase();
    if (lowerAscii(x) !== lowerAscii(y)) return false;
  }
  // One is a prefix of the other: a longer string never lower-cases to a shorter one (no character maps to nothing).
  return aLength === bLength;
}

/** `key.toLowerCase().startsWith(prefix)`, for a prefix that is lower-case ASCII. */
export function startsWithIgnoringCase(key: string, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    // Every character so far was ASCII, so the lower-cased key is exactly as long as the key up to here.
    if (i >= key.length) return false;
    const x = key.charCodeAt(i);
    if (x >= 128) return key.toLowerCase().startsWith(prefix);
    if (lowerAscii(x) !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/**
 * `new RegExp(escaped(suffix) + "$", "i").test(text)` for a lower-case ASCII suffix. Without the u flag a regular
 * expression folds case by upper-casing each character and never lets a character outside ASCII match an ASCII one
 * (ECMAScript Canonicalize), so ASCII folding is the whole story here, unlike toLowerCase.
 */
export function endsWithIgnoringAsciiCase(text: string, suffix: string): boolean {
  const from = text.length - suffix.length;
  if (from < 0) return false;
  // From the end: keys that differ usually differ in their last characters (…-Origin, …-Headers).
  for (let i = suffix.length - 1; i >= 0; i--) if (lowerAscii(text.charCodeAt(from + i)) !== suffix.charCodeAt(i)) return false;
  return true;
}
