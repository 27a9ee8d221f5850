import { hclString } from "@/lib/remediation/formats/literals/hcl";

/**
 * Minimal HCL writer for generated Terraform: quoted strings (literals/hcl.ts), maps with quoted keys, lists, and raw
 * expressions (references such as var.rest_api_id), which only Preflight itself writes.
 */
export class HclExpression {
  constructor(readonly text: string) {}
}

export function hclRef(text: string): HclExpression {
  return new HclExpression(text);
}

export type HclValue = string | number | boolean | HclExpression | HclValue[] | { [key: string]: HclValue };

export function hclValue(value: HclValue, indent: string): string {
  if (value instanceof HclExpression) return value.text;
  if (typeof value === "string") return hclString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${indent}  ${hclValue(item, `${indent}  `)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${indent}  ${hclString(key)} = ${hclValue(item, `${indent}  `)}`).join("\n")}\n${indent}}`;
}

/** A block body: attributes (`name = value`) and nested blocks (`name { ... }`), in the given order. */
export type HclBody = Array<[string, HclValue] | ["block", string, HclBody]>;

export function hclBlock(header: string, body: HclBody, indent = ""): string {
  const width = Math.max(0, ...body.filter((entry) => entry.length === 2).map((entry) => entry[0].length));
  const lines = body.map((entry) => {
    if (entry.length === 3) return hclBlock(entry[1], entry[2], `${indent}  `);
    const [name, value] = entry;
    return `${indent}  ${name.padEnd(width)} = ${hclValue(value, `${indent}  `)}`;
  });
  return `${indent}${header} {\n${lines.join("\n")}\n${indent}}`;
}
