import { setOwn } from "@/lib/model/set-own";

/**
 * Type guards for what the SDK hands over. The SDK checks the scalar members it deserialises, but passes maps
 * (requestParameters, responseParameters, variables, …) through as whatever JSON arrived, and a proxy or a future API
 * version may send anything there: a nested object, a number, 10,000 levels of nesting. The reader keeps only values
 * of the documented type (https://docs.aws.amazon.com/apigateway/latest/api/API_Types.html) and counts what it drops,
 * so the audit can say so instead of a rule tripping over an object where a string belongs.
 */
export class WireTally {
  /** Values of the wrong type that were left out, by field. */
  readonly dropped = new Map<string, number>();

  drop(field: string): undefined {
    this.dropped.set(field, (this.dropped.get(field) ?? 0) + 1);
    return undefined;
  }

  /** One sentence per field, for the audit's warnings. */
  messages(operation: string): string[] {
    return [...this.dropped].map(
      ([field, count]) => `${operation} answered ${count} ${field} value${count === 1 ? "" : "s"} of an undocumented type; left out.`,
    );
  }
}

export function wireString(value: unknown, field: string, tally: WireTally): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : tally.drop(field);
}

export function wireBoolean(value: unknown, field: string, tally: WireTally): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "boolean" ? value : tally.drop(field);
}

export function wireNumber(value: unknown, field: string, tally: WireTally): number | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : tally.drop(field);
}

export function wireStringList(value: unknown, field: string, tally: WireTally): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return tally.drop(field);
  const list: string[] = [];
  for (const item of value) {
    if (typeof item === "string") list.push(item);
    else tally.drop(field);
  }
  return list;
}

/** A plain JSON object (not an array, not null), or undefined. */
export function wireObject(value: unknown, field: string, tally: WireTally): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : tally.drop(field);
}

/** A map whose values all pass `keep`; entries of another type are dropped (and counted). */
export function wireMap<T>(value: unknown, field: string, tally: WireTally, keep: (v: unknown) => v is T): Record<string, T> | undefined {
  const object = wireObject(value, field, tally);
  if (!object) return undefined;
  const out: Record<string, T> = {};
  for (const [key, entry] of Object.entries(object)) {
    if (keep(entry)) setOwn(out, key, entry);
    else tally.drop(field);
  }
  return out;
}

export const isString = (value: unknown): value is string => typeof value === "string";
export const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
