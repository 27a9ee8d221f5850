import { badRequest } from "../errors";

/**
 * Runtime checks for request bodies: callers send arbitrary JSON, so every field is checked before
 * use and a wrong type becomes a 400 instead of a crash.
 */
export function asObject(value: unknown, what = "request body"): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest(`Invalid ${what}: expected a JSON object`);
  return value as Record<string, unknown>;
}

export function optString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`Invalid value for ${field}: expected a string`);
  return value;
}

export function reqString(value: unknown, field: string): string {
  const text = optString(value, field);
  if (text === undefined || text === "") throw badRequest(`${field} must be specified`);
  return text;
}

export function optBool(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw badRequest(`Invalid value for ${field}: expected a boolean`);
}

export function optInt(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isInteger(number)) throw badRequest(`Invalid value for ${field}: expected an integer`);
  return number;
}

export function optStringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  const object = asObject(value, field);
  for (const [key, entry] of Object.entries(object)) {
    if (typeof entry !== "string") throw badRequest(`Invalid value for ${field}.${key}: expected a string`);
  }
  return { ...(object as Record<string, string>) };
}

export function optBoolMap(value: unknown, field: string): Record<string, boolean> | undefined {
  if (value === undefined || value === null) return undefined;
  const object = asObject(value, field);
  const result: Record<string, boolean> = {};
  for (const [key, entry] of Object.entries(object)) {
    const flag = optBool(entry, `${field}.${key}`);
    result[key] = flag ?? false;
  }
  return result;
}

export function optStringList(value: unknown, field: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== "string")) {
    throw badRequest(`Invalid value for ${field}: expected a list of strings`);
  }
  return [...(value as string[])];
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(`Invalid ${field} specified: ${value}. Valid values are: ${allowed.join(", ")}`);
  }
  return value as T;
}

export function deepCopy<T>(value: T): T {
  return structuredClone(value);
}
