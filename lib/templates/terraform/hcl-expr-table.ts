/**
 * The expressions of one file read by the fast parser (hcl-fast-parser.ts), as rows of typed arrays rather than objects;
 * an attribute names its row, and `attributeExpr` (hcl-ast.ts) makes the expression's objects from it each time it is read.
 *
 * Why: a parse result lives until the read ends, so every object in it is copied by each young-generation collection
 * that runs meanwhile and again when promoted; expression nodes were most of a large configuration's live data (7.3 of
 * 11.7 MB for the 1,000-resource one). Rows in typed arrays are a few backing stores outside the collected heap. An
 * expression is read about once (its instance's evaluation; a referenced argument is memoised by `configuration.ts`), so
 * the objects made for it die young, where a collection does not copy them.
 */
import type { HclExpr, HclTraversalStep } from "./hcl-ast";
import type { HclSource } from "./hcl-source";

/** Row kinds, and what each row's `a`, `b` and `c` hold. */
/** a: the value's index in `values`. */
export const LITERAL = 0;
/** a, b: the parts' rows in `lists` (TEXT rows for literal runs). */
export const TEMPLATE = 1;
/** a: the literal run's index in `values`. */
export const TEXT = 2;
/** a, b: the items' rows in `lists`. */
export const TUPLE = 3;
/** a, b: key and value rows in `lists`, alternating (b counts rows, not pairs). */
export const OBJECT = 4;
/** a: the root's index in `values`; b: the index of its list of attribute steps (shared, see the parser). */
export const TRAVERSAL = 5;
/** a: the root's index in `values`; b, c: its ATTR_STEP and INDEX_STEP rows in `lists`. */
export const INDEXED_TRAVERSAL = 6;
/** a: the step object's index in `values`. */
export const ATTR_STEP = 7;
/** a: the index expression's row. */
export const INDEX_STEP = 8;
/** a: the function name's index in `values`; b, c: the argument rows in `lists`. */
export const CALL = 9;
/** As CALL, with `...` after the last argument. */
export const EXPANDED_CALL = 10;
/** a: what is not evaluated, its index in `values`. */
export const UNSUPPORTED = 11;

export class ExprTable {
  private kinds: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private as: Int32Array;
  private bs: Int32Array;
  private cs: Int32Array;
  private rows = 0;
  /** The children of rows with a list, each list contiguous. */
  private lists: Int32Array;
  private listLength = 0;
  /** Literal values, names and shared step lists and steps, by index. */
  private readonly values: unknown[] = [];

  constructor(
    readonly source: HclSource,
    capacity: number,
  ) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.as = new Int32Array(capacity);
    this.bs = new Int32Array(capacity);
    this.cs = new Int32Array(capacity);
    this.lists = new Int32Array(capacity);
  }

  /** A new row; returns its index. */
  add(kind: number, start: number, end: number, a: number, b = 0, c = 0): number {
    if (this.rows === this.kinds.length) this.grow();
    const row = this.rows++;
    this.kinds[row] = kind;
    this.starts[row] = start;
    this.ends[row] = end;
    this.as[row] = a;
    this.bs[row] = b;
    this.cs[row] = c;
    return row;
  }

  /** Stores a value (literal, name, shared list) for a row to point at; returns its index. */
  value(value: unknown): number {
    return this.values.push(value) - 1;
  }

  /** Copies `rows[from..to)` into the list store; returns where they start. */
  list(rows: readonly unknown[], from: number, to: number): number {
    const at = this.listLength;
    if (at + (to - from) > this.lists.length) {
      const grown = new Int32Array(Math.max(this.lists.length * 2, at + (to - from)));
      grown.set(this.lists);
      this.lists = grown;
    }
    for (let i = from; i < to; i++) this.lists[this.listLength++] = rows[i] as number;
    return at;
  }

  isStringLiteral(row: number): boolean {
    return this.kinds[row] === LITERAL && typeof this.values[this.as[row]!] === "string";
  }

  literalValue(row: number): unknown {
    return this.values[this.as[row]!];
  }

  /** The expression at `row`, as new objects (the shared step lists and steps excepted). */
  expr(row: number): HclExpr {
    const source = this.source;
    const start = this.starts[row]!;
    const end = this.ends[row]!;
    const a = this.as[row]!;
    const b = this.bs[row]!;
    switch (this.kinds[row]) {
      case LITERAL:
        return { kind: "literal", value: this.values[a] as string | number | boolean | null, source, start, end };
      case TEMPLATE: {
        const parts: Array<string | HclExpr> = [];
        for (let i = a; i < a + b; i++) {
          const part = this.lists[i]!;
          parts.push(this.kinds[part] === TEXT ? (this.values[this.as[part]!] as string) : this.expr(part));
        }
        return { kind: "template", parts, source, start, end };
      }
      case TUPLE:
        return { kind: "tuple", items: this.exprs(a, b), source, start, end };
      case OBJECT: {
        const items: Array<{ key: HclExpr; value: HclExpr }> = [];
        for (let i = a; i < a + b; i += 2) items.push({ key: this.expr(this.lists[i]!), value: this.expr(this.lists[i + 1]!) });
        return { kind: "object", items, source, start, end };
      }
      case TRAVERSAL:
        return { kind: "traversal", root: this.values[a] as string, steps: this.values[b] as HclTraversalStep[], source, start, end };
      case INDEXED_TRAVERSAL: {
        const steps: HclTraversalStep[] = [];
        for (let i = b; i < b + this.cs[row]!; i++) {
          const step = this.lists[i]!;
          steps.push(
            this.kinds[step] === ATTR_STEP
              ? (this.values[this.as[step]!] as HclTraversalStep)
              : { index: this.expr(this.as[step]!) },
          );
        }
        return { kind: "traversal", root: this.values[a] as string, steps, source, start, end };
      }
      case CALL:
      case EXPANDED_CALL:
        return {
          kind: "call",
          name: this.values[a] as string,
          args: this.exprs(b, this.cs[row]!),
          expandFinal: this.kinds[row] === EXPANDED_CALL,
          source,
          start,
          end,
        };
      case UNSUPPORTED:
        return { kind: "unsupported", what: this.values[a] as string, source, start, end };
      default:
        throw new Error(`row ${row} is not an expression`);
    }
  }

  private exprs(from: number, count: number): HclExpr[] {
    const out: HclExpr[] = [];
    for (let i = from; i < from + count; i++) out.push(this.expr(this.lists[i]!));
    return out;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const grown = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.kinds = grown(this.kinds, (n) => new Uint8Array(n));
    this.starts = grown(this.starts, (n) => new Int32Array(n));
    this.ends = grown(this.ends, (n) => new Int32Array(n));
    this.as = grown(this.as, (n) => new Int32Array(n));
    this.bs = grown(this.bs, (n) => new Int32Array(n));
    this.cs = grown(this.cs, (n) => new Int32Array(n));
  }
}
