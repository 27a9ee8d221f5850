import { setOwn } from "@/lib/model/set-own";

/**
 * Maps keyed by status code ("200", "500"): method responses and integration responses. Such keys are array indices
 * (ECMA-262 §6.1.7: an integer index below 2^32 - 1), kept in an object's elements rather than its properties, and V8
 * grows an empty object's elements as a contiguous array up to the index written plus half of it: one "500" reserves
 * 767 slots (~6 KB) in every method that has it, where JSON.parse (what a snapshot loaded from a file gets) keeps the
 * few entries in a small hash table. 10,000 methods paid over 50 MB for it, and the audit core walks those holes each
 * time it iterates a map. Writing and deleting the largest array index first moves the object to that hash table for
 * good (V8 keeps an object's elements in dictionary mode once a key above 2^29 was added). Not observable: the keys,
 * their order (indices ascending, then strings in insertion order: ECMA-262 OrdinaryOwnPropertyKeys) and the JSON are
 * the same.
 */
const LARGEST_INDEX = 2 ** 32 - 2;

/** An empty map for status-code keys. */
export function statusCodeMap<T>(): Record<string, T> {
  const map: Record<string, T> = {};
  map[LARGEST_INDEX] = undefined as T;
  delete map[LARGEST_INDEX];
  return map;
}

/**
 * The same entries in a map made by `statusCodeMap`, for maps another reader built on `{}` (the OpenAPI reader that
 * reads GetExport). An own "__proto__" key stays an own key, as JSON.parse makes it, rather than replace the prototype.
 */
export function asStatusCodeMap<T>(map: Readonly<Record<string, T>>): Record<string, T> {
  const out = statusCodeMap<T>();
  for (const [key, value] of Object.entries(map)) setOwn(out, key, value);
  return out;
}
