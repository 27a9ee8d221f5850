/**
 * tree-sitter's concrete HCL tree (copied into `SyntaxNode`s) → the plain syntax of hcl-ast.ts, following the HCL
 * native syntax spec (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md): attributes and blocks, literal
 * and template expressions (escapes decoded, flush heredocs dedented), collections, traversals, calls, conditionals
 * and operators. Bounded: nesting depth and node count are limits, and an invalid construct is an `HclSyntaxError`
 * with its position.
 */
import type { SourcePosition } from "@/lib/templates/types";
import {
  exprOf,
  positionOf,
  type HclAttribute,
  type HclBlock,
  type HclBody,
  type HclExpr,
  type HclExprBody,
  type HclTraversalStep,
} from "./hcl-ast";
import { TextSource } from "./hcl-source";
import { decodeQuotedLiteral, decodeTemplateEscapes, flushHeredoc } from "./hcl-strings";
import type { SyntaxNode } from "./syntax-tree";

/** Expression nesting beyond this is refused rather than recursed into. */
export const MAX_DEPTH = 100;
/** Expression nodes converted per file. */
const NODE_BUDGET = 500_000;

export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: SourcePosition,
  ) {
    super(message);
  }
}

export function at(file: string, node: { startPosition: { row: number; column: number } }): SourcePosition {
  return { file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

export class Converter {
  private budget = NODE_BUDGET;
  /** Nodes keep offsets into this (hcl-source.ts): tree-sitter's start and end index. */
  private readonly text: TextSource;

  constructor(
    private readonly file: string,
    private readonly source: string,
  ) {
    this.text = new TextSource(file, source);
  }

  body(node: SyntaxNode): HclBody {
    const body: HclBody = { attributes: [], blocks: [] };
    for (const child of node.namedChildren) {
      if (child.type === "attribute") {
        const attribute = this.attribute(child);
        const earlier = body.attributes.find((a) => a.name === attribute.name);
        if (earlier) {
          throw new HclSyntaxError(
            `attribute "${attribute.name}" redefined (first set at line ${positionOf(earlier).line})`,
            positionOf(attribute),
          );
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
    return { name: name.text, expr: this.expression(value, 0), source: this.text, start: node.startIndex };
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
    return { type: type.text, labels, body, source: this.text, start: node.startIndex };
  }

  private stringLiteral(node: SyntaxNode): string {
    const literal = node.namedChildren.find((c) => c.type === "template_literal");
    return literal ? decodeQuotedLiteral(literal.text) : "";
  }

  private make(node: SyntaxNode, body: HclExprBody): HclExpr {
    return exprOf(this.text, node.startIndex, node.endIndex, body);
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
        return this.make(node, {
          kind: "binary",
          operator,
          left: this.expression(left, depth + 1),
          right: this.expression(right, depth + 1),
        });
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
