/**
 * A direct parser for the subset of YAML that CloudFormation and SAM templates (and JSON) are written in, tried
 * before the `yaml` package by document.ts.
 *
 * Why: the `yaml` package lexes, builds a concrete syntax tree, composes a Document of node objects, then
 * document.ts converts that to plain values: about 300 ms and most of the garbage for a 778 KB template
 * (`npm run bench:template`, SAM 1,000 resources). One scan straight to plain values and a small position table
 * is linear and allocates little else.
 *
 * The `yaml` package (YAML 1.1 schema, as document.ts calls it) stays the reference: this parser returns a result
 * only for text it reads exactly as that path does (same values, same types, same key order, same node offsets for
 * positionOf), and `undefined` for anything else, which then goes to the reference path for its value or its error
 * message. It declines: anchors, aliases and merge keys (`&a`, `*a`, `<<`), complex keys (`? x`, `[a]: b`),
 * directives and more than one document (`%YAML`, a second `---`, `...`), tags on keys, `!!` tags and tags with
 * anything but letters and digits, tabs, carriage returns, BOMs and control characters anywhere, block scalars with
 * an indentation indicator, all-space lines longer than a block scalar's indentation, keep-chomping without content,
 * a line break escaped before an empty line in a double-quoted scalar, an empty tagged node followed by blanks (or, in a flow collection, by a line break or comment), a multi-line
 * implicit key or a flow key without a value, multi-line plain scalars in flow collections or whose continuation
 * lines hold anything indicator-like, duplicate keys, an empty document or a scalar document, under-indented
 * continuation lines, more than MAX_DEPTH levels or more nodes than the caller's budget, and any syntax error.
 * yaml-fast-parser.test.ts proves "exactly" on the corpus, the generated large template, tricky snippets and
 * fast-check generated documents.
 *
 * What the reference path does that this parser reproduces (yaml 2.x, compose-scalar.js and resolve-*.js):
 * - an untagged plain scalar is typed by the first YAML 1.1 schema tag whose test matches (null, bool incl.
 *   yes/no/on/off, int incl. 0b/octal 0…/hex/sexagesimal and `_`, float incl. .inf/.nan, timestamp): the same tag
 *   objects are used here, taken from a `yaml` Document, for every scalar whose first character can start one;
 * - a scalar with an unknown local tag (`!Ref 123`) is the string as written, never typed; an empty one is "";
 * - a mapping key is `String()` of its scalar's value (`yes:` is the key "true");
 * - a mapping entry is positioned at its key, a sequence item at its node, a tagged node after its tag, an empty
 *   sequence item at the comment, line break or end of text after its indicator.
 *
 * What it does for speed, with no effect on the result: a plain scalar whose text was read before is the same
 * string again (ScalarCache, with its typed value), a small mapping checks a new key against its recorded ones
 * instead of asking the object, a key such as "200" is stored without V8's large elements store (index-keys.ts), the
 * position table is two typed arrays, and large subtrees with no intrinsic inside are recorded for the walks that
 * look for intrinsics (plain-subtrees.ts).
 */
import { isScalar, parseDocument, type ScalarTag } from "yaml";
import { withTag } from "@/lib/templates/short-form-tags";
import { indexKeyedMap, isMultiDigitIndex, setOwnKey } from "@/lib/templates/index-keys";
import { setOwn } from "@/lib/model/set-own";
import { isIntrinsicKey, MAX_RECORDED_SUBTREES, MIN_RECORDED_NODES, recordPlainSubtree } from "@/lib/templates/plain-subtrees";

/** A node's offset: a number for a scalar, else the collection with its entries' offsets. */
/**
 * Where every node starts, in a few flat arrays (one small object per mapping would be most of the parse's garbage).
 * A node reference is a collection's index in the `node*` arrays, or `-offset - 1` for a scalar at `offset`; a
 * collection's entries are `count` consecutive rows of the `entry*` arrays from `first`.
 */
export interface FastPositions {
  root: number;
  /**
   * Per collection (node index n), three numbers from `3n`: where it starts, its first entry row, and its entry count
   * for a mapping or `-count - 1` for a sequence. Typed arrays, one per kind of row: a large template has tens of
   * thousands of rows, and a small one allocates two tables, not one per column.
   */
  nodes: Int32Array;
  /** A mapping entry's key (unused for a sequence item), by entry row. */
  entryKey: KeyColumn;
  /** Per entry (row r), two numbers from `2r`: where it starts (a mapping entry is located at its key), and its node. */
  entries: Int32Array;
  /** Per large mapping, its keys → entry row, built on its first lookup. */
  indexes: Map<number, Map<string, number>>;
}

export interface FastYaml {
  value: unknown;
  positions: FastPositions;
}

/** A growing table of 32-bit integers (offsets and node references of a text under 2 GB), filled by rows. */
class IntTable {
  data: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }

  /** Room for `count` more numbers. */
  reserve(count: number): void {
    if (this.length + count <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.length + count));
    grown.set(this.data);
    this.data = grown;
  }
}

const KEY_CHUNK_BITS = 10;
const KEY_CHUNK = 1 << KEY_CHUNK_BITS;

/**
 * The entries' keys, by row, in fixed-size chunks: one array grown by `push` to tens of thousands of rows copied
 * itself over and over (most of the position table's garbage); chunks are filled once and never copied.
 */
export class KeyColumn {
  private readonly chunks: string[][] = [];
  length = 0;

  push(key: string): void {
    const slot = this.length & (KEY_CHUNK - 1);
    if (slot === 0) this.chunks.push(new Array<string>(KEY_CHUNK));
    (this.chunks[this.chunks.length - 1] as string[])[slot] = key;
    this.length++;
  }

