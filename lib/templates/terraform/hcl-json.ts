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
import { exprOf, type HclAttribute, type HclBlock, type HclBody, type HclExpr, type HclExprBody } from "./hcl-ast";
import { FixedSource, MovedSource } from "./hcl-source";
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
    const attributes = Object.entries(value).map(([name, v]) =>
      attributeAt(name, this.expression(v, [name], true, 0), this.at(this.doc.positionOf([name])), 0),
    );
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
    out.push(blockAt(type, labels, this.body(type, value, path), this.at(this.doc.positionOf(path)), 0));
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
              body.blocks.push(blockAt("dynamic", [label], { attributes: [], blocks: [] }, this.at(this.doc.positionOf(itemPath)), 0));
          } else if (isObject(item)) {
            body.blocks.push(blockAt(name, [], this.body(name, item, itemPath, depth + 1), this.at(this.doc.positionOf(itemPath)), 0));
          }
        });
        continue;
      }
      const literal = type === "variable" && name === "default";
      const attribute = attributeAt(name, this.expression(v, at, literal, 0), this.at(this.doc.positionOf(at)), 0);
      body.attributes.push(attribute);
    }
    return body;
  }

  private expression(value: Json, path: ValuePath, literal: boolean, depth: number): HclExpr {
    const position = this.doc.positionOf(path);
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`values nested deeper than ${MAX_DEPTH} levels`, position);
    const here = new FixedSource(position, shorten(JSON.stringify(value) ?? ""));
    const make = (body: HclExprBody) => exprOf(here, 0, 0, body);
    if (typeof value === "string") {
      if (literal || (!value.includes("${") && !value.includes("%{"))) return make({ kind: "literal", value });
      return make(this.template(value, position));
    }
    if (typeof value === "number" || typeof value === "boolean" || value === null) return make({ kind: "literal", value });
    if (Array.isArray(value))
      return make({ kind: "tuple", items: value.map((v, i) => this.expression(v, [...path, i], literal, depth + 1)) });
    if (isObject(value)) {
      const items = Object.entries(value).map(([k, v]) => ({
        key: exprOf(new FixedSource(position, JSON.stringify(k)), 0, 0, { kind: "literal", value: k }),
        value: this.expression(v, [...path, k], literal, depth + 1),
      }));
      return make({ kind: "object", items });
    }
    return make({ kind: "unsupported", what: "a JSON value" });
  }

  /** A node's place: the JSON node's position, and no text of its own. */
  private at(position: SourcePosition): FixedSource {
    return new FixedSource(position, "");
  }

  /** A JSON string is an HCL string template: parse it as a quoted template so `${…}` and `$${` mean the same. */
  private template(value: string, position: SourcePosition): HclExprBody {
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
    return relocated(expr, position);
  }
}

function attributeAt(name: string, expr: HclExpr, source: FixedSource, start: number): HclAttribute {
  return { name, expr, source, start };
}

function blockAt(type: string, labels: string[], body: HclBody, source: FixedSource, start: number): HclBlock {
  return { type, labels, body, source, start };
}

/**
 * The template was parsed out of a synthetic line: every node takes the JSON string's position and keeps its own text.
 * The fields of the expression's kind, its children moved too (the caller gives the outer node its JSON text).
 */
function relocated(expr: HclExpr, position: SourcePosition): HclExprBody {
  const move = (e: HclExpr): HclExpr => exprOf(new MovedSource(e.source, position), e.start, e.end, relocated(e, position));
  switch (expr.kind) {
    case "literal":
      return { kind: "literal", value: expr.value };
    case "template":
      return { kind: "template", parts: expr.parts.map((p) => (typeof p === "string" ? p : move(p))) };
    case "tuple":
      return { kind: "tuple", items: expr.items.map(move) };
    case "object":
      return { kind: "object", items: expr.items.map((i) => ({ key: move(i.key), value: move(i.value) })) };
    case "traversal":
      return { kind: "traversal", root: expr.root, steps: expr.steps.map((s) => ("index" in s ? { index: move(s.index) } : s)) };
    case "call":
      return { kind: "call", name: expr.name, args: expr.args.map(move), expandFinal: expr.expandFinal };
    case "conditional":
      return { kind: "conditional", condition: move(expr.condition), then: move(expr.then), else: move(expr.else) };
    case "binary":
      return { kind: "binary", operator: expr.operator, left: move(expr.left), right: move(expr.right) };
    case "unary":
      return { kind: "unary", operator: expr.operator, operand: move(expr.operand) };
    case "unsupported":
      return { kind: "unsupported", what: expr.what };
  }
}

function shorten(text: string, limit = 120): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
