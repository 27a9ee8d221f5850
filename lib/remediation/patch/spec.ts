/** Building and combining merge specs: nested own keys only, so a template's `__proto__` stays a plain key. */
import { DELETE, InSeq, Replace, type MergeSpec, type MergeValue } from "@/lib/remediation/patch/yaml-edits";
import type { KeyPath } from "@/lib/remediation/patch/locate";

export function define(target: MergeSpec, key: string, value: MergeValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A spec that sets `leaf` at `path` from the root. */
export function specAt(path: KeyPath, leaf: MergeSpec): MergeSpec {
  let spec = leaf;
  for (let i = path.length - 1; i >= 0; i--) {
    const outer: MergeSpec = {};
    define(outer, path[i] as string, spec);
    spec = outer;
  }
  return spec;
}

export function spec(entries: Array<[string, MergeValue]>): MergeSpec {
  const out: MergeSpec = {};
  for (const [key, value] of entries) define(out, key, value);
  return out;
}

function isSpec(value: MergeValue): value is MergeSpec {
  return typeof value === "object" && value !== null && !(value instanceof Replace) && !Array.isArray(value);
}

/** `b` merged into `a` (a new object): nested specs merge, list merges concatenate, otherwise `b` wins. */
export function mergeSpecs(a: MergeSpec, b: MergeSpec): MergeSpec {
  const out: MergeSpec = {};
  for (const [key, value] of Object.entries(a)) define(out, key, value);
  for (const [key, value] of Object.entries(b)) {
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    if (existing !== undefined && isSpec(existing) && isSpec(value)) define(out, key, mergeSpecs(existing, value));
    else if (Array.isArray(existing) && Array.isArray(value)) define(out, key, mergeSeq(existing, value));
    else define(out, key, value);
  }
  return out;
}

function mergeSeq(a: InSeq[], b: InSeq[]): InSeq[] {
  const out = [...a];
  for (const item of b) {
    const index = out.findIndex((other) => JSON.stringify(other.keys) === JSON.stringify(item.keys));
    const existing = out[index];
    if (existing)
      out[index] = new InSeq(
        item.key,
        item.value,
        mergeSpecs(existing.spec, item.spec),
        existing.whole && item.whole ? { ...existing.whole, ...item.whole } : (existing.whole ?? item.whole),
        item.also,
      );
    else out.push(item);
  }
  return out;
}

export { DELETE, InSeq, Replace };