  at(row: number): string {
    return (this.chunks[row >> KEY_CHUNK_BITS] as string[])[row & (KEY_CHUNK - 1)] as string;
  }
}

function scalarAt(offset: number): number {
  return -offset - 1;
}

/** Nesting of block and flow collections read here; the nesting pre-check refuses far less deep text anyway. */
const MAX_DEPTH = 100;
/** The `yaml` package refuses implicit keys longer than this. */
const MAX_KEY_LENGTH = 1024;
/**
 * Scalars met before are looked up by their text instead of sliced again (`ScalarCache`): a large template repeats a
 * few hundred keys and values thousands of times. Most slots of its direct-mapped table, and the longest text cached.
 */
const MAX_CACHE_SLOTS = 4096;
const MAX_CACHED_LENGTH = 48;
/** Maps with more entries than this check a new key against the object built so far, not entry by entry. */
const LINEAR_DUPLICATE_CHECK = 8;

/** Characters this parser never reads (the reference path decides about them): tab, CR, other C0/C1 controls, BOM, LS/PS. */
const UNREAD_CHARACTERS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/;

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;

/** The YAML 1.1 schema's default scalar tags, in the order the `yaml` package tries them. */
const reference = parseDocument("", { version: "1.1" });
const TYPED_TAGS: ScalarTag[] = reference.schema.tags.filter(
  (tag): tag is ScalarTag => tag.default === true && tag.test instanceof RegExp && !("collection" in tag && tag.collection),
);
const TAG_OPTIONS = reference.options;

/**
 * First characters that can start a typed plain scalar in that schema: digits, `+ - .` (numbers, .inf/.nan,
 * timestamps), `~`, and the letters of null/yes/no/true/false/on/off and of a bare exponent (`e5` is a float there).
 * Any other plain scalar is a string without running the tests.
 */
const MAY_BE_TYPED = new Uint8Array(128);
for (const c of "0123456789+-.~YyNnTtFfOoEe") MAY_BE_TYPED[c.charCodeAt(0)] = 1;

/** Starts a plain scalar cannot have (YAML 1.2 §7.3.3 c-indicator), apart from `-?:` before a non-blank. */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of ",[]{}#&*!|>'\"%@`") NOT_PLAIN_START[c.charCodeAt(0)] = 1;

const FLOW_INDICATOR = new Uint8Array(128);
for (const c of ",[]{}") FLOW_INDICATOR[c.charCodeAt(0)] = 1;

const SIMPLE_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A cache slot whose typed value or key has not been worked out yet. */
const UNRESOLVED = Symbol("unresolved");

/**
 * The strings of the plain scalars read so far, by their text: the same text read again gives the same string,
 * without a new slice, with its typed value and key name without running the schema's tests again. Reusing one
 * string per key also spares the engine interning a fresh copy of it for every object that gets the key. Only
 * primitives are cached as typed values: a timestamp's Date is made anew each time, as the reference path does.
 * (Quoted scalars are sliced: caching them cost JSON templates, whose every key and value is quoted, more than it saved.)
 */
class ScalarCache {
  private readonly texts: Array<string | undefined>;
  private readonly typed: unknown[];
  private readonly keys: Array<string | typeof UNRESOLVED>;
  private readonly mask: number;
  /** The slot of the string `text` last returned (-1 when it was not cached): `typedPlain` and `keyOf` look there. */
  private slot = -1;

  constructor(private readonly source: string) {
    // One slot per 64 characters of text, a power of two up to MAX_CACHE_SLOTS: a small file gets a small table.
    let slots = 64;
    while (slots < MAX_CACHE_SLOTS && slots * 64 < source.length) slots *= 2;
    this.texts = new Array<string | undefined>(slots);
    this.typed = new Array<unknown>(slots);
    this.keys = new Array<string | typeof UNRESOLVED>(slots);
    this.mask = slots - 1;
  }

  /** `source.slice(start, end)`, or the string an earlier call made for the same text. */
  text(start: number, end: number): string {
    const { source } = this;
    const length = end - start;
    if (length > MAX_CACHED_LENGTH || length <= 0) {
      this.slot = -1;
      return source.slice(start, end);
    }
    // A slot from the length and four characters (hashing every character cost more than it saved); the whole
    // text is then compared.
    const last = end - 1;
    const hash =
      Math.imul(Math.imul(Math.imul(length, 31) + source.charCodeAt(start), 31) + source.charCodeAt(last), 31) +
      source.charCodeAt(start + (length >> 1)) * 7 +
      source.charCodeAt(last - (length >> 2));
    const slot = (hash ^ (hash >>> 12)) & this.mask;
    this.slot = slot;
    const cached = this.texts[slot];
    if (cached !== undefined && cached.length === length) {
      let k = 0;
      while (k < length && cached.charCodeAt(k) === source.charCodeAt(start + k)) k++;
      if (k === length) return cached;
    }
    const made = source.slice(start, end);
    this.texts[slot] = made;
    this.typed[slot] = UNRESOLVED;
    this.keys[slot] = UNRESOLVED;
    return made;
  }

  /** `resolvePlain(value)`, from the cache when `value` is the string `text` just returned. */
  typedPlain(value: string): unknown {
    const slot = this.slot;
    if (slot < 0 || this.texts[slot] !== value) return resolvePlain(value);
    const known = this.typed[slot];
    if (known !== UNRESOLVED) return known;
    const typed = resolvePlain(value);
    if (typed === null || typeof typed !== "object") this.typed[slot] = typed;
    return typed;
  }

