/**
 * A hand-written HCL2 parser for the common subset of Terraform files, tried before tree-sitter.
 *
 * Why: tree-sitter's WASM parse and the copy of its concrete tree cost about a second for a 1.6 MB configuration
 * (427,000 syntax nodes; `npm run bench:template`), while a direct scan of the same text into hcl-ast.ts is linear and
 * allocates only the result. Tree-sitter (hcl-parser.ts + hcl-convert.ts) stays the reference: this parser accepts
 * only text it is sure to read exactly as that pipeline does, and returns `undefined` for anything else (operators,
 * conditionals, `for` expressions, heredocs, splats, template directives and strip markers, legacy `.0` indexes,
 * non-ASCII outside strings and comments, duplicate attributes, deep nesting, very large files, any syntax error),
 * so every error message, position and bound still comes from the reference path. hcl-fast-parser.test.ts checks
 * both give the same syntax on the corpus, the generated large configuration and generated expressions.
 *
 * What "the same" means, including tree-sitter-hcl's own readings (grammar 1.2.0, make_grammar.js and scanner.c):
 * - whitespace and comments (`#`, `//`, `/* *\/`) may separate any two tokens, newlines included, so `f\n(x)` is a call;
 * - identifiers are `[A-Za-z_][A-Za-z0-9_-]*` (tree-sitter also allows Unicode letters and `::`: declined here);
 *   `true`, `false` and `null` are literals;
 * - numbers follow `[0-9]+(\.[0-9]+([eE][-+]?[0-9]+)?)?` or `0x[0-9a-zA-Z]+`, valued with `Number` as the converter does;
 * - a quoted string without interpolation is a literal whose value loses leading and trailing blanks (the external
 *   scanner skips whitespace before each literal chunk, so the literal node starts and ends at a non-blank chunk);
 *   with an interpolation it is a template whose literal runs are the raw text between the quotes and `${…}`;
 * - a bare identifier as an object key is the literal key; attribute access or indexing on anything but a variable
 *   is "unsupported"; a parenthesised expression is its inner expression.
 * Nodes keep offsets into the text (hcl-source.ts), the same offsets tree-sitter's nodes start and end at.
 */
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclTraversalStep } from "./hcl-ast";
import { charCodesOf } from "./char-codes";
import { TextSource } from "./hcl-source";
import { decodeQuotedLiteral } from "./hcl-strings";
import { hashOf, type ReadNames } from "./read-names";

/** Nesting of expressions read here; the converter counts about three levels per one of these and refuses past 100. */
const MAX_NESTING = 30;
/**
 * Tokens read here per file. tree-sitter makes at most six syntax nodes per token read here (a string, counted as two,
 * is expression, literal_value, string_lit, its two quotes and the literal; measured: at most 2.9 per token on the
 * corpus, the generated configurations and dense tuples, objects and references), so below this no file reaches the
 * reference path's limits (1,000,000 syntax nodes, 500,000 expressions); above it, the reference path decides.
 */
const MAX_TOKENS = 120_000;

/**
 * An open-addressing table of the identifiers read so far in one file, probed with a hash computed while scanning: a
 * repeated identifier is found by comparing characters, with no new string. At most one entry per token (MAX_TOKENS).
 * Each slot keeps its name's full hash (most probes of another name stop there) and where the name was first read in
 * this file's text: a repeat is compared with that first occurrence, two ranges of one flat string, where comparing with
 * the name itself read a sliced string (V8 slices substrings of 13 characters or more) a character at a time, a fifth of
 * the parse.
 */
class Names {
  private slots: Array<string | undefined> = new Array<string | undefined>(1024);
  private hashes = new Int32Array(1024);
  /** Where the slot's name starts in the file's text; -1 for a name that is not a range of it (`internString`). */
  private offsets = new Int32Array(1024);
  /** What the slot's name is to the grammar (`RESERVED_NAME`, `KEYWORD_LITERAL`), found once per name, not per use. */
  private kinds = new Uint8Array(1024);
  /** The slot's `.name` step, made on its first use as one: the syntax is read, never changed, so equal steps are one. */
  private steps: Array<HclTraversalStep | undefined> = new Array<HclTraversalStep | undefined>(1024);
  private size = 0;
  /** The slot of the name returned last, which `kind` and `step` read. */
  private slot = 0;

