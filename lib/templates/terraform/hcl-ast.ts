/**
 * The HCL2 syntax Preflight evaluates, as plain data: the parsers (hcl-fast-parser.ts, tree-sitter through
 * hcl-convert.ts, Terraform JSON through hcl-json.ts) all end here. Every node keeps where it was written so a finding
 * can point at `main.tf:42:3`: as offsets into its file (hcl-source.ts), read into a `position` and the `text` messages
 * quote only when asked (a configuration has about one node per token; findings need a few hundred positions).
 * Structure follows the HCL native syntax spec (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md).
 */
import type { SourcePosition } from "@/lib/templates/types";
import type { HclSource } from "./hcl-source";

export type HclTraversalStep = { attr: string } | { index: HclExpr } | { splat: true };

/** The fields of each expression kind, as the parsers that build them from plain objects give them (`exprOf`). */
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

/** An expression from `start` to `end` of its source. */
abstract class Located {
  constructor(
    readonly source: HclSource,
    readonly start: number,
    readonly end: number,
  ) {}

  get position(): SourcePosition {
    return this.source.positionAt(this.start);
  }

  /** The expression's source text, shortened for messages. */
  get text(): string {
    return this.source.textOf(this.start, this.end);
  }
}

export class HclLiteral extends Located {
  readonly kind = "literal";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly value: string | number | boolean | null,
  ) {
    super(source, start, end);
  }
}

export class HclTemplate extends Located {
  readonly kind = "template";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly parts: Array<string | HclExpr>,
  ) {
    super(source, start, end);
  }
}

export class HclTuple extends Located {
  readonly kind = "tuple";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly items: HclExpr[],
  ) {
    super(source, start, end);
  }
}

export class HclObject extends Located {
  readonly kind = "object";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly items: Array<{ key: HclExpr; value: HclExpr }>,
  ) {
    super(source, start, end);
  }
}

export class HclTraversal extends Located {
  readonly kind = "traversal";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly root: string,
    readonly steps: HclTraversalStep[],
  ) {
    super(source, start, end);
  }
}

export class HclCall extends Located {
  readonly kind = "call";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly name: string,
    readonly args: HclExpr[],
    readonly expandFinal: boolean,
  ) {
    super(source, start, end);
  }
}

export class HclConditional extends Located {
  readonly kind = "conditional";
  readonly else: HclExpr;
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly condition: HclExpr,
    readonly then: HclExpr,
    otherwise: HclExpr,
  ) {
    super(source, start, end);
    this.else = otherwise;
  }
}

export class HclBinary extends Located {
  readonly kind = "binary";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly operator: string,
    readonly left: HclExpr,
    readonly right: HclExpr,
  ) {
    super(source, start, end);
  }
}

export class HclUnary extends Located {
  readonly kind = "unary";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly operator: string,
    readonly operand: HclExpr,
  ) {
    super(source, start, end);
  }
}

export class HclUnsupported extends Located {
  readonly kind = "unsupported";
  constructor(
    source: HclSource,
    start: number,
    end: number,
    readonly what: string,
  ) {
    super(source, start, end);
  }
}

export type HclExpr =
  HclLiteral | HclTemplate | HclTuple | HclObject | HclTraversal | HclCall | HclConditional | HclBinary | HclUnary | HclUnsupported;

/** The expression of `body`'s kind, written from `start` to `end` of `source`. */
export function exprOf(source: HclSource, start: number, end: number, body: HclExprBody): HclExpr {
  switch (body.kind) {
    case "literal":
      return new HclLiteral(source, start, end, body.value);
    case "template":
      return new HclTemplate(source, start, end, body.parts);
    case "tuple":
      return new HclTuple(source, start, end, body.items);
    case "object":
      return new HclObject(source, start, end, body.items);
    case "traversal":
      return new HclTraversal(source, start, end, body.root, body.steps);
    case "call":
      return new HclCall(source, start, end, body.name, body.args, body.expandFinal);
    case "conditional":
      return new HclConditional(source, start, end, body.condition, body.then, body.else);
    case "binary":
      return new HclBinary(source, start, end, body.operator, body.left, body.right);
    case "unary":
      return new HclUnary(source, start, end, body.operator, body.operand);
    case "unsupported":
      return new HclUnsupported(source, start, end, body.what);
  }
}

export class HclAttribute {
  constructor(
    readonly name: string,
    readonly expr: HclExpr,
    readonly source: HclSource,
    readonly start: number,
  ) {}

  get position(): SourcePosition {
    return this.source.positionAt(this.start);
  }
}

export class HclBlock {
  constructor(
    readonly type: string,
    readonly labels: string[],
    readonly body: HclBody,
    readonly source: HclSource,
    readonly start: number,
  ) {}

  get position(): SourcePosition {
    return this.source.positionAt(this.start);
  }
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
