/**
 * Terraform's JSON syntax (`.tf.json`, https://developer.hashicorp.com/terraform/language/syntax/json) mapped onto
 * the same HCL structure as native files, positions from the JSON nodes. As the spec says: each top-level property is
 * a block type with one nesting level per label; strings are string templates (parsed by the HCL parser, so `${…}`
 * means what it means in a .tf file); a `variable`'s `default` is a literal value; `"//"` properties are comments.
 * Telling a nested block from a map argument needs the provider schema; the few block types of the API Gateway
 * resources (and Terraform's meta-blocks) are listed here.
 */
import { parseTemplateDocument, type TemplateDocument, type ValuePath } from "@/lib/templates/document";
import type { SourcePosition } from "@/lib/templates/types";
import type { HclAttribute, HclBlock, HclBody, HclExpr } from "./hcl-ast";
import type { HclParser, HclParseResult } from "./hcl-parser";

/** Nested block types of the aws_api_gateway_* resources (provider docs) and Terraform's own meta-blocks. */
const NESTED_BLOCKS = new Set([
  "settings",
  "endpoint_configuration",
  "access_log_settings",
  "canary_settings",
  "tls_config",
  "lifecycle",
  "provisioner",
  "connection",
  "dynamic",
]);
const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, module: 1, output: 1, provider: 1, locals: 0, terraform: 0 };
const MAX_DEPTH = 100;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: SourcePosition,
  ) {
    super(message);
  }
}

/** A `.tfvars.json` file: each property is a variable's value, taken literally. */
export function parseTfvarsJson(parser: HclParser, file: string, text: string): HclParseResult {
  return parseJsonWith(parser, file, text, (converter, root) => converter.variableValues(root));
}

export function parseTerraformJson(parser: HclParser, file: string, text: string): HclParseResult {
  return parseJsonWith(parser, file, text, (converter, root) => converter.root(root));
}

function parseJsonWith(
  parser: HclParser,
  file: string,
  text: string,
  convert: (converter: JsonConverter, root: Record<string, Json>) => HclBody,
): HclParseResult {
  if (text.includes("\u0000")) return { ok: false, error: { message: `${file}: a binary file, not Terraform JSON` } };
  try {
    JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      error: { message: `${file}: not valid JSON: ${error instanceof Error ? error.message.split("\n")[0] : "invalid JSON"}` },
    };
  }
  const parsed = parseTemplateDocument(file, text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const doc = parsed.document;
  if (!isObject(doc.value)) {
    return {
      ok: false,
      error: { message: `${file}:1:1: the root of a .tf.json file must be an object`, position: { file, line: 1, column: 1 } },
    };
  }
  try {
    return { ok: true, body: convert(new JsonConverter(parser, doc), doc.value) };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      const p = error.position;
      return { ok: false, error: { message: `${p.file}:${p.line}:${p.column}: ${error.message}`, position: p } };
    }
    throw error;
  }
}

class JsonConverter {
  constructor(
    private readonly parser: HclParser,
    private readonly doc: TemplateDocument,
  ) {}

