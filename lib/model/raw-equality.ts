/**
 * Equality of raw snapshot parts as normalisation tells them apart (lib/model/reshape-resources.ts reads a record's
 * fields by name, walks keyed maps in key order, sorts resources by path): equal parts normalise to equal models. Used
 * to decide that a stage serves exactly the draft (lib/audit/served-equals-draft.ts) and, by the live reader, to hand
 * over the draft's own resources as a deployment's when its export describes them equally
 * (lib/aws/reader/served-configuration.ts). Conservative: anything not plainly equal is unequal.
 *
 * GetExport (https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html) gives the served configuration with
 * its fields in another order than GetResources, so the fields of a record (a resource, a method, an integration) are
 * compared as a set. Keyed maps (verbs, status codes, headers, templates) are compared with their keys in order,
 * because normalisation iterates them, and arrays element by element, except the list of resources.
 */
import type { RawResource } from "@/lib/model/raw-snapshot";

/** How to compare a record's field (default: ordered deep equality) or a map's values. */
export type Same = (a: unknown, b: unknown) => boolean;

// Plain data only (what JSON and the readers build): anything else is compared by identity, so it is never taken for equal.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Deep equality with object keys in the same order (for-in walks own string keys in property order here). */
export function sameOrdered(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameOrdered(a[i], b[i])) return false;
    return true;
  }
  return sameMap(a, b, sameOrdered);
}

/** Objects with the same keys in the same order, values compared by `same`. */
function sameMap(a: unknown, b: unknown, same: Same): boolean {
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(b);
  let index = 0;
  for (const key in a) {
    if (keys[index] !== key || !same(a[key], b[key])) return false;
    index++;
  }
  return index === keys.length;
}

/** Objects with the same fields in any order, each compared by its entry in `fields` or else in order. */
function sameRecord(a: unknown, b: unknown, fields: Readonly<Record<string, Same>>): boolean {
  if (a === b) return true;
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key)) return false;
    const same = Object.hasOwn(fields, key) ? fields[key] : sameOrdered;
    if (!same?.(a[key], b[key])) return false;
    count++;
  }
  for (const key in b) if (Object.hasOwn(b, key)) count--;
  return count === 0;
}

const NO_FIELDS: Readonly<Record<string, Same>> = Object.freeze({});
export const sameFields: Same = (a, b) => sameRecord(a, b, NO_FIELDS);
const INTEGRATION_FIELDS: Readonly<Record<string, Same>> = { integrationResponses: (a, b) => sameMap(a, b, sameFields) };
const METHOD_FIELDS: Readonly<Record<string, Same>> = {
  methodIntegration: (a, b) => sameRecord(a, b, INTEGRATION_FIELDS),
  methodResponses: (a, b) => sameMap(a, b, sameFields),
};
const sameMethod: Same = (a, b) => sameRecord(a, b, METHOD_FIELDS);
const RESOURCE_FIELDS: Readonly<Record<string, Same>> = { resourceMethods: (a, b) => sameMap(a, b, sameMethod) };

export function sameList(a: unknown, b: unknown, same: Same): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/**
 * The same resources, in any order: normalisation sorts them by path (reshape-resources.ts; served-equals-draft.test.ts
 * holds it to that), and an export lists them sorted while GetResources does not. Only with every path once in each
 * list, so that the sorted order is the same whatever the order read.
 */
export function sameResources(a: readonly RawResource[], b: readonly RawResource[]): boolean {
  if (a === b) return true; // the reader hands over the draft's own list when it found them equal (served-configuration.ts)
  if (a.length !== b.length) return false;
  const byPath = new Map<string, RawResource>();
  for (const resource of b) {
    if (typeof resource?.path !== "string" || byPath.has(resource.path)) return false;
    byPath.set(resource.path, resource);
  }
  const matched = new Set<string>();
  for (const resource of a) {
    const path = resource?.path;
    if (typeof path !== "string" || matched.has(path)) return false;
    matched.add(path);
    if (!sameRecord(resource, byPath.get(path), RESOURCE_FIELDS)) return false;
  }
  return true;
}
