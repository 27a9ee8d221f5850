import { hex4, UNSAFE_CHARS } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * Text from the audited account as inert Markdown inline text (CommonMark / GitHub Flavored Markdown): every
 * ASCII punctuation character that can start markup is backslash-escaped (CommonMark §2.4: any ASCII
 * punctuation may be escaped), so no HTML tag, link, image, emphasis, code span or table cell can come from it;
 * escaping ":", "/", "." and "@" also keeps GFM's extended autolinks (§6.9) from turning a URL or address into a link;
 * line breaks become spaces (a table row is one line) and other unsafe characters are written \uXXXX.
 * https://spec.commonmark.org/0.31.2/#backslash-escapes, https://github.github.com/gfm/#autolinks-extension-
 */
export function markdownText(value: string): string {
  return value
    .replace(/[\r\n\u0085\u2028\u2029]+/g, " ")
    .replace(UNSAFE_CHARS, hex4)
    .replace(/[\\`*_{}[\]()<>#+\-.!|~"'=:&@$%^?/;,]/g, (char) => `\\${char}`)
    .trim();
}
