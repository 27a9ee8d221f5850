import type { ValuePath } from "@/lib/templates/document";
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";
import { field, gap, type Reading } from "@/lib/templates/openapi/reading";

const MAX_REF_HOPS = 8;

/**
 * Follows a local `$ref` (`#/components/parameters/x`, `#/parameters/x`) inside the same definition, a few hops
 * at most (a cycle stops there). Remote refs are gaps: API Gateway's import does not fetch them either.
 */
export function dereference(reading: Reading, root: JsonRecord, value: unknown, path: ValuePath): { value: unknown; path: ValuePath } {
  let current = value;
  let at = path;
  for (let hop = 0; hop < MAX_REF_HOPS; hop++) {
    // Own key first: a missing-property load on the thousands of differently shaped objects of a definition is slow.
    if (!isRecord(current) || !Object.hasOwn(current, "$ref") || typeof current.$ref !== "string") return { value: current, path: at };
    const ref = current.$ref;
    if (!ref.startsWith("#/")) {
      gap(reading, at, `$ref "${ref.slice(0, 120)}" points outside the definition; not read`);
      return { value: undefined, path: at };
    }
    const segments = ref
      .slice(2)
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    let target: unknown = root;
    for (const segment of segments) target = field(reading, target, segment);
    if (target === undefined) {
      gap(reading, at, `$ref "${ref.slice(0, 120)}" names nothing in the definition`);
      return { value: undefined, path: at };
    }
    current = target;
    at = segments;
  }
  gap(reading, at, `$ref chain longer than ${MAX_REF_HOPS} hops (a cycle?); not read`);
  return { value: undefined, path: at };
}
