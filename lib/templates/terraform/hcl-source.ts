/**
 * Where a syntax node was written, kept as offsets into its file and read into a line and column, or into the short
 * text messages quote, only when something asks. A parsed configuration has about a node per token (the generated
 * 1,000-resource one: 130,000 expressions); a position object and a text string made for each cost more in allocation
 * and garbage collection than the scan itself (`npm run bench:template`), while findings and messages need a few
 * hundred of them.
 */
import type { SourcePosition } from "@/lib/templates/types";

const TEXT_LIMIT = 120;

/** What a node's offsets are read against. */
export interface HclSource {
  readonly file: string;
  /** 1-based line and UTF-16 column of `offset`. */
  positionAt(offset: number): SourcePosition;
  /** The text from `start` to `end`, shortened for messages (`shorten`). */
  textOf(start: number, end: number): string;
}

/** True when `text` has no run of whitespace to collapse: printable ASCII with single inner spaces. */
function isOneLine(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c < 127) continue;
    if (c !== 32 || i === 0 || i === last || text.charCodeAt(i + 1) === 32) return false;
  }
  return true;
}

/** One line, whitespace runs collapsed, at most `limit` characters (an ellipsis marks a cut). */
export function shorten(text: string, limit = TEXT_LIMIT): string {
  // Most expression texts (names, short strings) are already one line: no regex pass for them.
  const oneLine = isOneLine(text) ? text : text.replace(/\s+/g, " ").trim();
  return oneLine.length > limit ? `${oneLine.slice(0, limit - 1)}…` : oneLine;
}

/**
 * A native `.tf` file's text. Lines are counted at `\n` only and columns in UTF-16 code units, as web-tree-sitter
 * reports rows and columns for a JavaScript string (hcl-parser.test.ts compares the two on every node of the corpus).
 */
export class TextSource implements HclSource {
  /** Offset of each line's first character, made on the first position asked for. */
  #lineStarts: Int32Array | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  positionAt(offset: number): SourcePosition {
    const starts = (this.#lineStarts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    // The last line starting at or before `offset`.
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { file: this.file, line: low + 1, column: offset - starts[low]! + 1 };
  }

  textOf(start: number, end: number): string {
    // Only the start of a long expression is read: slicing it whole would cost O(size × depth).
    const cut = end - start > TEXT_LIMIT * 4;
    return shorten(this.text.slice(start, cut ? start + TEXT_LIMIT * 4 : end) + (cut ? "…" : ""));
  }
}

/**
 * Found with indexOf (a native scan; a loop over the characters took five times longer), into an array that doubles as
 * needed and is cut to the count (a file under 2 MiB has offsets well within 32 bits).
 */
function lineStarts(text: string): Int32Array {
  let starts = new Int32Array(Math.max(16, text.length >> 5));
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) {
    if (lines === starts.length) {
      const grown = new Int32Array(starts.length * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[lines++] = i + 1;
  }
  return starts.subarray(0, lines);
}

/** A node whose position and text were given, not read from offsets (Terraform JSON: positions of JSON nodes). */
export class FixedSource implements HclSource {
  readonly file: string;

  constructor(
    private readonly position: SourcePosition,
    private readonly text: string,
  ) {
    this.file = position.file;
  }

  positionAt(): SourcePosition {
    return this.position;
  }

  textOf(): string {
    return this.text;
  }
}

/** A node parsed out of another text, moved to one position (a JSON string read as a template): its text stays its own. */
export class MovedSource implements HclSource {
  readonly file: string;

  constructor(
    private readonly inner: HclSource,
    private readonly position: SourcePosition,
  ) {
    this.file = position.file;
  }

  positionAt(): SourcePosition {
    return this.position;
  }

  textOf(start: number, end: number): string {
    return this.inner.textOf(start, end);
  }
}