  /** The mapping key a plain scalar names (`String` of its typed value), from the cache as `typedPlain`. */
  keyOf(value: string): string {
    const slot = this.slot;
    if (slot < 0 || this.texts[slot] !== value) return String(resolvePlain(value));
    const known = this.keys[slot] as string | typeof UNRESOLVED;
    if (known !== UNRESOLVED) return known;
    const key = String(this.typedPlain(value));
    this.keys[slot] = key;
    return key;
  }
}

/** Thrown to hand the text to the reference path; never escapes `parseYamlFast`. Not an Error: no stack is captured. */
const DECLINE = { declined: true } as const;

function decline(): never {
  throw DECLINE;
}

function isTagChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The value the reference path gives an untagged plain scalar. */
function resolvePlain(source: string): unknown {
  const first = source.charCodeAt(0);
  if (first >= 128 || MAY_BE_TYPED[first] !== 1) return source;
  for (const tag of TYPED_TAGS) {
    if (!(tag.test as RegExp).test(source)) continue;
    let failed = false;
    const value = tag.resolve(
      source,
      () => {
        failed = true;
      },
      TAG_OPTIONS,
    );
    if (failed) decline();
    return isScalar(value) ? value.value : value;
  }
  return source;
}

/** Reads `text` as the `yaml` package (YAML 1.1) would, or returns undefined when unsure. `budget`: most nodes read. */
export function parseYamlFast(text: string, budget: number): FastYaml | undefined {
  if (UNREAD_CHARACTERS.test(text)) return undefined;
  try {
    return new FastYamlParser(text, budget).document();
  } catch (error) {
    if (error === DECLINE || error instanceof RangeError) return undefined;
    throw error;
  }
}

class FastYamlParser {
  private i = 0;
  private lineStart = 0;
  /** Column of the content line the cursor is on after `toContent`, or -1 at the end of the text. */
  private indent = -1;
  private nodes = 0;
  private depth = 0;
  /** Flow collections open around the cursor. */
  private flowDepth = 0;
  /** The node reference (see FastPositions) of the node the last read returned. */
  private pos = 0;
  /** The position table (FastPositions), filled as collections end. */
  private readonly nodeTable: IntTable;
  private readonly entryKey = new KeyColumn();
  private readonly entryTable: IntTable;
  /** Entries of the collections still being read, innermost last; each moves to `positions` when its collection ends. */
  private readonly pendingKey: string[] = [];
  private readonly pendingOffset: number[] = [];
  private readonly pendingChild: number[] = [];
  private pending = 0;
  /**
   * For plain-subtrees.ts, without per-entry work: `impure` counts the tags and intrinsic keys read so far (a collection
   * is plain when the count did not change while it was read), `deepest` the deepest level a value reached since the
   * innermost open collection began; per open collection (by depth), their values and the node count when it began.
   */
  private impure = 0;
  private deepest = 0;
  private records = 0;
  private readonly openNodes: number[] = [];
  private readonly openImpure: number[] = [];
  private readonly openDeepest: number[] = [];
  /** The `:` of the plain implicit key `lineHasKey` last found, and where that key starts (a key is scanned once). */
  private colonAt = -1;
  private colonFor = -1;
  private readonly n: number;
  private readonly scalars: ScalarCache;

  constructor(
    private readonly text: string,
    private readonly budget: number,
  ) {
    this.n = text.length;
    this.scalars = new ScalarCache(text);
    // Templates have a collection per 40 to 90 characters and an entry per 25 to 50 (the shared corpus): room for one
    // per 32 and one per 16, so a table seldom grows (a new table and its copy cost more than the unused room, which is
    // off-heap and untouched).
    this.nodeTable = new IntTable(3 * Math.max(16, text.length >> 5));
    this.entryTable = new IntTable(2 * Math.max(16, text.length >> 4));
  }

  document(): FastYaml {
    this.toContent(true);
    if (this.indent < 0) decline();
    const c = this.code(this.i);
    if (this.indent === 0 && c === DASH && this.text.startsWith("---", this.i) && this.isBlankOrEnd(this.i + 3)) {
      this.i += 3;
      this.finishLine();
      this.toContent(false);
      if (this.indent < 0) decline();
    }
    const value = this.blockNode(-1, false, false);
    if (this.pos < 0 || this.indent >= 0) decline();
    const positions: FastPositions = {
      root: this.pos,
      nodes: this.nodeTable.data,
      entryKey: this.entryKey,
      entries: this.entryTable.data,
      indexes: new Map(),
    };
    return { value, positions };
  }

  /** Records one entry of the collection being read: the node just read, under `key` at `offset` for a mapping. */
  private entry(key: string, offset: number): void {
    const at = this.pending++;
    this.pendingKey[at] = key;
    this.pendingOffset[at] = offset;
    this.pendingChild[at] = this.pos;
  }

  /** `withTag`, noting that the node carries a tag (its value may be an intrinsic's long form: not plain). */
  private tag(tag: string, value: unknown): unknown {
    this.impure++;
    return withTag(tag, value);
  }

  /** A collection begins at the current depth (after `enter`, before its own `count`). */
  private begin(): void {
    const depth = this.depth;
    this.openNodes[depth] = this.nodes;
    this.openImpure[depth] = this.impure;
    this.openDeepest[depth] = this.deepest;
    this.deepest = depth;
  }

