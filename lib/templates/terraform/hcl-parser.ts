/**
 * HCL2 parsing for the Terraform reader.
 *
 * Why tree-sitter: the reader needs (1) HCL2 as HashiCorp defines it, (2) the line and column of every block,
 * attribute and expression, and (3) the expression tree itself, because references (`aws_api_gateway_rest_api.x.id`,
 * `var.x`, `local.x`) are followed, not pattern-matched. `@cdktf/hcl2json` (HashiCorp's Go parser as WASM) and
 * `hcl2-parser` (the same via GopherJS) return Terraform-JSON with no positions and every expression flattened back
 * to a `"${…}"` string that would have to be parsed again; hcl2json is also async-only with a Go runtime per process,
 * and CDKTF is sunset. tree-sitter-hcl (tree-sitter-grammars, 100% of a 1,892-file real-world HCL corpus per its
 * README) gives a concrete tree with positions, parses synchronously once loaded, and ships its grammar as WASM run
 * by web-tree-sitter (the tree-sitter project's own runtime): nothing downloads at run time and nothing native
 * is built. The tests cross-check literal values against hcl2json on the corpus.
 *
 * The concrete tree is converted into plain data (hcl-ast.ts) and freed at once (trees live in WASM memory).
 * Loading is async (WASM instantiation); parsing is sync, so readers stay pure functions once `loadHclParser()`
 * has resolved. Both .wasm files are read from the installed packages with `fs`, located through Node's resolver,
 * so the same code works from the CLI (tsx), vitest and the Next.js server (which must leave these packages
 * unbundled: `serverExternalPackages`).
 */
import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Language, Parser, type Node } from "web-tree-sitter";
import { copyTree, TreeTooLarge, type SyntaxNode } from "./syntax-tree";
import type { SourcePosition, TemplateError } from "@/lib/templates/types";
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclExprBody, HclTraversalStep } from "./hcl-ast";
import { decodeQuotedLiteral, decodeTemplateEscapes, flushHeredoc } from "./hcl-strings";

/** Far above any hand-written .tf file (the largest real ones are a few hundred KiB), far below a slow parse. */
export const MAX_HCL_CHARS = 2 * 1024 * 1024;
/**
 * Parsing stops here whatever the input: a safety net for pathological text under the size cap (a 1.6 MB generated
 * file of 6,000 blocks parses in about 1 s on a shared 2-core machine).
 */
const PARSE_BUDGET_MS = 4000;
/** Expression nesting beyond this is refused rather than recursed into. */
const MAX_DEPTH = 100;
/** Expression nodes converted per file. */
const NODE_BUDGET = 500_000;
/** Syntax-tree nodes copied per file (tokens included: the generated 1,000-resource file has 427,000). */
const TREE_NODE_BUDGET = 1_000_000;
/** Syntax-tree depth: about four tree levels per expression level, plus the block structure. */
const TREE_DEPTH = MAX_DEPTH * 4 + 20;
const TEXT_LIMIT = 120;

export type HclParseResult = { ok: true; body: HclBody } | { ok: false; error: TemplateError };

export interface HclParser {
  parse(file: string, text: string): HclParseResult;
}

let loading: Promise<HclParser> | undefined;

/** Loads the runtime and grammar once per process; later calls share the same parser. */
export function loadHclParser(): Promise<HclParser> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Node's resolver from this module, else from the working directory (a bundler may have moved this module). */
function resolvePackageFile(specifier: string): string {
  try {
    return createRequire(import.meta.url).resolve(specifier);
  } catch {
    return createRequire(join(process.cwd(), "package.json")).resolve(specifier);
  }
}

async function instantiate(): Promise<HclParser> {
  const runtime = readFileSync(resolvePackageFile("web-tree-sitter/web-tree-sitter.wasm"));
  await Parser.init({ wasmBinary: runtime as unknown as ArrayBuffer });
  const grammar = readFileSync(resolvePackageFile("@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm"));
  const language = await Language.load(new Uint8Array(grammar));
  const parser = new Parser();
  parser.setLanguage(language);
  return { parse: (file, text) => parseHcl(parser, file, text) };
}

class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: SourcePosition,
  ) {
    super(message);
  }
}

