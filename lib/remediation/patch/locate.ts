/**
 * From a report's element position (`template.yaml:42:7`) back to the key path of the node written there, so
 * a fix intent finds the mapping it edits without re-implementing each reader's mapping from template to model.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from "yaml";
import type { SourcePosition } from "@/lib/audit/source";

/** Key path from the document root: mapping keys only (an element inside a list is not addressed). */
export type KeyPath = string[];

/** Offset of each node key → its key path, for one parsed file. */
export function indexKeys(document: Document, text: string): (position: SourcePosition) => KeyPath | undefined {
  const byOffset = new Map<number, KeyPath | null>();
  const visit = (node: unknown, path: KeyPath | null, depth: number) => {
    if (depth > 200) return;
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const pair = item as Pair;
        const key = isScalar(pair.key) ? String((pair.key as Scalar).value) : undefined;
        const childPath = path && key !== undefined ? [...path, key] : null;
        const start = (pair.key as Node | null)?.range?.[0];
        if (start !== undefined && !byOffset.has(start)) byOffset.set(start, childPath);
        visit(pair.value, childPath, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, null, depth + 1);
    }
  };
  visit(document.contents, [], 0);
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  return (position) => {
    const start = lineStarts[position.line - 1];
    if (start === undefined) return undefined;
    return byOffset.get(start + position.column - 1) ?? undefined;
  };
}

export function startsWith(path: KeyPath, prefix: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => path[index] === key);
}

/** The plain value at `path` (own keys only: a template's `__proto__` is data). */
export function valueAt(root: unknown, path: KeyPath): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
