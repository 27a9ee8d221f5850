/**
 * The syntax as the parsers gave it before nodes kept offsets (hcl-ast.ts): every node with its position and message
 * text made at once. The reference evaluator reads this shape; `referenceSyntax` makes it from the current one, the
 * positions and texts read from the offsets as the current reader reads them when asked.
 */
import type { SourcePosition } from "@/lib/templates/types";
import { positionOf, textOf, type HclBody as CurrentBody, type HclExpr as CurrentExpr } from "@/lib/templates/terraform/hcl-ast";

export type HclTraversalStep = { attr: string } | { index: HclExpr } | { splat: true };

export type HclExprBody =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "template"; parts: Array<string | HclExpr> }
  | { kind: "tuple"; items: HclExpr[] }
  | { kind: "object"; items: Array<{ key: HclExpr; value: HclExpr }> }
  | { kind: "traversal"; root: string; steps: HclTraversalStep[] }
  | { kind: "call"; name: string; args: HclExpr[]; expandFinal: boolean }
  | { kind: "conditional"; condition: HclExpr; then: HclExpr; else: HclExpr }
  | { kind: "binary"; operator: string; left: HclExpr; right: HclExpr }
  | { kind: "unary"; operator: string; operand: HclExpr }
  | { kind: "unsupported"; what: string };

export type HclExpr = HclExprBody & { position: SourcePosition; text: string };

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
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export function attributeOf(body: HclBody, name: string): HclAttribute | undefined {
  return body.attributes.find((a) => a.name === name);
}

export function referenceSyntax(body: CurrentBody): HclBody {
  return {
    attributes: body.attributes.map((a) => ({ name: a.name, expr: referenceExpr(a.expr), position: positionOf(a) })),
    blocks: body.blocks.map((b) => ({ type: b.type, labels: b.labels, body: referenceSyntax(b.body), position: positionOf(b) })),
  };
}

function referenceExpr(e: CurrentExpr): HclExpr {
  const at = { position: positionOf(e), text: textOf(e) };
  switch (e.kind) {
    case "literal":
      return { kind: "literal", value: e.value, ...at };
    case "template":
      return { kind: "template", parts: e.parts.map((p) => (typeof p === "string" ? p : referenceExpr(p))), ...at };
    case "tuple":
      return { kind: "tuple", items: e.items.map(referenceExpr), ...at };
    case "object":
      return { kind: "object", items: e.items.map((i) => ({ key: referenceExpr(i.key), value: referenceExpr(i.value) })), ...at };
    case "traversal":
      return {
        kind: "traversal",
        root: e.root,
        steps: e.steps.map((s) => ("index" in s ? { index: referenceExpr(s.index) } : s)),
        ...at,
      };
    case "call":
      return { kind: "call", name: e.name, args: e.args.map(referenceExpr), expandFinal: e.expandFinal, ...at };
    case "conditional":
      return {
        kind: "conditional",
        condition: referenceExpr(e.condition),
        then: referenceExpr(e.then),
        else: referenceExpr(e.else),
        ...at,
      };
    case "binary":
      return { kind: "binary", operator: e.operator, left: referenceExpr(e.left), right: referenceExpr(e.right), ...at };
    case "unary":
      return { kind: "unary", operator: e.operator, operand: referenceExpr(e.operand), ...at };
    case "unsupported":
      return { kind: "unsupported", what: e.what, ...at };
  }
}
