import { hex4, UNSAFE_CHARS } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * Text from the audited account made safe for any line comment (`#`, `//`) or block comment (`/* *\/`,
 * `"""`, `<!-- -->`) of a generated file: one line (whitespace runs become one space), every unsafe character
 * (unsafe-chars.ts) written visibly as `\uXXXX`, and the comment terminators of every target language broken
 * with a backslash, so the comment ends only where the generator ends it.
 */
export function commentText(value: string): string {
  return value
    .replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " ")
    .replace(UNSAFE_CHARS, hex4)
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .replace(/"""/g, '""\\"')
    .replace(/'''/g, "''\\'")
    .replace(/-->/g, "--\\>")
    .replace(/<!--/g, "<!\\--")
    .trim();
}
