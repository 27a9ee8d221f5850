/*
 * Memos of what is derived from a normalised model (indexes, route trees, the rules' per-model answers), keyed by the
 * model's own objects as a WeakMap keys them. A WeakMap kept at module level is the wrong home for them: V8's
 * young-generation collector (the scavenger) keeps a WeakMap's values alive through a collection whatever becomes of
 * their keys, and only afterwards removes the entries whose keys died. So every audit run since the last collection
 * was copied once more through its memos (they point into the model), and the audit a collection interrupted was
 * copied a second time, into the old generation: on the 10,000-method benchmark, 17.9 MB copied and 8.6 MB promoted
 * per collection where the audit being run and the report kept by the caller were all that was alive (issue 16,
 * `npm run bench:core`).
 *
 * A ModelMemo keeps its entries in one generation of tables, which `dropModelMemos` replaces with empty ones when an
 * audit ends (lib/audit/audit-model.ts): what the audit derived goes with it, and the next collection has nothing of it
 * to copy. Code outside an audit (a page built from a stored report) memoises in the current generation and may see it
 * dropped by an audit in between; a memo is only a shortcut, so the value is derived again.
 */

const memos: Array<ModelMemo<object, unknown>> = [];

export class ModelMemo<K extends object, V> {
  #table = new WeakMap<K, V>();

  constructor() {
    memos.push(this as ModelMemo<object, unknown>);
  }

  get(key: K): V | undefined {
    return this.#table.get(key);
  }

  set(key: K, value: V): void {
    this.#table.set(key, value);
  }

  /** Forgets every entry (the next generation). */
  drop(): void {
    this.#table = new WeakMap();
  }
}

/** Every memo's entries forgotten: called when an audit ends, when what it derived is no longer asked for. */
export function dropModelMemos(): void {
  for (const memo of memos) memo.drop();
}
