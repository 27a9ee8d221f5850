/**
 * A plain copy of a tree-sitter tree, made in one cursor walk. Reading web-tree-sitter `Node`s directly allocates a
 * marshalled object per access (`children`, `namedChildren`, positions are WASM calls); on a 1.6 MB file that cost more
 * in garbage collection than the parse itself. The copy has just what the converter reads.
 */
import type { Tree } from "web-tree-sitter";

export class SyntaxNode {
  readonly children: SyntaxNode[] = [];
  private named?: SyntaxNode[];

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly isNamed: boolean,
    readonly fieldName: string | null,
    readonly startIndex: number,
    readonly endIndex: number,
    /** 0-based, as tree-sitter counts. */
    readonly startPosition: { row: number; column: number },
  ) {}

  get namedChildren(): SyntaxNode[] {
    this.named ??= this.children.filter((c) => c.isNamed);
    return this.named;
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  childForFieldName(name: string): SyntaxNode | undefined {
    return this.children.find((c) => c.fieldName === name);
  }
}

/** The copy stops (and says where) past these: a hostile file may nest deeply or hold millions of tokens. */
export interface CopyLimits {
  maxDepth: number;
  maxNodes: number;
}

export class TreeTooLarge extends Error {
  constructor(
    readonly reason: "depth" | "nodes",
    readonly at: { row: number; column: number },
  ) {
    super(reason);
  }
}

/** Iterative; the tree itself stays owned by the caller. Throws TreeTooLarge past the limits. */
export function copyTree(tree: Tree, source: string, limits: CopyLimits): SyntaxNode {
  const cursor = tree.walk();
  try {
    const make = () =>
      new SyntaxNode(
        source,
        cursor.nodeType,
        cursor.nodeIsNamed,
        cursor.currentFieldName,
        cursor.startIndex,
        cursor.endIndex,
        cursor.startPosition,
      );
    const root = make();
    const stack: SyntaxNode[] = [root];
    let budget = limits.maxNodes;
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const node = make();
      if (--budget < 0) throw new TreeTooLarge("nodes", node.startPosition);
      (stack[stack.length - 1] as SyntaxNode).children.push(node);
      if (cursor.gotoFirstChild()) {
        if (stack.length > limits.maxDepth) throw new TreeTooLarge("depth", node.startPosition);
        stack.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.length === 1) return root;
        stack.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}
