/**
 * Values of Terraform expressions as far as they are known before `terraform apply`. A reference to another
 * resource's attribute stays a reference (`TfRef`): the builder uses it to connect a method to its resource and
 * API, the way Terraform's graph does. Anything else that cannot be known statically is `TfUnknown`, with the
 * reason and a `${…}` placeholder text for display; it is never guessed.
 */

export class TfRef {
  constructor(
    /** Resource instance address, e.g. `aws_api_gateway_resource.users` or `aws_api_gateway_method.get[0]`. */
    readonly address: string,
    readonly attribute: string,
  ) {}

  get text(): string {
    return `\${${this.address}.${this.attribute}}`;
  }
}

export class TfUnknown {
  constructor(
    readonly reason: string,
    /** A placeholder for display: the template with `${expression}` where values are unknown. */
    readonly text: string,
  ) {}
}

export interface TfObject {
  [key: string]: TfValue;
}

export type TfValue = string | number | boolean | null | TfValue[] | TfObject | TfRef | TfUnknown;

export function isTfObject(value: TfValue | undefined): value is TfObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof TfRef) && !(value instanceof TfUnknown);
}

/**
 * Objects whose prototype has no prototype itself: keys from a template (even `__proto__`, whose setter lives on
 * Object.prototype) stay plain own keys, and nothing is inherited. Made by a constructor rather than
 * `Object.create(null)`, which V8 gives a hash-table representation: a configuration makes tens of thousands of these.
 */
const TfObjectOf = function TfObject() {} as unknown as new () => TfObject;
TfObjectOf.prototype = Object.create(null) as object;

export function newTfObject(): TfObject {
  return new TfObjectOf();
}

export function isKnown(value: TfValue | undefined): boolean {
  if (value instanceof TfRef || value instanceof TfUnknown) return false;
  if (Array.isArray(value)) return value.every(isKnown);
  if (isTfObject(value)) return Object.values(value).every(isKnown);
  return true;
}

/** Display text of any value: placeholders for references and unknowns. */
export function placeholderText(value: TfValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (value instanceof TfRef || value instanceof TfUnknown) return value.text;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(toJson(value));
}

/** Plain JSON with placeholders in place of unknowns (jsonencode of a partly known value, for display). */
export function toJson(value: TfValue): unknown {
  if (value instanceof TfRef || value instanceof TfUnknown) return value.text;
  if (Array.isArray(value)) return value.map(toJson);
  if (isTfObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

/** The first unknown inside a value, for the gap that names why. */
export function firstUnknown(value: TfValue | undefined): TfRef | TfUnknown | undefined {
  if (value instanceof TfRef || value instanceof TfUnknown) return value;
  if (Array.isArray(value))
    for (const v of value) {
      const u = firstUnknown(v);
      if (u) return u;
    }
  if (isTfObject(value))
    for (const v of Object.values(value)) {
      const u = firstUnknown(v);
      if (u) return u;
    }
  return undefined;
}