  constructor(
    private readonly src: string,
    /** `src`'s code units (char-codes.ts). */
    private readonly codes: Uint16Array,
    /** The read's names, from which a name new to this file is taken (read-names.ts). */
    private readonly read: ReadNames | undefined,
  ) {}

  intern(start: number, end: number, hash: number): string {
    const src = this.src;
    const length = end - start;
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const name = this.slots[i];
      if (name === undefined) {
        const fresh = this.read ? this.read.range(src, this.codes, start, end, hash) : src.slice(start, end);
        this.put(i, fresh, hash, start);
        return fresh;
      }
      if (this.hashes[i] === hash && name.length === length && this.sameAt(i, name, start)) {
        this.slot = i;
        return name;
      }
    }
  }

  /**
   * `text` itself, or the equal name read before: a block label (`"aws_api_gateway_method"`, `"users_get"`) is then the
   * same string as the identifiers that refer to it, which the evaluator's maps compare by identity first.
   */
  internString(text: string): string {
    if (text.length === 0) return text;
    const hash = hashOf(text);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const name = this.slots[i];
      if (name === undefined) {
        const fresh = this.read ? this.read.text(text) : text;
        this.put(i, fresh, hash, -1);
        return fresh;
      }
      if (name === text) {
        this.slot = i;
        return name;
      }
    }
  }

  /** What the name returned last is to the grammar: 0, or `RESERVED_NAME` with `KEYWORD_LITERAL`. */
  kind(): number {
    return this.kinds[this.slot]!;
  }

  /** The `.name` step of the name returned last. */
  step(): HclTraversalStep {
    return (this.steps[this.slot] ??= { attr: this.slots[this.slot]! });
  }

  /** Is the slot's name the text at `start` (the caller has checked the length)? */
  private sameAt(slot: number, name: string, start: number): boolean {
    const codes = this.codes;
    const at = this.offsets[slot]!;
    if (at >= 0) {
      for (let j = 0; j < name.length; j++) if (codes[at + j] !== codes[start + j]) return false;
      return true;
    }
    for (let j = 0; j < name.length; j++) if (name.charCodeAt(j) !== codes[start + j]) return false;
    return true;
  }

  private put(slot: number, name: string, hash: number, offset: number): void {
    this.slots[slot] = name;
    this.hashes[slot] = hash;
    this.offsets[slot] = offset;
    this.kinds[slot] = RESERVED.has(name) ? (KEYWORD_LITERALS.has(name) ? RESERVED_NAME | KEYWORD_LITERAL : RESERVED_NAME) : 0;
    this.slot = slot;
    if (++this.size * 2 > this.slots.length) this.grow();
  }

  private grow(): void {
    const { slots, hashes, offsets, kinds, steps, slot } = this;
    const size = slots.length * 2;
    this.slots = new Array<string | undefined>(size);
    this.hashes = new Int32Array(size);
    this.offsets = new Int32Array(size);
    this.kinds = new Uint8Array(size);
    this.steps = new Array<HclTraversalStep | undefined>(size);
    const mask = size - 1;
    for (let k = 0; k < slots.length; k++) {
      if (slots[k] === undefined) continue;
      let i = hashes[k]! & mask;
      while (this.slots[i] !== undefined) i = (i + 1) & mask;
      this.slots[i] = slots[k];
      this.hashes[i] = hashes[k]!;
      this.offsets[i] = offsets[k]!;
      this.kinds[i] = kinds[k]!;
      this.steps[i] = steps[k];
      if (k === slot) this.slot = i;
    }
  }
}

/** `hashOf` the text whose code units are `codes[from..to)` (a non-empty range). */
function hashOfRange(codes: Uint16Array, from: number, to: number): number {
  let hash = codes[from]!;
  for (let j = from + 1; j < to; j++) hash = (Math.imul(hash, 31) + codes[j]!) | 0;
  return hash;
}

/** Does `list` hold exactly `items[from..to)`? */
function sameItems(list: readonly unknown[], items: readonly unknown[], from: number, to: number): boolean {
  if (list.length !== to - from) return false;
  for (let i = 0; i < list.length; i++) if (list[i] !== items[from + i]) return false;
  return true;
}

/**
 * The list of every empty list read here (no blocks in a body, no steps after a name, no call arguments): the syntax is
 * read, never changed, so one frozen array serves, where an array each was about 8,000 survivors of a large parse.
 */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/** Thrown to give the file to the reference path; never escapes `parseHclFast`. */