  /**
   * One entry of the mapping whose entries are recorded from `base`, refusing a duplicate key (the reference path
   * reports it) and keeping `__proto__` an own key. A small mapping's keys are compared with the recorded ones (the
   * same strings, mostly, from the scalar cache), a larger one's looked up in the object. Returns the mapping: a
   * mapping whose first key is a status code (an array index) is made anew by `indexKeyedMap` (nothing refers to the
   * empty one yet), so its elements are a dictionary from the start.
   */
  private setEntry(object: Record<string, unknown>, base: number, key: string, value: unknown): Record<string, unknown> {
    const end = this.pending;
    if (end === base) {
      if (isMultiDigitIndex(key)) {
        const map = indexKeyedMap<unknown>();
        setOwn(map, key, value);
        return map;
      }
    } else if (end - base <= LINEAR_DUPLICATE_CHECK) {
      for (let at = base; at < end; at++) if (this.pendingKey[at] === key) decline();
    } else if (Object.prototype.hasOwnProperty.call(object, key)) decline();
    if (isIntrinsicKey(key)) this.impure++;
    setOwnKey(object, key, value);
    return object;
  }

  /**
   * Ends the collection whose entries were recorded from `base` (at the current depth: before `depth--`), and makes it
   * the node just read. A large plain one is recorded for the walks (plain-subtrees.ts).
   */
  private collection(start: number, isMap: boolean, base: number, value: object): void {
    const count = this.pending - base;
    const nodeTable = this.nodeTable;
    nodeTable.reserve(3);
    const row = nodeTable.length;
    this.pos = row / 3;
    const table = nodeTable.data;
    table[row] = start;
    table[row + 1] = this.entryKey.length;
    table[row + 2] = isMap ? count : -count - 1;
    nodeTable.length = row + 3;
    const { entryKey, entryTable } = this;
    entryTable.reserve(2 * count);
    const entries = entryTable.data;
    let at2 = entryTable.length;
    for (let at = base; at < this.pending; at++) {
      entryKey.push(this.pendingKey[at] as string);
      entries[at2] = this.pendingOffset[at] as number;
      entries[at2 + 1] = this.pendingChild[at] as number;
      at2 += 2;
    }
    entryTable.length = at2;
    this.pending = base;
    const depth = this.depth;
    // Its entries are one level down; a nested collection left `deepest` at the deepest level below it.
    let deepest = this.deepest;
    if (count > 0 && deepest <= depth) deepest = depth + 1;
    const outer = this.openDeepest[depth] as number;
    this.deepest = deepest > outer ? deepest : outer;
    if (this.impure !== this.openImpure[depth]) return;
    const nodes = this.nodes - (this.openNodes[depth] as number);
    if (nodes >= MIN_RECORDED_NODES && this.records < MAX_RECORDED_SUBTREES) {
      this.records++;
      recordPlainSubtree(value, { nodes, height: deepest - depth });
    }
  }

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  private isBlankOrEnd(at: number): boolean {
    if (at >= this.n) return true;
    const c = this.text.charCodeAt(at);
    return c === SPACE || c === NEWLINE;
  }

  private count(): void {
    if (++this.nodes > this.budget) decline();
  }

  private skipSpaces(): void {
    while (this.i < this.n && this.text.charCodeAt(this.i) === SPACE) this.i++;
  }

  /** After a node on its line: only spaces and a comment may follow; leaves the cursor at the line break (or the end). */
  private finishLine(): void {
    this.skipSpaces();
    if (this.i >= this.n) return;
    const c = this.code(this.i);
    if (c === NEWLINE) return;
    // A comment needs white space before it (else `#` is part of what precedes it, which the caller did not read).
    if (c === HASH && (this.i === this.lineStart || this.code(this.i - 1) === SPACE)) {
      const end = this.text.indexOf("\n", this.i);
      this.i = end < 0 ? this.n : end;
      return;
    }
    decline();
  }

  /**
   * From a line break (or the start of a line), past blank and comment-only lines to the first content character of
   * the next line, setting `indent` (-1 at the end). A document marker there is declined unless `atStart` allows `---`.
   */
  private toContent(atStart: boolean): void {
    const { text, n } = this;
    let i = this.i;
    if (i < n && text.charCodeAt(i) === NEWLINE) i++;
    for (;;) {
      const lineStart = i;
      while (i < n && text.charCodeAt(i) === SPACE) i++;
      if (i >= n) {
        this.i = n;
        this.lineStart = lineStart;
        this.indent = -1;
        return;
      }
      const c = text.charCodeAt(i);
      if (c === NEWLINE) {
        i++;
        continue;
      }
      if (c === HASH) {
        const end = text.indexOf("\n", i);
        if (end < 0) {
          this.i = n;
          this.lineStart = lineStart;
          this.indent = -1;
          return;
        }
        i = end + 1;
        continue;
      }
      if (
        i === lineStart &&
        (c === DASH || c === 46) &&
        (text.startsWith("---", i) || text.startsWith("...", i)) &&
        this.isBlankOrEnd(i + 3)
      ) {
        if (!(atStart && c === DASH)) decline();
      }
      if (i === lineStart && c === 37 /* % */) decline();
      this.i = i;
      this.lineStart = lineStart;
      this.indent = i - lineStart;
      return;
    }
  }

  private isSeqIndicator(at: number): boolean {
    return this.code(at) === DASH && this.isBlankOrEnd(at + 1);
  }

