/**
 * A copy of an object literal without its undefined fields, for building raw snapshot shapes (the live reader, the
 * template readers). A copy rather than `delete`: deleting a key turns an object into a slow dictionary-mode object for
 * everything that reads it later, and the audit core reads these objects many times (issue 16, `npm run bench:core`).
 */
export function definedFields<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const entry = value[key];
    if (entry !== undefined) out[key] = entry;
  }
  return out as T;
}