class Declined extends Error {}

const decline = (): never => {
  throw new Declined();
};

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 45;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

const KEYWORD_LITERALS: ReadonlyMap<string, boolean | null> = new Map([
  ["true", true],
  ["false", false],
  ["null", null],
]);

/** Words with a meaning in some position of the grammar (`for` expressions, directives): declined as names. */
const RESERVED = new Set(["for", "in", "if", "true", "false", "null"]);
/** `Names.kind` of a name in RESERVED, and of one in KEYWORD_LITERALS. */
const RESERVED_NAME = 1;
const KEYWORD_LITERAL = 2;

/** Attributes per body checked for a redefinition by a scan; a body with more gets a set of names. */
const SCAN_NAMES = 16;

class FastParser {
  private pos = 0;
  private tokens = 0;
  /** Comments skipped so far: a comment is a node of tree-sitter's tree, and in a few places the converter sees it. */
  private comments = 0;
  /** Set by `term`: the name when the term was a bare variable (an object key that names itself), else undefined. */
  private bare: string | undefined;
  /**
   * Items of the lists being read (steps, arguments, attributes…), each list on top of the ones it is nested in, copied
   * out at its end: a list then holds exactly its items (a pushed-to array keeps room for 17).
   */
  private readonly stack: unknown[] = [];
  /**
   * The stack's height. Items above it are left in place rather than cut off (`length = base` shrank the array, and
   * pushing grew it again, at every list end); the next push overwrites them.
   */
  private top = 0;
  /**
   * Identifiers repeat (`rest_api_id`, resource types): one string each, hashed once for the evaluator's maps. Quoted
   * literals' texts are interned here too (`literal`).
   */
  private readonly names: Names;
  /** Quoted literals with an escape, by their text as written. */
  private readonly decoded = new Map<string, string>();
  /**
   * Per first step, the last list of attribute steps read that starts with it: a configuration repeats such lists
   * thousands of times (`aws_api_gateway_rest_api.large.id`, a resource's `.id` after each of its methods), and a list
   * equal to the last one is that array again, where an array each was a fifth of what a parse keeps.
   */
  private readonly lastSteps = new Map<HclTraversalStep, HclTraversalStep[]>();
  /** Set by `steps`: whether every step it pushed was an attribute name (its list can then be shared). */
  private attrOnly = true;

  private readonly source: TextSource;
  /** `src`'s code units, which the loops over blanks, names and strings read (char-codes.ts). */
  private readonly codes: Uint16Array;

  constructor(
    file: string,
    private readonly src: string,
    names: ReadNames | undefined,
  ) {
    this.source = new TextSource(file, src);
    this.codes = charCodesOf(src);
    this.names = new Names(src, this.codes, names);
  }

  file_(): HclBody {
    const body = this.body(false);
    if (this.pos < this.src.length) decline();
    return body;
  }

  private count(): void {
    if (++this.tokens > MAX_TOKENS) decline();
  }

  /** Skips blanks, newlines and comments; declines other control or non-ASCII characters between tokens. */
  private skip(): void {
    const src = this.src;
    const codes = this.codes;
    // A local position: the runs of blanks (alignment, indentation) are a third of a generated file's characters.
    let pos = this.pos;
    for (;;) {
      const c = codes[pos]!;
      if (c === 32 || c === 9 || c === 13 || c === 10) pos++;
      else if (c === 35 || (c === 47 && codes[pos + 1] === 47)) {
        this.comments++;
        const newline = src.indexOf("\n", pos);
        pos = newline === -1 ? src.length : newline;
      } else if (c === 47 && codes[pos + 1] === 42) {
        this.comments++;
        const close = src.indexOf("*/", pos + 2);
        if (close === -1) decline();
        pos = close + 2;
      } else break;
    }
    this.pos = pos;
  }

  /** Steps back over blanks and comments read while looking ahead. */
  private reset(pos: number, comments: number): void {
    this.pos = pos;
    this.comments = comments;
  }

  private push(item: unknown): void {
    this.stack[this.top++] = item;
  }