  /** Does the line from the cursor hold an implicit key (`key:` followed by a blank)? */
  private lineHasKey(): boolean {
    const { text, n } = this;
    let j = this.i;
    const c = text.charCodeAt(j);
    if (c === QUOTE || c === APOSTROPHE) {
      j++;
      for (;;) {
        if (j >= n) return false;
        const d = text.charCodeAt(j);
        if (d === NEWLINE) return false;
        if (c === QUOTE && d === BACKSLASH) j += 2;
        else if (d === c) {
          if (c === APOSTROPHE && text.charCodeAt(j + 1) === APOSTROPHE) j += 2;
          else break;
        } else j++;
      }
      j++;
      while (j < n && text.charCodeAt(j) === SPACE) j++;
      return text.charCodeAt(j) === COLON && this.isBlankOrEnd(j + 1);
    }
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d === NEWLINE) return false;
      if (d === COLON && this.isBlankOrEnd(j + 1)) {
        this.colonAt = j;
        this.colonFor = this.i;
        return true;
      }
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) return false;
    }
    return false;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) decline();
  }

  /**
   * The node at the cursor, in block context. `parent` is the indentation of the enclosing block collection (-1 at the
   * top); `inline` when the node follows `key:` or a tag on the same line (no mapping or sequence can start there);
   * `tagged` when a tag precedes it (its scalar is then the string as written).
   */
  private blockNode(parent: number, inline: boolean, tagged: boolean): unknown {
    const c = this.code(this.i);
    const column = this.i - this.lineStart;
    if (c === DASH && this.isBlankOrEnd(this.i + 1)) {
      if (inline) decline();
      return this.blockSeq(column);
    }
    if (c === 33 /* ! */) {
      if (tagged) decline();
      return this.tagged(parent);
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const value = this.flowNode(parent);
      this.finishLine();
      this.toContent(false);
      return value;
    }
    if (this.lineHasKey()) {
      if (inline) decline();
      return this.blockMap(column);
    }
    if (c === QUOTE || c === APOSTROPHE) {
      const start = this.i;
      const value = c === QUOTE ? this.doubleQuoted(parent, true) : this.singleQuoted(parent, true);
      this.count();
      this.pos = scalarAt(start);
      this.finishLine();
      this.toContent(false);
      return value;
    }
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(parent);
    return this.plainBlock(parent, tagged);
  }

  private tagged(parent: number): unknown {
    const { text } = this;
    const tagStart = this.i;
    let j = tagStart + 1;
    while (j < this.n && isTagChar(text.charCodeAt(j))) j++;
    if (j === tagStart + 1 || !this.isBlankOrEnd(j)) decline();
    const tag = text.slice(tagStart, j);
    this.i = j;
    this.skipSpaces();
    const c = this.i < this.n ? this.code(this.i) : NEWLINE;
    if (c === NEWLINE || c === HASH) {
      const emptyAt = this.i;
      this.finishLine();
      this.toContent(false);
      if (this.indent > parent) {
        this.enter();
        const value = this.blockNode(parent, false, true);
        this.depth--;
        return this.tag(tag, value);
      }
      // An empty tagged scalar: the `yaml` package places it oddly when blanks follow the tag.
      if (emptyAt !== j) decline();
      this.count();
      this.pos = scalarAt(emptyAt);
      return this.tag(tag, "");
    }
    return this.tag(tag, this.blockNode(parent, true, true));
  }

  private blockMap(column: number): object {
    this.enter();
    this.begin();
    this.count();
    const start = this.i;
    let object: Record<string, unknown> = {};
    const base = this.pending;
    for (;;) {
      const keyStart = this.i;
      const key = this.blockKey();
      const value = this.mapValue(column);
      object = this.setEntry(object, base, key, value);
      this.entry(key, keyStart);
      if (this.indent === column) {
        if (this.isSeqIndicator(this.i) || !this.lineHasKey()) decline();
        continue;
      }
      if (this.indent < column) break;
      decline();
    }
    this.collection(start, true, base, object);
    this.depth--;
    return object;
  }

  /** A block mapping's key, through its `:`. */
  private blockKey(): string {
    const { text } = this;
    const c = this.code(this.i);
    let key: string;
    if (c === QUOTE || c === APOSTROPHE) {
      key = c === QUOTE ? this.doubleQuoted(-1, false) : this.singleQuoted(-1, false);
      this.skipSpaces();
    } else {
      if (this.notPlainStart(c, false)) decline();
      const start = this.i;
      let j = this.colonFor === start ? this.colonAt : start;
      for (;;) {
        const d = text.charCodeAt(j);
        if (j >= this.n || d === NEWLINE) decline();
        if (d === COLON && this.isBlankOrEnd(j + 1)) break;
        if (d === HASH && text.charCodeAt(j - 1) === SPACE) decline();
        j++;
      }
      let end = j;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      if (end - start > MAX_KEY_LENGTH) decline();
      const source = this.scalars.text(start, end);
      if (source === "<<") decline();
      key = this.scalars.keyOf(source);
      this.i = j;
    }
    if (this.code(this.i) !== COLON || !this.isBlankOrEnd(this.i + 1)) decline();
    this.i++;
    return key;
  }

  /** What follows `key:` in a block mapping at `column`. */
  private mapValue(column: number): unknown {
    this.skipSpaces();
    const c = this.i < this.n ? this.code(this.i) : NEWLINE;
    if (c === NEWLINE || c === HASH) {
      this.finishLine();
      this.toContent(false);
      if (this.indent > column) return this.blockNode(column, false, false);
      if (this.indent === column && this.isSeqIndicator(this.i)) return this.blockSeq(column);
      this.count();
      this.pos = scalarAt(this.i);
      return null;
    }
    return this.blockNode(column, true, false);
  }

  private blockSeq(column: number): unknown[] {
    this.enter();
    this.begin();
    this.count();
    const start = this.i;
    const array: unknown[] = [];
    const base = this.pending;
    for (;;) {
      this.i++;
      this.skipSpaces();
      const c = this.i < this.n ? this.code(this.i) : NEWLINE;
      if (c === NEWLINE || c === HASH) {
        const emptyAt = this.i;
        this.finishLine();
        this.toContent(false);
        if (this.indent > column) array.push(this.blockNode(column, false, false));
        else {
          this.count();
          this.pos = scalarAt(emptyAt);
          array.push(null);
        }
      } else array.push(this.blockNode(column, false, false));
      this.entry("", 0);
      if (this.indent === column && this.isSeqIndicator(this.i)) continue;
      if (this.indent <= column) break;
      decline();
    }
    this.collection(start, false, base, array);
    this.depth--;
    return array;
  }

  private notPlainStart(c: number, flow: boolean): boolean {
    if (c >= 128) return false;
    if (NOT_PLAIN_START[c] === 1) return true;
    if (c === DASH || c === 63 /* ? */ || c === COLON) {
      const next = this.i + 1 < this.n ? this.code(this.i + 1) : NEWLINE;
      return next === SPACE || next === NEWLINE || (flow && next < 128 && FLOW_INDICATOR[next] === 1);
    }
    return false;
  }

  /** A plain scalar in block context, with its continuation lines (more indented than `parent`). */
  private plainBlock(parent: number, tagged: boolean): unknown {
    const { text, n } = this;
    const c = this.code(this.i);
    if (this.notPlainStart(c, false)) decline();
    const start = this.i;
    let j = start;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d === NEWLINE) break;
      if (d === COLON && this.isBlankOrEnd(j + 1)) decline();
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) break;
    }
    let end = j;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    let value = this.scalars.text(start, end);
    this.i = end;
    // A comment ends the scalar: a more indented line after it is an error the reference path reports.
    const commented = j < n && text.charCodeAt(j) === HASH;
    this.finishLine();
    // Continuation lines: folded into one line, an empty line giving a line break (YAML 1.2 §7.3.3, §6.5).
    while (!commented) {
      if (this.i >= n) break;
      let k = this.i + 1;
      let empty = 0;
      let lineStart = k;
      for (;;) {
        lineStart = k;
        while (k < n && text.charCodeAt(k) === SPACE) k++;
        if (k < n && text.charCodeAt(k) === NEWLINE) {
          empty++;
          k++;
          continue;
        }
        break;
      }
      if (k >= n || k - lineStart <= parent || text.charCodeAt(k) === HASH) break;
      const first = text.charCodeAt(k);
      if (first < 128 && (NOT_PLAIN_START[first] === 1 || first === DASH || first === 63 || first === COLON)) decline();
      let e = k;
      for (; e < n; e++) {
        const d = text.charCodeAt(e);
        if (d === NEWLINE) break;
        if ((d === COLON && this.isBlankOrEnd(e + 1)) || (d === HASH && text.charCodeAt(e - 1) === SPACE)) decline();
      }
      let trimmed = e;
      while (text.charCodeAt(trimmed - 1) === SPACE) trimmed--;
      value += (empty === 0 ? " " : "\n".repeat(empty)) + text.slice(k, trimmed);
      this.i = e;
      this.lineStart = lineStart;
    }
    this.count();
    this.pos = scalarAt(start);
    this.toContent(false);
    return tagged ? value : this.scalars.typedPlain(value);
  }

  /**
   * A line break inside a quoted scalar: trailing spaces were trimmed by the caller; the breaks and the next line's
   * indentation become one space, or one line feed per empty line (YAML 1.2 §7.3.1). Leaves the cursor on the next
   * line's first character.
   */
  private foldQuotedBreak(parent: number): string {
    const { text, n } = this;
    let empty = 0;
    let i = this.i + 1;
    for (;;) {
      const lineStart = i;
      while (i < n && text.charCodeAt(i) === SPACE) i++;
      if (i >= n) decline();
      if (text.charCodeAt(i) === NEWLINE) {
        empty++;
        i++;
        continue;
      }
      if (i - lineStart <= parent) decline();
      if (i === lineStart && (text.startsWith("---", i) || text.startsWith("...", i))) decline();
      this.lineStart = lineStart;
      break;
    }
    this.i = i;
    return empty === 0 ? " " : "\n".repeat(empty);
  }

  private doubleQuoted(parent: number, multiLine: boolean): string {
    const { text, n } = this;
    let out = "";
    let run = ++this.i;
    for (;;) {
      if (this.i >= n) decline();
      const c = text.charCodeAt(this.i);
      if (c === QUOTE) {
        out += text.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c === BACKSLASH) {
        out += text.slice(run, this.i);
        const e = text[this.i + 1] ?? "";
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          this.i += 2;
        } else if (e in HEX_ESCAPES) {
          const length = HEX_ESCAPES[e] as number;
          const hex = text.slice(this.i + 2, this.i + 2 + length);
          if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) decline();
          const point = parseInt(hex, 16);
          if (point > 0x10ffff) decline();
          out += String.fromCodePoint(point);
          this.i += 2 + length;
        } else if (e === "\n") {
          // An escaped line break joins the lines without a space; an empty line after it is left to the reference.
          if (!multiLine) decline();
          this.i++;
          if (this.foldQuotedBreak(parent) !== " ") decline();
        } else decline();
        run = this.i;
        continue;
      }
      if (c === NEWLINE) {
        if (!multiLine) decline();
        let end = this.i;
        while (end > run && text.charCodeAt(end - 1) === SPACE) end--;
        out += text.slice(run, end) + this.foldQuotedBreak(parent);
        run = this.i;
        continue;
      }
      this.i++;
    }
  }

  private singleQuoted(parent: number, multiLine: boolean): string {
    const { text, n } = this;
    let out = "";
    let run = ++this.i;
    for (;;) {
      if (this.i >= n) decline();
      const c = text.charCodeAt(this.i);
      if (c === APOSTROPHE) {
        if (text.charCodeAt(this.i + 1) === APOSTROPHE) {
          out += text.slice(run, this.i + 1);
          this.i += 2;
          run = this.i;
          continue;
        }
        out += text.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c === NEWLINE) {
        if (!multiLine) decline();
        let end = this.i;
        while (end > run && text.charCodeAt(end - 1) === SPACE) end--;
        out += text.slice(run, end) + this.foldQuotedBreak(parent);
        run = this.i;
        continue;
      }
      this.i++;
    }
  }

  /** A literal (`|`) or folded (`>`) scalar with clip, strip (`-`) or keep (`+`) chomping (YAML 1.2 §8.1). */
  private blockScalar(parent: number): string {
    const { text, n } = this;
    const start = this.i;
    const folded = this.code(this.i) === 62;
    this.i++;
    let chomp: "clip" | "strip" | "keep" = "clip";
    const indicator = this.code(this.i);
    if (indicator === DASH) chomp = "strip";
    else if (indicator === 43 /* + */) chomp = "keep";
    if (chomp !== "clip") this.i++;
    if (!this.isBlankOrEnd(this.i)) decline();
    this.finishLine();
    if (this.i >= n) decline();
    let p = this.i;
    let contentIndent = -1;
    let leadingSpaces = 0;
    let empty = 0;
    let value = "";
    let lines = 0;
    // Folding state, as resolve-block-scalar.js keeps it: the separator before the next line, and whether the last
    // content line was more indented (its line breaks are kept).
    let separator = "";
    let moreIndented = false;
    while (p < n) {
      const lineStart = p + 1;
      let q = lineStart;
      while (q < n && text.charCodeAt(q) === SPACE) q++;
      const spaces = q - lineStart;
      if (q >= n) {
        if (lineStart < n) decline();
        break;
      }
      if (text.charCodeAt(q) === NEWLINE) {
        if (contentIndent < 0) leadingSpaces = Math.max(leadingSpaces, spaces);
        else if (spaces > contentIndent) decline();
        empty++;
        p = q;
        continue;
      }
      if (contentIndent < 0) {
        if (spaces <= parent) break;
        if (leadingSpaces > spaces) decline();
        contentIndent = spaces;
      } else if (spaces < contentIndent) break;
      const found = text.indexOf("\n", q);
      const lineEnd = found < 0 ? n : found;
      const content = text.slice(lineStart + contentIndent, lineEnd);
      if (lines === 0) {
        value = "\n".repeat(empty) + content;
        moreIndented = spaces > contentIndent;
        separator = folded && !moreIndented ? " " : "\n";
      } else if (!folded) value += "\n".repeat(empty + 1) + content;
      else {
        for (let e = 0; e < empty; e++) {
          if (separator === "\n") value += "\n";
          else separator = "\n";
        }
        if (spaces > contentIndent) {
          if (separator === " ") separator = "\n";
          else if (!moreIndented && separator === "\n") separator = "\n\n";
          value += separator + content;
          separator = "\n";
          moreIndented = true;
        } else {
          value += separator + content;
          separator = " ";
          moreIndented = false;
        }
      }
      lines++;
      empty = 0;
      p = lineEnd;
    }
    if (lines === 0) {
      if (chomp === "keep") decline();
      value = "";
    } else if (chomp === "clip") value += "\n";
    else if (chomp === "keep") value += "\n".repeat(empty + 1);
    this.count();
    this.pos = scalarAt(start);
    this.i = p;
    this.toContent(false);
    return value;
  }

  /** Skips blanks, line breaks and comments inside a flow collection; lines must stay indented past `parent`. */
  private skipFlow(parent: number): void {
    const { text, n } = this;
    const before = this.i > 0 ? text.charCodeAt(this.i - 1) : NEWLINE;
    let blank = before === SPACE || before === NEWLINE;
    for (;;) {
      if (this.i >= n) decline();
      const c = text.charCodeAt(this.i);
      if (c === SPACE) {
        this.i++;
        blank = true;
      } else if (c === NEWLINE) {
        this.i++;
        this.lineStart = this.i;
        blank = true;
        let k = this.i;
        while (k < n && text.charCodeAt(k) === SPACE) k++;
        const first = k < n ? text.charCodeAt(k) : NEWLINE;
        if (first !== NEWLINE && first !== HASH) {
          // The `yaml` package lets the line that closes the outermost collection sit at the parent's indentation.
          const closes = this.flowDepth === 1 && (first === 93 || first === 125);
          if (k - this.lineStart < parent || (k - this.lineStart === parent && !closes)) decline();
          if (k === this.lineStart && (text.startsWith("---", k) || text.startsWith("...", k))) decline();
        }
      } else if (c === HASH) {
        if (!blank) decline();
        const end = text.indexOf("\n", this.i);
        if (end < 0) decline();
        this.i = end;
      } else return;
    }
  }

  private flowNode(parent: number): unknown {
    this.enter();
    this.flowDepth++;
    this.begin();
    this.count();
    const start = this.i;
    const open = this.code(this.i);
    this.i++;
    this.skipFlow(parent);
    let value: unknown;
    if (open === 91) {
      const array: unknown[] = [];
      const base = this.pending;
      if (this.code(this.i) !== 93) {
        for (;;) {
          array.push(this.flowItem(parent));
          this.entry("", 0);
          this.skipFlow(parent);
          const c = this.code(this.i);
          if (c === 93) break;
          if (c !== 44) decline();
          this.i++;
          this.skipFlow(parent);
          if (this.code(this.i) === 93) break;
        }
      }
      this.i++;
      this.collection(start, false, base, array);
      value = array;
    } else {
      let object: Record<string, unknown> = {};
      const base = this.pending;
      if (this.code(this.i) !== 125) {
        for (;;) {
          const keyStart = this.i;
          const key = this.flowKey();
          this.skipFlow(parent);
          const c = this.code(this.i);
          if (c === 44 || c === 125) decline();
          const item = this.flowItem(parent);
          object = this.setEntry(object, base, key, item);
          this.entry(key, keyStart);
          this.skipFlow(parent);
          const d = this.code(this.i);
          if (d === 125) break;
          if (d !== 44) decline();
          this.i++;
          this.skipFlow(parent);
          if (this.code(this.i) === 125) break;
        }
      }
      this.i++;
      this.collection(start, true, base, object);
      value = object;
    }
    this.depth--;
    this.flowDepth--;
    return value;
  }

  /** A flow mapping's key (a quoted or plain scalar on one line), through its `:`. */
  private flowKey(): string {
    const c = this.code(this.i);
    let key: string;
    if (c === QUOTE || c === APOSTROPHE) {
      key = c === QUOTE ? this.doubleQuoted(-1, false) : this.singleQuoted(-1, false);
      this.skipSpaces();
    } else {
      const source = this.plainFlow();
      if (source === "<<" || source.length > MAX_KEY_LENGTH) decline();
      key = this.scalars.keyOf(source);
      this.skipSpaces();
    }
    if (this.code(this.i) !== COLON) decline();
    this.i++;
    return key;
  }

  /** A plain scalar in a flow collection, on one line; the cursor stops at what ended it. */
  private plainFlow(): string {
    const { text, n } = this;
    const c = this.code(this.i);
    if (this.notPlainStart(c, true)) decline();
    const start = this.i;
    let j = start;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (d === NEWLINE) break;
      if (d < 128 && FLOW_INDICATOR[d] === 1) break;
      if (d === COLON) {
        const next = j + 1 < n ? text.charCodeAt(j + 1) : NEWLINE;
        if (next === SPACE || next === NEWLINE || (next < 128 && FLOW_INDICATOR[next] === 1)) break;
      }
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) break;
    }
    let end = j;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    if (end === start) decline();
    this.i = end;
    return this.scalars.text(start, end);
  }

  private flowItem(parent: number): unknown {
    const c = this.code(this.i);
    if (c === 91 || c === 123) return this.flowNode(parent);
    if (c === QUOTE || c === APOSTROPHE) {
      this.count();
      const start = this.i;
      const value = c === QUOTE ? this.doubleQuoted(parent, true) : this.singleQuoted(parent, true);
      this.pos = scalarAt(start);
      return value;
    }
    if (c === 33 /* ! */) {
      const tagStart = this.i;
      let j = tagStart + 1;
      while (j < this.n && isTagChar(this.code(j))) j++;
      if (j === tagStart + 1 || this.code(j) !== SPACE) decline();
      const tag = this.text.slice(tagStart, j);
      this.i = j;
      this.skipSpaces();
      const d = this.code(this.i);
      if (d === 91 || d === 123) return this.tag(tag, this.flowNode(parent));
      // An empty tagged node before a line break or comment: the `yaml` package places it at the next content, as in
      // block context (see `tagged`), so that case is left to it.
      if (this.i >= this.n || d === NEWLINE || d === HASH) decline();
      this.count();
      const start = this.i;
      const value = d === QUOTE ? this.doubleQuoted(parent, true) : d === APOSTROPHE ? this.singleQuoted(parent, true) : this.plainFlow();
      this.pos = scalarAt(start);
      return this.tag(tag, value);
    }
    this.count();
    const start = this.i;
    const source = this.plainFlow();
    this.pos = scalarAt(start);
    return this.scalars.typedPlain(source);
  }
}

