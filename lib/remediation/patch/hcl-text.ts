/**
 * Byte ranges of a Terraform block and of its top-level attributes, found by scanning the text from the block's
 * position (the reader's syntax tree keeps where a block starts, not where it ends). The scanner knows HCL's
 * lexical structure (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md): quoted strings with escapes
 * and `${ }` interpolations, heredocs, `#`, `//` and `/* *\/` comments, so a brace inside any of them is not
 * counted. Edits then replace whole attribute lines, leaving every other byte of the file as written.
 */

export interface HclAttributeRange {
  name: string;
  /** Start of the attribute's first line (its indentation included). */
  lineStart: number;
  /** Just after the newline that ends the attribute's value. */
  end: number;
  /** The value's text, trimmed (for single-line checks). */
  value: string;
}

export interface HclBlockRange {
  start: number;
  /** Offset of the block body's `{` and `}`. */
  open: number;
  close: number;
  attributes: HclAttributeRange[];
  /** Indentation of the body's first attribute, or two spaces. */
  indent: string;
}

/** Bound on the characters scanned for one block (far above any real block). */
const MAX_SCAN = 5_000_000;

export function offsetOf(text: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The block starting at `start` (its type keyword), or undefined when the text there is not a block. */
export function scanBlock(text: string, start: number): HclBlockRange | undefined {
  // The labels are quoted strings or identifiers; the body starts at the first `{` outside them.
  let i = start;
  while (i < text.length && text[i] !== "{" && text[i] !== "\n") {
    if (text[i] === '"') i = skipString(text, i);
    else i++;
  }
  if (text[i] !== "{") return undefined;
  const open = i;
  let depth = 0;
  const boundaries: number[] = [];
  const limit = Math.min(text.length, open + MAX_SCAN);
  for (i = open; i < limit; i++) {
    const char = text[i];
    if (char === '"') {
      i = skipString(text, i) - 1;
    } else if (char === "#" || (char === "/" && text[i + 1] === "/")) {
      const newline = text.indexOf("\n", i);
      i = (newline < 0 ? text.length : newline) - 1;
    } else if (char === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (char === "<" && text[i + 1] === "<" && /^<<-?[A-Za-z_]/.test(text.slice(i, i + 3))) {
      i = skipHeredoc(text, i) - 1;
    } else if (char === "{" || char === "[" || char === "(") depth++;
    else if (char === "}" || char === "]" || char === ")") {
      depth--;
      if (depth === 0) return withAttributes(text, start, open, i, boundaries);
    } else if (char === "\n" && depth === 1) boundaries.push(i + 1);
  }
  return undefined;
}

function skipString(text: string, at: number): number {
  let i = at + 1;
  let interpolation = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\") i += 2;
    else if (interpolation === 0 && char === '"') return i + 1;
    else if ((char === "$" || char === "%") && text[i + 1] === "{" && text[i - 1] !== char) {
      interpolation++;
      i += 2;
    } else if (interpolation > 0 && char === "}") {
      interpolation--;
      i++;
    } else if (interpolation === 0 && char === "\n")
      return i; // an unterminated string ends at the line (the parser reports it)
    else i++;
  }
  return i;
}

function skipHeredoc(text: string, at: number): number {
  const match = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(text.slice(at, at + 200));
  if (!match) return at + 2;
  const marker = match[1] as string;
  let i = at + match[0].length;
  while (i < text.length) {
    const newline = text.indexOf("\n", i);
    const line = text.slice(i, newline < 0 ? text.length : newline);
    if (line.trim() === marker) return newline < 0 ? text.length : newline;
    if (newline < 0) return text.length;
    i = newline + 1;
  }
  return i;
}

function withAttributes(text: string, start: number, open: number, close: number, boundaries: number[]): HclBlockRange {
  const firstLine = text.indexOf("\n", open) + 1;
  const lines = [firstLine, ...boundaries.filter((b) => b > firstLine && b <= close)];
  const attributes: HclAttributeRange[] = [];
  for (let index = 0; index < lines.length; index++) {
    const lineStart = lines[index] as number;
    const end = (lines[index + 1] as number | undefined) ?? lineStartOf(text, close);
    const match = /^[ \t]*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*=(?!=)/.exec(text.slice(lineStart, end));
    if (!match || end <= lineStart) continue;
    attributes.push({ name: match[1] as string, lineStart, end, value: text.slice(lineStart + match[0].length, end).trim() });
  }
  const indent = attributes[0] ? (/^[ \t]*/.exec(text.slice(attributes[0].lineStart)) as RegExpExecArray)[0] : "  ";
  return { start, open, close, attributes, indent };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** A Terraform identifier for a new block's name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function hclIdentifier(base: string): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, "_").replace(/^[^A-Za-z_]/, "_$&");
  return clean.slice(0, 64) || "preflight";
}

/**
 * New blocks laid out as `terraform fmt` lays them out: the `=` of consecutive one-line attributes at the same depth
 * aligned; a multi-line attribute, a blank line or a brace line ends the run.
 * https://developer.hashicorp.com/terraform/language/style#code-formatting
 */
export function alignAttributes(lines: readonly string[]): string[] {
  const out = [...lines];
  const attribute = /^(\s*)([A-Za-z_][A-Za-z0-9_-]*|"(?:[^"\\]|\\.)*")\s*=\s(.*)$/;
  let run: number[] = [];
  const flush = () => {
    const width = Math.max(...run.map((index) => (attribute.exec(out[index] as string) as RegExpExecArray)[2]!.length));
    for (const index of run) {
      const [, indent, name, value] = attribute.exec(out[index] as string) as RegExpExecArray;
      out[index] = `${indent}${(name as string).padEnd(width)} = ${value}`;
    }
    run = [];
  };
  for (let index = 0; index < out.length; index++) {
    const match = attribute.exec(out[index] as string);
    const opens = match && /[{[(]\s*$/.test(match[3] as string);
    const sameDepth = run.length === 0 || (match && (attribute.exec(out[run[0] as number] as string) as RegExpExecArray)[1] === match[1]);
    if (match && !opens && sameDepth) run.push(index);
    else {
      if (run.length > 0) flush();
      if (match && !opens) run.push(index);
    }
  }
  if (run.length > 0) flush();
  return out;
}