  /**
   * The items pushed on the stack since `base`, as an array of exactly that length; the stack drops them. Short lists
   * (most: a traversal's steps, a block's labels, a call's arguments) are array literals, which V8 allocates in the old
   * generation once their site's arrays are seen to live long, as a parse's do (see hcl-ast.ts); `slice` always
   * allocates young.
   */
  private take<T>(base: number): T[] {
    const top = this.top;
    this.top = base;
    const s = this.stack as T[];
    switch (top - base) {
      case 0:
        return EMPTY;
      case 1:
        return [s[base]!];
      case 2:
        return [s[base]!, s[base + 1]!];
      case 3:
        return [s[base]!, s[base + 1]!, s[base + 2]!];
      case 4:
        return [s[base]!, s[base + 1]!, s[base + 2]!, s[base + 3]!];
      case 5:
        return [s[base]!, s[base + 1]!, s[base + 2]!, s[base + 3]!, s[base + 4]!];
      default:
        return s.slice(base, top);
    }
  }

  /** The code unit at the position: 0 at the end (`atEnd` tells it from a NUL, which no token starts with). */
  private peek(): number {
    return this.codes[this.pos]!;
  }

  private atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  private expect(c: number): void {
    if (this.peek() !== c) decline();
    this.pos++;
    this.count();
  }

  private identifier(): string {
    const src = this.src;
    const start = this.pos;
    let c = src.charCodeAt(start);
    if (!isIdentStart(c)) decline();
    let hash = c;
    let pos = start + 1;
    const codes = this.codes;
    for (c = codes[pos]!; isIdentPart(c); c = codes[++pos]!) hash = (Math.imul(hash, 31) + c) | 0;
    this.pos = pos;
    // `::` continues an identifier in tree-sitter-hcl (provider functions); not read here.
    if (c === 58 && src.charCodeAt(pos + 1) === 58) decline();
    this.count();
    return this.names.intern(start, pos, hash);
  }

  private body(inBlock: boolean): HclBody {
    const stack = this.stack;
    const base = this.top;
    // Made at the first block: most bodies (a resource's arguments) have none.
    let blocks: HclBlock[] | undefined;
    let names: Set<string> | undefined;
    for (;;) {
      this.skip();
      const c = this.peek();
      const end = this.atEnd();
      if (end || c === 125) {
        if (end ? inBlock : !inBlock) decline();
        return { attributes: this.take<HclAttribute>(base), blocks: blocks ?? EMPTY };
      }
      const start = this.pos;
      const name = this.identifier();
      if (this.names.kind() !== 0) decline();
      this.skip();
      if (this.peek() === 61) {
        if (this.src.charCodeAt(this.pos + 1) === 61) decline();
        this.pos++;
        const expr = this.expression(0);
        this.skip();
        const next = this.peek();
        if (!(this.atEnd() || next === 125 || isIdentStart(next))) decline();
        // A redefined attribute is an error the reference path reports with both lines.
        const count = this.top - base;
        if (names) {
          if (names.has(name)) decline();
          names.add(name);
        } else {
          for (let i = base; i < this.top; i++) if ((stack[i] as HclAttribute).name === name) decline();
          if (count + 1 >= SCAN_NAMES) names = new Set([...(stack.slice(base, this.top) as HclAttribute[]).map((a) => a.name), name]);
        }
        this.push({ name, expr, source: this.source, start } satisfies HclAttribute);
      } else {
        (blocks ??= []).push(this.block(name, start));
      }
    }
  }

  private block(type: string, start: number): HclBlock {
    const base = this.top;
    for (;;) {
      this.skip();
      const c = this.peek();
      if (c === 34) {
        const plain = this.plainLabel();
        if (plain !== undefined) this.push(plain);
        else {
          const label = this.quoted(0, true);
          if (label.kind !== "literal" || typeof label.value !== "string") return decline();
          this.push(this.names.internString(label.value));
        }
      } else if (isIdentStart(c)) {
        const label = this.identifier();
        if (this.names.kind() !== 0) decline();
        this.push(label);
      } else break;
    }
    const labels = this.take<string>(base);
    this.expect(123);
    const body = this.body(true);
    this.expect(125);
    return { type, labels, body, source: this.source, start };
  }