/**
 * Where the node at `base` then the first `length` segments of `path` starts, as document.ts's `offsetOf` finds it in
 * the `yaml` Document.
 */
export function fastOffsetOf(
  positions: FastPositions,
  base: ReadonlyArray<string | number>,
  path: ReadonlyArray<string | number>,
  length: number,
): number {
  let node = positions.root;
  let offset = startOf(positions, node);
  const depth = base.length + length;
  for (let i = 0; i < depth; i++) {
    if (node < 0) return offset;
    const name = String(i < base.length ? base[i] : path[i - base.length]);
    const first = positions.nodes[3 * node + 1] as number;
    const signedCount = positions.nodes[3 * node + 2] as number;
    const count = signedCount >= 0 ? signedCount : -signedCount - 1;
    if (signedCount >= 0) {
      const row = keyRow(positions, node, first, count, name);
      if (row < 0) return offset;
      offset = positions.entries[2 * row] as number;
      node = positions.entries[2 * row + 1] as number;
    } else {
      const index = Number(name);
      if (!Number.isInteger(index) || index < 0 || index >= count || String(index) !== name) return offset;
      node = positions.entries[2 * (first + index) + 1] as number;
      offset = startOf(positions, node);
    }
  }
  return offset;
}

function startOf(positions: FastPositions, node: number): number {
  return node < 0 ? -node - 1 : (positions.nodes[3 * node] as number);
}

function keyRow(positions: FastPositions, node: number, first: number, count: number, name: string): number {
  if (count <= 8) {
    for (let row = first; row < first + count; row++) if (positions.entryKey.at(row) === name) return row;
    return -1;
  }
  let index = positions.indexes.get(node);
  if (!index) {
    index = new Map();
    for (let row = first; row < first + count; row++) index.set(positions.entryKey.at(row), row);
    positions.indexes.set(node, index);
  }
  return index.get(name) ?? -1;
}
