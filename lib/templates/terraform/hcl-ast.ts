/**
 * The HCL2 syntax Preflight evaluates, as plain data: the parser converts tree-sitter's concrete tree into this and
 * frees the tree at once (web-tree-sitter trees live in WASM memory until deleted). Every node keeps where it was
 * written so a finding can point at `main.tf:42:3`.
 * Structure follows the HCL native syntax spec (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md).
 */
import type { SourcePosition } from "@/lib/templates/types";

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

export type HclExpr = HclExprBody & {
  position: SourcePosition;
  /** The expression's source text, shortened for messages. */
  text: string;
};

export interface HclAttribute {
  name: string;
  expr: HclExpr;
  position: SourcePosition;
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  position: SourcePosition;
}

export interface HclBody {
  /** In source order; HCL forbids duplicates (the parser reports them). */
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  const attributes = body.attributes;
  for (let i = 0; i < attributes.length; i++) if (attributes[i]!.name === name) return attributes[i];
  return undefined;
}
