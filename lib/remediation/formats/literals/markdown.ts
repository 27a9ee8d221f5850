import { hex4, UNSAFE_CHARS } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * Text from the audited account as inert Markdown inline text (CommonMark with GitHub's extensions), for a table
 * cell, a heading or a paragraph:
 * - every character that can open markup is backslash-escaped (CommonMark allows escaping any ASCII punctuation,
 *   https://spec.commonmark.org/0.31.2/#backslash-escapes): `\` `` ` `` `*` `_` `~` (code, emphasis,
 *   strikethrough), `[` `]` `!` (links and images), `<` `>` `&` (raw HTML, autolinks, entity references), `|`
 *   (table cells), `#`;
 * - GFM's extended autolinks (https://github.github.com/gfm/#autolinks-extension-) need a literal "www.", "://" or
 *   "@": their "." / ":" / "@" are escaped, which ends the text run the autolink scanner reads;
 * - line breaks become spaces (a table row is one line) and other unsafe characters are written \uXXXX.
 */
export function markdownText(value: string): string {
  return value
    .replace(/[\r\n\u0085\u2028\u2029]+/g, " ")
    .replace(UNSAFE_CHARS, hex4)
    .replace(/[\\`*_~[\]!<>&|#@]/g, (char) => `\\${char}`)
    .replace(/:(?=\/\/)/g, "\\:")
    .replace(/(www)\./gi, "$1\\.")
    .trim();
}