function parseHcl(parser: Parser, file: string, text: string): HclParseResult {
  if (text.includes("\u0000")) return { ok: false, error: { message: `${file}: a binary file, not Terraform HCL` } };
  if (text.length > MAX_HCL_CHARS) {
    const mib = (text.length / 1024 / 1024).toFixed(1);
    return { ok: false, error: { message: `${file}: ${mib} MiB is over the ${MAX_HCL_CHARS / 1024 / 1024} MiB read for one Terraform file` } };
  }
  const started = performance.now();
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() - started > PARSE_BUDGET_MS });
  if (!tree) {
    // A cancelled parse resumes on the next call unless the parser is reset (tree-sitter's documented behaviour).
    parser.reset();
    return { ok: false, error: { message: `${file}: parsing took longer than ${PARSE_BUDGET_MS} ms; not read` } };
  }
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      const position = at(file, bad ?? root);
      const reason = bad?.isMissing ? `expected "${bad.type}"` : `invalid HCL near ${JSON.stringify(shorten((bad ?? root).text, 40))}`;
      return { ok: false, error: { message: `${file}:${position.line}:${position.column}: ${reason}`, position } };
    }
    const converter = new Converter(file, text);
    const plain = copyTree(tree, text, { maxDepth: TREE_DEPTH, maxNodes: TREE_NODE_BUDGET });
    const bodyNode = plain.namedChildren.find((c) => c.type === "body");
    if (!bodyNode) {
      if (plain.namedChildren.some((c) => c.type === "object")) {
        return { ok: false, error: { message: `${file}:1:1: an object, not a Terraform configuration`, position: { file, line: 1, column: 1 } } };
      }
      return { ok: true, body: { attributes: [], blocks: [] } };
    }
    return { ok: true, body: converter.body(bodyNode) };
  } catch (error) {
    if (error instanceof TreeTooLarge) {
      const p = { file, line: error.at.row + 1, column: error.at.column + 1 };
      const reason = error.reason === "depth" ? `expressions nested deeper than ${MAX_DEPTH} levels` : `more than ${TREE_NODE_BUDGET} syntax nodes in one file`;
      return { ok: false, error: { message: `${file}:${p.line}:${p.column}: ${reason}`, position: p } };
    }
    if (error instanceof HclSyntaxError) {
      const p = error.position;
      return { ok: false, error: { message: `${file}:${p.line}:${p.column}: ${error.message}`, position: p } };
    }
    throw error;
  } finally {
    tree.delete();
  }
}

/** The first ERROR or MISSING node in document order (iterative: a hostile file may nest deeply). */
function firstError(root: Node): Node | undefined {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.isError || node.isMissing) return node;
    if (!node.hasError) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return undefined;
}

