import { hex4, UNSAFE_CHARS } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * Text from the audited account made safe for a line comment (`#`, `//`) of a generated file: one line (whitespace
 * runs become one space) and every unsafe character (unsafe-chars.ts) written visibly as `\uXXXX`, so nothing but
 * the end of the generator's own line ends the comment. The terminators of the string and comment forms a careless
 * edit could move it into (`"""`, `'''`, `-->`, `<!--`) are broken with a backslash too.
 */
export function commentText(value: string): string {
  return value
    .replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, " ")
    .replace(UNSAFE_CHARS, hex4)
    .replace(/"""/g, '""\\"')
    .replace(/'''/g, "''\\'")
    .replace(/-->/g, "--\\>")
    .replace(/<!--/g, "<!\\--")
    .trim();
}

/** commentText for the inside of a `/* … *\/` or `/** … *\/` block (JavaScript, TypeScript, HCL): "*\/" is broken too. */
export function blockCommentText(value: string): string {
  return commentText(value).replace(/\*\//g, "*\\/");
}
