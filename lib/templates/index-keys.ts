/**
 * Storing a key that is an array index, such as a status code ("200"), into a plain object without the cost V8 gives
 * it. An own key that is an array index is an element, not a property, and a first element at index 200 makes V8
 * allocate a fast elements store of more than 200 slots: about 4 KB per object, and `Object.keys` then visits every
 * slot. A template has such a key in every operation's `responses` (1,500 objects in the 1,000-resource benchmark
 * template, and as many again in the method and integration responses read from it), which made them a fifth of the
 * reader's allocation and a tenth of its time. Storing and deleting an index far past the store's end first makes V8
 * keep the object's elements in a dictionary (V8 gives up a fast store for an index more than 1,024 past its end), so
 * the status code takes one entry. Nothing observable changes: the same own keys, in the same order (array indexes
 * first, ascending, then the other keys in insertion order, as ECMAScript orders them).
 */
import { setOwn } from "@/lib/model/set-own";

/** An array index far past any fast elements store (and a small integer, which V8 stores fastest); a map that has it as a key keeps it. */
const FAR_INDEX = 1_000_000_000;
const FAR_KEY = String(FAR_INDEX);

/** Is `key` an array index of two digits or more (canonical: no sign, no leading zero, below 2^32 - 1)? */
export function isMultiDigitIndex(key: string): boolean {
  const length = key.length;
  if (length < 2 || length > 10) return false;
  const first = key.charCodeAt(0);
  if (first < 49 || first > 57) return false;
  for (let i = 1; i < length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  // 2^32 - 1 is not an array index (ECMAScript: an array index is below 2^32 - 1).
  return length < 10 || Number(key) < 4_294_967_295;
}

/** `setOwn(map, key, value)`, with an array-index key kept out of a large fast elements store (see above). */
export function setOwnKey<T>(map: Record<string, T>, key: string, value: T): void {
  const first = key.charCodeAt(0);
  // Most keys start with a letter: one comparison decides. A map that already has the far index as its own key keeps it.
  if (first >= 49 && first <= 57 && isMultiDigitIndex(key) && key !== FAR_KEY && !Object.prototype.hasOwnProperty.call(map, FAR_KEY))
    withDictionaryElements(map);
  setOwn(map, key, value);
}

/** The same object, its elements now kept in a dictionary by V8 (see above): the far index stored, then deleted. */
export function withDictionaryElements<M extends object>(map: M): M {
  (map as Record<number, unknown>)[FAR_INDEX] = null;
  delete (map as Record<number, unknown>)[FAR_INDEX];
  return map;
}

/**
 * An empty map whose elements V8 keeps in a dictionary from the start, for keys that are mostly status codes: a literal
 * with the far index, then deleted, costs about half of `setOwnKey`'s store and delete on an existing object. Fill it
 * with `setOwn` (its keys need nothing more).
 */
export function indexKeyedMap<T>(): Record<string, T> {
  const map: Record<number, unknown> = { 1_000_000_000: null };
  delete map[FAR_INDEX];
  return map as Record<string, T>;
}

/**
 * `indexKeyedMap` without a prototype (keys from a template, `__proto__` among them, stay plain keys): a literal with
 * `__proto__: null` and the far index, then deleted, costs a quarter of `Object.create(null)` and `withDictionaryElements`.
 */
export function indexKeyedRecord<T>(): Record<string, T> {
  const map = { __proto__: null, 1_000_000_000: null } as unknown as Record<number, unknown>;
  delete map[FAR_INDEX];
  return map as Record<string, T>;
}
