/**
 * The state one definition read carries: the definition, how intrinsics are seen, where each value sits
 * in its file, and what was written down so far (gaps, element positions, uncertainties).
 */
import type { ValuePath } from "@/lib/templates/document";
import type { ElementLocations, SourcePosition, TemplateGap } from "@/lib/templates/types";
import { isRecord, type IntrinsicHooks, type JsonRecord } from "@/lib/templates/openapi/values";
import { setOwnKey } from "@/lib/templates/index-keys";

export interface Reading {
  hooks: IntrinsicHooks;
  /** Position of a path inside the definition (relative to the definition's root). */
  locate(path: ValuePath): SourcePosition;
  gaps: TemplateGap[];
  locations: ElementLocations;
  uncertainties: Record<string, string>;
}

/**
 * `[...path, key]` in an array of exactly that length: the spread copies `path` and then grows the copy to add `key`
 * (a backing store of about twenty slots), and the reader makes several such paths per operation.
 */
export function childPath(path: ValuePath, key: string | number): ValuePath {
  const out = new Array<string | number>(path.length + 1);
  for (let i = 0; i < path.length; i++) out[i] = path[i] as string | number;
  out[path.length] = key;
  return out;
}

export function gap(reading: Reading, path: ValuePath, message: string, part?: TemplateGap["part"]): void {
  const g: TemplateGap = { message, position: reading.locate(path) };
  if (part) g.part = part;
  reading.gaps.push(g);
}

/** `record[key]` after intrinsic resolution (an `Fn::If` branch for the variant being read). */
export function field(reading: Reading, record: unknown, key: string): unknown {
  if (!isRecord(record) || !Object.hasOwn(record, key)) return undefined;
  return reading.hooks.resolve(record[key]);
}

export function recordField(reading: Reading, record: unknown, key: string): JsonRecord | undefined {
  const value = field(reading, record, key);
  return isRecord(value) ? value : undefined;
}

/** A string field; intrinsics become placeholder text; a value that cannot be a string is a gap. */
export function textField(reading: Reading, record: unknown, key: string, path: ValuePath): string | undefined {
  const value = field(reading, record, key);
  if (value === undefined || value === null) return undefined;
  const text = reading.hooks.text(value);
  if (text === undefined) gap(reading, [...path, key], `${key} could not be read as a string (an unsupported intrinsic function?)`);
  return text;
}

/** A map of strings (requestParameters, responseParameters, templates): unreadable entries are gaps, the rest are kept. */
export function textMap(reading: Reading, record: unknown, key: string, path: ValuePath): Record<string, string> | undefined {
  const value = field(reading, record, key);
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    gap(reading, [...path, key], `${key} is not a map`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const name of Object.keys(value)) {
    const entry = field(reading, value, name);
    if (entry === undefined || entry === null) continue;
    const text = reading.hooks.text(entry);
    // textField's gap, its path built only here (most maps have nothing to report).
    if (text === undefined)
      gap(reading, [...path, key, name], `${name} could not be read as a string (an unsupported intrinsic function?)`);
    else setOwnKey(out, name, text);
  }
  return out;
}

export function textList(reading: Reading, record: unknown, key: string, path: ValuePath): string[] | undefined {
  const value = field(reading, record, key);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    gap(reading, [...path, key], `${key} is not a list`);
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, index) => {
    const text = reading.hooks.text(reading.hooks.resolve(item));
    if (text === undefined) gap(reading, [...path, key, index], `${key}[${index}] could not be read as a string`);
    else out.push(text);
  });
  return out;
}

/** Own keys only, in document order: a key named "__proto__" or "constructor" is data, never behaviour. */
export function keysOf(record: unknown): string[] {
  return isRecord(record) ? Object.keys(record) : [];
}
