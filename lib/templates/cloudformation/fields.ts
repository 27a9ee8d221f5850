/**
 * Typed reads of resolved template values. CloudFormation accepts "true"/"false" strings for Boolean properties
 * and numeric strings for Integer ones (template values are strings underneath:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html), so these do
 * too. Anything of another shape is reported (with its position) and read as absent, never coerced by guess.
 */
import type { ValuePath } from "@/lib/templates/document";

export type Report = (message: string, path: ValuePath) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export class Fields {
  private constructor(
    readonly record: Readonly<Record<string, unknown>>,
    readonly path: ValuePath,
    private readonly report: Report,
  ) {}

  /** Fields of `value` (an object); anything else but undefined is reported and reads as empty. */
  static of(value: unknown, path: ValuePath, report: Report, label = "a property"): Fields {
    if (value !== undefined && !isRecord(value)) report(`Expected ${label} to be an object, found ${kind(value)}`, path);
    return new Fields(isRecord(value) ? value : {}, path, report);
  }

  private raw(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.record, name) ? this.record[name] : undefined;
  }

  at(name: string): ValuePath {
    return [...this.path, name];
  }

  /** The value as resolved, of any shape. */
  value(name: string): unknown {
    return this.raw(name);
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  private wrong(name: string, expected: string, value: unknown): undefined {
    this.report(`${name} should be ${expected}, found ${kind(value)}; left unknown`, this.at(name));
    return undefined;
  }

  string(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return this.wrong(name, "a string", value);
  }

  boolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === "boolean") return value;
    if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
    return this.wrong(name, "true or false", value);
  }

  number(name: string): number | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
    return this.wrong(name, "a number", value);
  }

  strings(name: string): string[] | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...value];
    return this.wrong(name, "a list of strings", value);
  }

  stringRecord(name: string): Record<string, string> | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) return this.wrong(name, "a map of strings", value);
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") {
        Object.defineProperty(out, key, { value: String(item), enumerable: true, writable: true, configurable: true });
      } else {
        this.report(`${name}.${key} should be a string, found ${kind(item)}; left out`, [...this.at(name), key]);
      }
    }
    return out;
  }

  booleanRecord(name: string): Record<string, boolean> | undefined {
    const value = this.raw(name);
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) return this.wrong(name, "a map of booleans", value);
    const out: Record<string, boolean> = {};
    for (const [key, item] of Object.entries(value)) {
      const parsed =
        typeof item === "boolean"
          ? item
          : typeof item === "string" && /^(true|false)$/i.test(item)
            ? item.toLowerCase() === "true"
            : undefined;
      if (parsed === undefined)
        this.report(`${name}.${key} should be true or false, found ${kind(item)}; left out`, [...this.at(name), key]);
      else Object.defineProperty(out, key, { value: parsed, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  fields(name: string): Fields {
    return Fields.of(this.raw(name), this.at(name), this.report, name);
  }

  /** A list of objects; a non-list is reported and reads as empty. */
  list(name: string): Fields[] {
    const value = this.raw(name);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.wrong(name, "a list", value);
      return [];
    }
    return value.map((item, index) => Fields.of(item, [...this.at(name), index], this.report, `${name}[${index}]`));
  }
}