function at(file: string, node: Pick<Node, "startPosition">): SourcePosition {
  return { file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

function shorten(text: string, limit = TEXT_LIMIT): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > limit ? `${oneLine.slice(0, limit - 1)}…` : oneLine;
}

class Converter {
  private budget = NODE_BUDGET;

  constructor(
    private readonly file: string,
    private readonly source: string,
  ) {}

  body(node: SyntaxNode): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    for (const child of node.namedChildren) {
      if (child.type === "attribute") {
        const attribute = this.attribute(child);
        const earlier = body.attributes.find((a) => a.name === attribute.name);
        if (earlier) {
          throw new HclSyntaxError(`attribute "${attribute.name}" redefined (first set at line ${earlier.position.line})`, attribute.position);
        }
        body.attributes.push(attribute);
      } else if (child.type === "block") {
        body.blocks.push(this.block(child));
      }
    }
    return body;
  }

  private attribute(node: SyntaxNode): HclAttribute {
    const name = node.namedChildren.find((c) => c.type === "identifier");
    const value = node.namedChildren.find((c) => c.type === "expression");
    if (!name || !value) throw new HclSyntaxError("incomplete attribute", at(this.file, node));
    return { name: name.text, expr: this.expression(value, 0), position: at(this.file, node) };
  }

  private block(node: SyntaxNode): HclBlock {
    const named = node.namedChildren;
    const type = named[0];
    if (!type || type.type !== "identifier") throw new HclSyntaxError("block without a type", at(this.file, node));
    const labels: string[] = [];
    let body: HclBody = { attributes: [], blocks: [] };
    for (const child of named.slice(1)) {
      if (child.type === "identifier") labels.push(child.text);
      else if (child.type === "string_lit") labels.push(this.stringLiteral(child));
      else if (child.type === "body") body = this.body(child);
    }
    return { type: type.text, labels, body, position: at(this.file, node) };
  }

  private stringLiteral(node: SyntaxNode): string {
    const literal = node.namedChildren.find((c) => c.type === "template_literal");
    return literal ? decodeQuotedLiteral(literal.text) : "";
  }

  private make(node: SyntaxNode, body: HclExprBody): HclExpr {
    // Only the start of a long expression is kept for messages: slicing it whole would cost O(size × depth).
    const start = node.startIndex;
    const end = node.endIndex;
    const text = shorten(this.source.slice(start, Math.min(end, start + TEXT_LIMIT * 4)) + (end - start > TEXT_LIMIT * 4 ? "…" : ""));
    return { ...body, position: at(this.file, node), text } as HclExpr;
  }

  private expression(node: SyntaxNode, depth: number): HclExpr {
    if (--this.budget < 0) throw new HclSyntaxError(`more than ${NODE_BUDGET} expression nodes in one file`, at(this.file, node));
    if (depth > MAX_DEPTH) throw new HclSyntaxError(`expressions nested deeper than ${MAX_DEPTH} levels`, at(this.file, node));
    const children = node.namedChildren;
    switch (node.type) {
      case "expression": {
        // `( expr )`, or a term followed by attribute/index/splat steps.
        const [first, ...steps] = children;
        if (!first) throw new HclSyntaxError("empty expression", at(this.file, node));
        if (steps.length === 0) return this.expression(first, depth + 1);
        if (first.type !== "variable_expr") return this.make(node, { kind: "unsupported", what: "attribute access on a computed value" });
        return this.traversal(node, first.text, steps, depth);
      }
      case "variable_expr":
        return this.make(node, { kind: "traversal", root: node.text, steps: [] });
      case "literal_value":
        return this.literal(children[0] ?? node);
      case "template_expr":
        return this.template(children[0] ?? node, depth);
      case "collection_value":
        return this.collection(children[0] ?? node, depth);
      case "function_call": {
        const name = children.find((c) => c.type === "identifier")?.text ?? "";
        const argsNode = children.find((c) => c.type === "function_arguments");
        const args = (argsNode?.namedChildren ?? []).filter((c) => c.type === "expression").map((c) => this.expression(c, depth + 1));
        const expandFinal = (argsNode?.namedChildren ?? []).some((c) => c.type === "ellipsis");
        return this.make(node, { kind: "call", name, args, expandFinal });
      }
      case "conditional": {
        const [condition, then, otherwise] = children.filter((c) => c.type === "expression");
        if (!condition || !then || !otherwise) throw new HclSyntaxError("incomplete conditional", at(this.file, node));
        return this.make(node, {
          kind: "conditional",
          condition: this.expression(condition, depth + 1),
          then: this.expression(then, depth + 1),
          else: this.expression(otherwise, depth + 1),
        });
      }
      case "operation":
        return this.expression(children[0] ?? node, depth + 1);
      case "binary_operation": {
        const all = node.children;
        const operator = all.find((c) => !c.isNamed)?.type ?? "?";
        const operands = all.filter((c) => c.isNamed);
        const [left, right] = operands;
        if (!left || !right) throw new HclSyntaxError("incomplete operation", at(this.file, node));
        return this.make(node, { kind: "binary", operator, left: this.expression(left, depth + 1), right: this.expression(right, depth + 1) });
      }
      case "unary_operation": {
        const operator = node.children.find((c) => !c.isNamed)?.type ?? "?";
        const operand = children[0];
        if (!operand) throw new HclSyntaxError("incomplete operation", at(this.file, node));
        return this.make(node, { kind: "unary", operator, operand: this.expression(operand, depth + 1) });
      }
      case "for_expr":
        return this.make(node, { kind: "unsupported", what: "a for expression" });
      default:
        return this.make(node, { kind: "unsupported", what: node.type });
    }
  }

  private traversal(node: SyntaxNode, root: string, stepNodes: SyntaxNode[], depth: number): HclExpr {
    const steps: HclTraversalStep[] = [];
    for (const step of stepNodes) {
      if (step.type === "get_attr") {
        steps.push({ attr: step.namedChildren.find((c) => c.type === "identifier")?.text ?? "" });
      } else if (step.type === "index") {
        const inner = step.namedChildren[0];
        if (inner?.type === "new_index") {
          const e = inner.namedChildren.find((c) => c.type === "expression");
          if (!e) throw new HclSyntaxError("empty index", at(this.file, step));
          steps.push({ index: this.expression(e, depth + 1) });
        } else {
          // Legacy `.0` index: the digits after the dot.
          const digits = (inner?.text ?? "").replace(/^\./, "");
          steps.push({ index: this.make(step, { kind: "literal", value: Number(digits) }) });
        }
      } else {
        steps.push({ splat: true });
      }
    }
    return this.make(node, { kind: "traversal", root, steps });
  }

  private literal(node: SyntaxNode): HclExpr {
    switch (node.type) {
      case "numeric_lit":
        return this.make(node, { kind: "literal", value: Number(node.text) });
      case "bool_lit":
        return this.make(node, { kind: "literal", value: node.text === "true" });
      case "null_lit":
        return this.make(node, { kind: "literal", value: null });
      case "string_lit":
        return this.make(node, { kind: "literal", value: this.stringLiteral(node) });
      default:
        return this.make(node, { kind: "unsupported", what: node.type });
    }
  }

  private template(node: SyntaxNode, depth: number): HclExpr {
    const heredoc = node.type === "heredoc_template";
    const parts: Array<string | HclExpr> = [];
    const children = node.children;
    let cursor: number;
    let end: number;
    if (heredoc) {
      const markers = children.filter((c) => c.type === "heredoc_identifier");
      const open = markers[0];
      const close = markers[1];
      if (!open || !close) throw new HclSyntaxError("unterminated heredoc", at(this.file, node));
      const newline = this.source.indexOf("\n", open.endIndex);
      cursor = newline === -1 ? open.endIndex : newline + 1;
      end = this.source.lastIndexOf("\n", close.startIndex) + 1;
      if (end < cursor) end = cursor;
    } else {
      const open = children.find((c) => c.type === "quoted_template_start");
      const close = children.find((c) => c.type === "quoted_template_end");
      cursor = open?.endIndex ?? node.startIndex;
      end = close?.startIndex ?? node.endIndex;
    }
    const literal = (from: number, to: number) => {
      if (to <= from) return;
      const raw = this.source.slice(from, to);
      parts.push(heredoc ? decodeTemplateEscapes(raw) : decodeQuotedLiteral(raw));
    };
    for (const child of children) {
      if (child.type === "template_interpolation") {
        literal(cursor, child.startIndex);
        const e = child.namedChildren.find((c) => c.type === "expression");
        if (child.namedChildren.some((c) => c.type === "strip_marker")) {
          return this.make(node, { kind: "unsupported", what: "a template with strip markers" });
        }
        if (e) parts.push(this.expression(e, depth + 1));
        cursor = child.endIndex;
      } else if (child.type === "template_directive") {
        return this.make(node, { kind: "unsupported", what: "a template directive (%{if}/%{for})" });
      }
    }
    literal(cursor, end);
    const flushed = heredoc && children.some((c) => c.type === "heredoc_start" && c.text === "<<-") ? flushHeredoc(parts) : parts;
    return this.make(node, { kind: "template", parts: flushed });
  }

  private collection(node: SyntaxNode, depth: number): HclExpr {
    if (node.type === "tuple") {
      const items = node.namedChildren.filter((c) => c.type === "expression").map((c) => this.expression(c, depth + 1));
      return this.make(node, { kind: "tuple", items });
    }
    const items: Array<{ key: HclExpr; value: HclExpr }> = [];
    for (const elem of node.namedChildren.filter((c) => c.type === "object_elem")) {
      const keyNode = elem.childForFieldName("key");
      const valueNode = elem.childForFieldName("val");
      if (!keyNode || !valueNode) throw new HclSyntaxError("incomplete object element", at(this.file, elem));
      // A bare identifier key is its own name, not a variable (hclsyntax ObjectConsKeyExpr).
      const bare = keyNode.namedChildren.length === 1 && keyNode.namedChildren[0]?.type === "variable_expr";
      const key = bare ? this.make(keyNode, { kind: "literal", value: keyNode.text }) : this.expression(keyNode, depth + 1);
      items.push({ key, value: this.expression(valueNode, depth + 1) });
    }
    return this.make(node, { kind: "object", items });
  }
}
