/**
 * Characters that change how a generated file is read, whatever its language: C0 and C1 controls and DEL
 * (terminal escapes, NUL, form feed), U+0085 NEL and U+2028/U+2029 (line breaks for JavaScript, YAML 1.1 and
 * many editors, so they end a `//` or `#` comment: https://tc39.es/ecma262/#sec-line-terminators,
 * https://yaml.org/spec/1.1/#id871136), the bidirectional overrides and isolates of "Trojan Source"
 * (https://trojansource.codes, CVE-2021-42574), the BOM, noncharacters and lone surrogates (not encodable as UTF-8).
 */
export const UNSAFE_CHAR = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|\p{Cs}/u;
export const UNSAFE_CHARS = new RegExp(UNSAFE_CHAR.source, "gu");

/** The unsafe characters JSON.stringify leaves raw (it escapes C0 controls and lone surrogates itself). */
export const JSON_UNESCAPED_UNSAFE = /[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

/** `\uXXXX` for one BMP code point (every unsafe character is in the BMP). */
export function hex4(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
}
