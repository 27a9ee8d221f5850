/**
 * Parsed values known to hold no intrinsic function anywhere inside (no mapping with a `Ref`, `Condition` or `Fn::…`
 * key, no short-form tag), with their size: what the YAML fast parser learns while it reads them, kept for the walks
 * that look for intrinsics. Resolving a SAM API's `DefinitionBody` and collecting the references between resources
 * each walked every node of a large definition only to find nothing; with this they skip a plain subtree and count
 * its nodes against their budgets as a walk would have.
 *
 * Only large subtrees are recorded (a small one is cheaper to walk than to look up), and only by the fast parser: a
 * value it did not record is walked as before, so every result is the same with or without the record. Parsed values
 * are never edited in place (a reader that edits a definition copies it first: `copyResolved`), which is what keeps a
 * record true; the tests re-count every recorded subtree after reading the corpus.
 */

export interface PlainSubtree {
  /** Values in the subtree, itself included: collections and scalars (mapping keys are not values). */
  nodes: number;
  /** Edges from the subtree's root to its deepest value (0 for an empty collection). */
  height: number;
}

/** Subtrees with fewer values are not recorded. */
export const MIN_RECORDED_NODES = 64;
/**
 * Records per parse, at most: a hostile document nested to make most of its collections large cannot make the record
 * as large as itself (the outermost collections end last, so a capped parse records inner ones and walks the rest).
 */
export const MAX_RECORDED_SUBTREES = 10_000;

const recorded = new WeakMap<object, PlainSubtree>();

export function recordPlainSubtree(value: object, subtree: PlainSubtree): void {
  recorded.set(value, subtree);
}

/** The record of `value`, when the fast parser made one. */
export function plainSubtree(value: unknown): PlainSubtree | undefined {
  return value !== null && typeof value === "object" ? recorded.get(value) : undefined;
}

/** Is `key` one an intrinsic function's mapping (or a condition reference) has? */
export function isIntrinsicKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first === 82 /* R */) return key === "Ref";
  if (first === 67 /* C */) return key === "Condition";
  return first === 70 /* F */ && key.startsWith("Fn::");
}