  root(value: Record<string, Json>): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    for (const [type, content] of Object.entries(value)) {
      const labels = LABELS[type];
      if (labels === undefined) continue;
      this.blocks(type, labels, [], content, [type], body.blocks);
    }
    return body;
  }

  variableValues(value: Record<string, Json>): HclBody {
    const attributes = Object.entries(value).map(([name, v]) => ({
      name,
      expr: this.expression(v, [name], true, 0),
      position: this.doc.positionOf([name]),
    }));
    return { attributes, blocks: [] };
  }

  /** One nesting level per label, then the body (an object, or an array of objects for repeated blocks). */
  private blocks(type: string, remaining: number, labels: string[], value: Json, path: ValuePath, out: HclBlock[]): void {
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.blocks(type, remaining, labels, item, [...path, i], out));
      return;
    }
    if (!isObject(value)) throw new JsonSyntaxError(`${type} must be an object`, this.doc.positionOf(path));
    if (remaining > 0) {
      for (const [label, inner] of Object.entries(value)) {
        if (label === "//") continue;
        this.blocks(type, remaining - 1, [...labels, label], inner, [...path, label], out);
      }
      return;
    }
    out.push({ type, labels, body: this.body(type, value, path), position: this.doc.positionOf(path) });
  }

  private body(type: string, value: Record<string, Json>, path: ValuePath, depth = 0): HclBody {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`blocks nested deeper than ${MAX_DEPTH} levels`, this.doc.positionOf(path));
    const body: HclBody = { attributes: [], blocks: [] };
    for (const [name, v] of Object.entries(value)) {
      if (name === "//") continue;
      const at = [...path, name];
      const blockLike = isObject(v) || (Array.isArray(v) && v.length > 0 && v.every(isObject));
      if (type !== "locals" && NESTED_BLOCKS.has(name) && blockLike) {
        const items = Array.isArray(v) ? v : [v];
        items.forEach((item, i) => {
          const itemPath = Array.isArray(v) ? [...at, i] : at;
          if (name === "dynamic" && isObject(item)) {
            for (const label of Object.keys(item))
              body.blocks.push({
                type: "dynamic",
                labels: [label],
                body: { attributes: [], blocks: [] },
                position: this.doc.positionOf(itemPath),
              });
          } else if (isObject(item)) {
            body.blocks.push({
              type: name,
              labels: [],
              body: this.body(name, item, itemPath, depth + 1),
              position: this.doc.positionOf(itemPath),
            });
          }
        });
        continue;
      }
      const literal = type === "variable" && name === "default";
      const attribute: HclAttribute = { name, expr: this.expression(v, at, literal, 0), position: this.doc.positionOf(at) };
      body.attributes.push(attribute);
    }
    return body;
  }

  private expression(value: Json, path: ValuePath, literal: boolean, depth: number): HclExpr {
    const position = this.doc.positionOf(path);
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`values nested deeper than ${MAX_DEPTH} levels`, position);
    const text = shorten(JSON.stringify(value) ?? "");
    if (typeof value === "string") {
      if (literal || (!value.includes("${") && !value.includes("%{"))) return { kind: "literal", value, position, text };
      return { ...this.template(value, position), position, text };
    }
    if (typeof value === "number" || typeof value === "boolean" || value === null) return { kind: "literal", value, position, text };
    if (Array.isArray(value))
      return { kind: "tuple", items: value.map((v, i) => this.expression(v, [...path, i], literal, depth + 1)), position, text };
    if (isObject(value)) {
      const items = Object.entries(value).map(([k, v]) => ({
        key: { kind: "literal", value: k, position, text: JSON.stringify(k) } as HclExpr,
        value: this.expression(v, [...path, k], literal, depth + 1),
      }));
      return { kind: "object", items, position, text };
    }
    return { kind: "unsupported", what: "a JSON value", position, text };
  }

  /** A JSON string is an HCL string template: parse it as a quoted template so `${…}` and `$${` mean the same. */
  private template(value: string, position: SourcePosition): HclExpr {
    let quoted = "";
    for (const c of value) {
      if (c === "\\") quoted += "\\\\";
      else if (c === '"') quoted += '\\"';
      else if (c === "\n") quoted += "\\n";
      else if (c === "\r") quoted += "\\r";
      else if (c === "\t") quoted += "\\t";
      else quoted += c;
    }
    const result = this.parser.parse(position.file, `v = "${quoted}"\n`);
    const expr = result.ok ? result.body.attributes[0]?.expr : undefined;
    if (!expr) throw new JsonSyntaxError(`invalid template ${shorten(JSON.stringify(value))}`, position);
    return relocate(expr, position);
  }
}

/** The template was parsed out of a synthetic line: every node takes the JSON string's position. */
function relocate(expr: HclExpr, position: SourcePosition): HclExpr {
  const moved = { ...expr, position } as HclExpr;
  switch (moved.kind) {
    case "template":
      moved.parts = moved.parts.map((p) => (typeof p === "string" ? p : relocate(p, position)));
      break;
    case "tuple":
      moved.items = moved.items.map((i) => relocate(i, position));
      break;
    case "object":
      moved.items = moved.items.map((i) => ({ key: relocate(i.key, position), value: relocate(i.value, position) }));
      break;
    case "traversal":
      moved.steps = moved.steps.map((s) => ("index" in s ? { index: relocate(s.index, position) } : s));
      break;
    case "call":
      moved.args = moved.args.map((a) => relocate(a, position));
      break;
    case "conditional":
      moved.condition = relocate(moved.condition, position);
      moved.then = relocate(moved.then, position);
      moved.else = relocate(moved.else, position);
      break;
    case "binary":
      moved.left = relocate(moved.left, position);
      moved.right = relocate(moved.right, position);
      break;
    case "unary":
      moved.operand = relocate(moved.operand, position);
      break;
  }
  return moved;
}

function shorten(text: string, limit = 120): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
