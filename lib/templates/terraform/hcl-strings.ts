/**
 * String rules of the HCL native syntax (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md, "Template
 * Expressions"): escapes in quoted templates, `$${`/`%%{` in every template, and the indentation a flush heredoc
 * (`<<-EOT`) removes. Scanned by hand: the text is hostile and no regex is built from it.
 */

/** The one-character escapes of a quoted template. */
function simpleEscape(next: string): string | undefined {
  switch (next) {
    case "n":
      return "\n";
    case "r":
      return "\r";
    case "t":
      return "\t";
    case '"':
      return '"';
    case "\\":
      return "\\";
    default:
      return undefined;
  }
}

/**
 * Decodes one literal run of a quoted template: `\n \r \t \" \\ \uNNNN \UNNNNNNNN`, then `$${` and `%%{`. The text
 * between escapes is copied a run at a time; any other backslash is kept as written.
 */
export function decodeQuotedLiteral(raw: string): string {
  let at = raw.indexOf("\\");
  // Most literals hold no backslash: only the template escapes can apply.
  if (at === -1) return decodeTemplateEscapes(raw);
  let out = "";
  let from = 0;
  while (at !== -1 && at + 1 < raw.length) {
    out += raw.slice(from, at);
    const next = raw[at + 1]!;
    const simple = simpleEscape(next);
    const width = next === "u" ? 4 : next === "U" ? 8 : 0;
    const hex = width > 0 ? raw.slice(at + 2, at + 2 + width) : "";
    if (simple !== undefined) {
      out += simple;
      from = at + 2;
    } else if (width > 0 && hex.length === width && [...hex].every((h) => "0123456789abcdefABCDEF".includes(h))) {
      const code = Number.parseInt(hex, 16);
      out += code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
      from = at + 2 + width;
    } else {
      // Not an escape: the backslash stays, and the next character is read as any other.
      out += "\\";
      from = at + 1;
    }
    at = raw.indexOf("\\", from);
  }
  return decodeTemplateEscapes(out + raw.slice(from));
}

/** `$${` is a literal `${` and `%%{` a literal `%{`, in quoted templates and heredocs alike. */
export function decodeTemplateEscapes(raw: string): string {
  if (!raw.includes("$${") && !raw.includes("%%{")) return raw;
  return raw.replaceAll("$${", "${").replaceAll("%%{", "%{");
}

/** Every line's leading spaces or tabs, counted; lines of whitespace only do not count (as hclsyntax does). */
function minimumIndent(lines: string[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    let n = 0;
    while (n < line.length && (line[n] === " " || line[n] === "\t")) n++;
    if (n < line.length) min = Math.min(min, n);
  }
  return Number.isFinite(min) ? min : 0;
}

/**
 * A flush heredoc removes the smallest indentation of its lines from every line. `parts` are literal runs and
 * interpolations (any non-string); an interpolation at a line start counts as content.
 */
export function flushHeredoc<T>(parts: Array<string | T>): Array<string | T> {
  const MARK = "\u0000";
  const holes: T[] = [];
  const joined = parts.map((p) => (typeof p === "string" ? p.replaceAll(MARK, "") : (holes.push(p), MARK))).join("");
  const lines = joined.split("\n");
  const indent = minimumIndent(lines);
  const flushed = lines
    .map((line) => {
      let n = 0;
      while (n < indent && n < line.length && (line[n] === " " || line[n] === "\t")) n++;
      return line.slice(n);
    })
    .join("\n");
  const out: Array<string | T> = [];
  const pieces = flushed.split(MARK);
  pieces.forEach((piece, i) => {
    if (piece) out.push(piece);
    const hole = holes[i];
    if (i < pieces.length - 1 && hole !== undefined) out.push(hole);
  });
  return out;
}