  /**
   * A quoted label of printable ASCII without blanks, escapes, `$` or `%` (`"aws_api_gateway_method"`), interned straight
   * from the text as identifiers are; undefined (nothing read) for any other, which `quoted` reads.
   */
  private plainLabel(): string | undefined {
    const codes = this.codes;
    const start = this.pos + 1;
    let pos = start;
    let c = codes[pos]!;
    let hash = c;
    for (; c !== 34; c = codes[++pos]!) {
      if (!(c > 32 && c < 127) || c === 92 || c === 36 || c === 37) return undefined;
      if (pos > start) hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (pos === start) return undefined;
    // The opening and closing quotes, as `quoted` counts them.
    this.count();
    this.count();
    this.pos = pos + 1;
    return this.names.intern(start, pos, hash);
  }

  /**
   * A quoted literal's value, one string per distinct text in the file: values repeat (`"GET"`, `"200"`, `"MOCK"`), and a
   * string each was decoded again and copied by every young collection of the read.
   */
  private literal(from: number, to: number, escaped: boolean): string {
    const raw = this.names.intern(from, to, hashOfRange(this.codes, from, to));
    if (!escaped) return raw;
    let decoded = this.decoded.get(raw);
    if (decoded === undefined) this.decoded.set(raw, (decoded = decodeQuotedLiteral(raw)));
    return decoded;
  }

  /** An expression: one term, never followed by an operator, `?` or `=>` (read by the reference path). */
  private expression(depth: number): HclExpr {
    return this.term(depth);
  }

  private followedByOperator(): boolean {
    this.skip();
    const c = this.peek();
    switch (c) {
      case 42: // *
      case 47: // /
      case 37: // %
      case 43: // +
      case 45: // -
      case 62: // >
      case 60: // <
      case 33: // !
      case 38: // &
      case 124: // |
      case 63: // ?
        return true;
      case 61: // == and =>
        return this.src.charCodeAt(this.pos + 1) === 61 || this.src.charCodeAt(this.pos + 1) === 62;
      default:
        return false;
    }
  }

  /** One term; `this.bare` says whether it was a bare variable. */
  private term(depth: number): HclExpr {
    if (depth > MAX_NESTING) decline();
    this.skip();
    const start = this.pos;
    const c = this.peek();
    let term: HclExpr;
    if (c === 34) term = this.quoted(depth, false);
    else if (isDigit(c)) term = this.number(start);
    else if (c === 91) term = this.tuple(start, depth);
    else if (c === 123) term = this.object(start, depth);
    else if (c === 40) {
      // A comment inside `( … )` is a child of the expression node, which the converter would take for a step.
      const comments = this.comments;
      this.pos++;
      this.count();
      const inner = this.expression(depth + 1);
      this.skip();
      this.expect(41);
      if (this.comments !== comments) decline();
      term = inner;
    } else if (isIdentStart(c)) {
      const name = this.identifier();
      const kind = this.names.kind();
      if (kind & KEYWORD_LITERAL) term = { kind: "literal", value: KEYWORD_LITERALS.get(name)!, source: this.source, start, end: this.pos };
      else {
        if (kind !== 0) decline();
        const { pos, comments } = this;
        this.skip();
        if (this.peek() === 40) term = this.call(name, start, depth);
        else {
          // The traversal ends at its last step, not at the blanks after it.
          this.reset(pos, comments);
          return this.traversal(name, start, depth);
        }
      }
    } else return decline();
    // Attribute access or an index on anything but a variable: the converter keeps it as unsupported, whole.
    const base = this.top;
    if (this.steps(depth) > base) {
      this.top = base;
      term = { kind: "unsupported", what: "attribute access on a computed value", source: this.source, start, end: this.pos };
    }
    if (this.followedByOperator()) decline();
    this.bare = undefined;
    return term;
  }

  private traversal(root: string, start: number, depth: number): HclExpr {
    const base = this.top;
    const top = this.steps(depth);
    let steps: HclTraversalStep[];
    if (top === base) steps = EMPTY;
    else if (this.attrOnly) {
      const first = this.stack[base] as HclTraversalStep;
      const last = this.lastSteps.get(first);
      if (last !== undefined && sameItems(last, this.stack, base, top)) {
        this.top = base;
        steps = last;
      } else this.lastSteps.set(first, (steps = this.take(base)));
    } else steps = this.take(base);
    const expr: HclExpr = { kind: "traversal", root, steps, source: this.source, start, end: this.pos };
    if (this.followedByOperator()) decline();
    this.bare = steps.length === 0 ? root : undefined;
    return expr;
  }

  /**
   * `.name` and `[expr]` steps, pushed on the stack (the caller takes them: most terms have none); returns the stack's
   * new top and sets `attrOnly`. Splats and legacy `.0` indexes are declined.
   */
  private steps(depth: number): number {
    const comments = this.comments;
    let attrOnly = true;
    for (;;) {
      const pos = this.pos;
      const before = this.comments;
      this.skip();
      const c = this.peek();
      if (c === 46) {
        const next = this.src.charCodeAt(this.pos + 1);
        if (next === 46) {
          // `...` after a call argument is the caller's to read.
          this.reset(pos, before);
          if (this.comments !== comments) decline();
          this.attrOnly = attrOnly;
          return this.top;
        }
        this.pos++;
        this.count();
        this.skip();
        if (!isIdentStart(this.peek())) decline();
        this.identifier();
        this.push(this.names.step());
      } else if (c === 91) {
        this.pos++;
        this.count();
        this.skip();
        if (this.peek() === 42) decline();
        const index = this.expression(depth + 1);
        this.push({ index } satisfies HclTraversalStep);
        attrOnly = false;
        this.skip();
        this.expect(93);
      } else {
        this.reset(pos, before);
        // Between steps a comment is a child of the expression node too (the converter would read it as a step).
        if (this.comments !== comments) decline();
        this.attrOnly = attrOnly;
        return this.top;
      }
    }
  }

  private number(start: number): HclExpr {
    const src = this.src;
    if (src.charCodeAt(this.pos) === 48 && src.charCodeAt(this.pos + 1) === 120) {
      this.pos += 2;
      if (!isAlnum(this.peek())) decline();
      while (isAlnum(this.peek())) this.pos++;
    } else {
      while (isDigit(this.peek())) this.pos++;
      if (this.peek() === 46 && isDigit(src.charCodeAt(this.pos + 1))) {
        this.pos++;
        while (isDigit(this.peek())) this.pos++;
        const e = this.peek();
        if (e === 101 || e === 69) {
          let at = this.pos + 1;
          const sign = src.charCodeAt(at);
          if (sign === 43 || sign === 45) at++;
          if (!isDigit(src.charCodeAt(at))) decline();
          this.pos = at;
          while (isDigit(this.peek())) this.pos++;
        }
      }
    }
    const after = this.peek();
    if (isIdentPart(after) || after === 46) decline();
    this.count();
    return { kind: "literal", value: Number(src.slice(start, this.pos)), source: this.source, start, end: this.pos };
  }

  private tuple(start: number, depth: number): HclExpr {
    this.expect(91);
    const base = this.top;
    for (;;) {
      this.skip();
      if (this.peek() === 93) break;
      const item = this.expression(depth + 1);
      this.push(item);
      this.skip();
      if (this.peek() === 44) {
        this.pos++;
        this.count();
      } else if (this.peek() !== 93) decline();
    }
    this.pos++;
    this.count();
    return { kind: "tuple", items: this.take<HclExpr>(base), source: this.source, start, end: this.pos };
  }

  private object(start: number, depth: number): HclExpr {
    this.expect(123);
    const base = this.top;
    for (;;) {
      this.skip();
      if (this.peek() === 125) break;
      const keyStart = this.pos;
      const key = this.term(depth + 1);
      const bare = this.bare;
      const keyExpr: HclExpr =
        bare !== undefined ? { kind: "literal", value: bare, source: this.source, start: keyStart, end: keyStart + bare.length } : key;
      this.skip();
      const separator = this.peek();
      if (separator !== 61 && separator !== 58) decline();
      this.pos++;
      this.count();
      const value = this.expression(depth + 1);
      this.push({ key: keyExpr, value });
      this.skip();
      if (this.peek() === 44) {
        this.pos++;
        this.count();
      }
    }
    this.pos++;
    this.count();
    return { kind: "object", items: this.take<{ key: HclExpr; value: HclExpr }>(base), source: this.source, start, end: this.pos };
  }

  private call(name: string, start: number, depth: number): HclExpr {
    this.expect(40);
    const base = this.top;
    let expandFinal = false;
    this.skip();
    if (this.peek() !== 41) {
      for (;;) {
        const arg = this.expression(depth + 1);
        this.push(arg);
        this.skip();
        const c = this.peek();
        if (c === 41) break;
        if (c === 46 && this.src.startsWith("...", this.pos)) {
          this.pos += 3;
          this.count();
          expandFinal = true;
          this.skip();
          break;
        }
        this.expect(44);
        this.skip();
        if (this.peek() === 41) break;
      }
    }
    this.expect(41);
    return { kind: "call", name, args: this.take<HclExpr>(base), expandFinal, source: this.source, start, end: this.pos };
  }

  /**
   * A quoted string: a literal without interpolation (blanks at either end dropped, as the reference reads it), a
   * template with. `labelOnly` declines interpolation (a block label is a plain string in the grammar).
   */
  private quoted(depth: number, labelOnly: boolean): HclExpr {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    this.count();
    const contentStart = this.pos;
    // Made at the first interpolation: most strings have none.
    let parts: Array<string | HclExpr> | undefined;
    let runStart = contentStart;
    // Whether the text read holds a backslash, `$$` or `%%` (else a literal run is its raw text, nothing to decode).
    let escaped = false;
    const codes = this.codes;
    for (;;) {
      const c = codes[this.pos]!;
      if (c === 34) break;
      // A control character other than a tab (a newline included), or the end: the 0 after the text (undefined past it).
      if (!(c >= 32 || c === 9)) decline();
      if (c === 92) {
        escaped = true;
        const next = src.charCodeAt(this.pos + 1);
        if (next === 34 || next === 110 || next === 114 || next === 116 || next === 92) this.pos += 2;
        else if (next === 117 || next === 85) {
          const width = next === 117 ? 4 : 8;
          for (let i = 0; i < width; i++) if (!isHex(src.charCodeAt(this.pos + 2 + i))) decline();
          this.pos += 2 + width;
        } else decline();
      } else if (c === 36 || c === 37) {
        const next = src.charCodeAt(this.pos + 1);
        if (next === 123) {
          // `%{` opens a directive: the reference path reads it.
          if (c === 37 || labelOnly) decline();
          parts ??= [];
          if (this.pos > runStart) parts.push(literalRun(src, runStart, this.pos, escaped));
          this.pos += 2;
          this.count();
          this.skip();
          if (this.peek() === 126 || this.peek() === 125) decline();
          parts.push(this.expression(depth + 1));
          this.skip();
          this.expect(125);
          runStart = this.pos;
        } else if (next === c) {
          // As scanner.c: `$$` (or `%%`) is one chunk, and with a `{` after it the escape `$${`.
          escaped = true;
          this.pos += src.charCodeAt(this.pos + 2) === 123 ? 3 : 2;
        } else this.pos++;
      } else this.pos++;
    }
    const contentEnd = this.pos;
    this.pos++;
    this.count();
    if (parts === undefined) {
      // The literal chunk nodes start and end at a non-blank character (scanner.c skips whitespace before each).
      let from = contentStart;
      let to = contentEnd;
      while (from < to && (src.charCodeAt(from) === 32 || src.charCodeAt(from) === 9)) from++;
      while (to > from && (src.charCodeAt(to - 1) === 32 || src.charCodeAt(to - 1) === 9)) to--;
      // Characters iswspace may count as blank beyond ASCII: the reference path decides.
      if (from < to && (src.charCodeAt(from) > 127 || src.charCodeAt(to - 1) > 127)) decline();
      return {
        kind: "literal",
        value: from < to ? this.literal(from, to, escaped) : "",
        source: this.source,
        start,
        end: this.pos,
      };
    }
    if (contentEnd > runStart) parts.push(literalRun(src, runStart, contentEnd, escaped));
    return { kind: "template", parts, source: this.source, start, end: this.pos };
  }
}

/** A literal run of a quoted string, decoded only when the string holds an escape somewhere. */
function literalRun(src: string, from: number, to: number, escaped: boolean): string {
  return escaped ? decodeQuotedLiteral(src.slice(from, to)) : src.slice(from, to);
}

/**
 * The file's syntax when it is within the subset read here, else `undefined` (read it with tree-sitter). Callers have
 * already refused binary and oversized text.
 */
export function parseHclFast(file: string, text: string, names?: ReadNames): HclBody | undefined {
  try {
    return new FastParser(file, text, names).file_();
  } catch (error) {
    if (error instanceof Declined) return undefined;
    throw error;
  }
}
