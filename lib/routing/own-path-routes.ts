import { declared, isPathVariable, splitPath, type RoutableResource, type RouteNode, type RouteTree } from "./resolve-route";

/**
 * # Which method answers each resource's own path: every resource of a tree in one walk
 *
 * The question the model and the rules ask most is "which method answers verb V on resource R's own (template)
 * path", for every resource (issue 16, `npm run bench:core`: 6,667 resources × the draft and each deployment).
 * `resolveRoute` (resolve-route.ts, where the measured AWS behaviour is cited) answers one request at a time: it splits
 * the path, builds a segment object per part and a path-parameter record per step. Here the same depth-first search
 * runs without path parameters over segments kept as strings, and the walk over the tree answers every resource
 * with the segments it has already pushed, so no path is split or rebuilt.
 *
 * Same rule as resolveRoute, step for step: at each node the literal child, then each `{param}` child in order, then
 * the `{proxy+}` child; the explicit verb before ANY on each candidate; backtracking when a branch serves nothing.
 * resolveRoute stays the reference: `own-path-routes.test.ts` compares the two on generated trees.
 */

/** The resource that answers and the declared verb it answers with (the request's verb, or "ANY"). */
export interface RouteMatch<R> {
  resource: R;
  verb: string;
}

/**
 * A template path's segments for matchTemplate: a literal part as itself, a `{param}` or `{proxy+}` part as null
 * (a value no literal sibling has), exactly as templateSegments classifies them.
 */
export type TemplateKey = string | null;

/** templateSegments (resolve-route.ts) as TemplateKeys: one string array, no object per part. */
export function templateKeys(resourcePath: string): TemplateKey[] {
  const parts: TemplateKey[] = splitPath(resourcePath);
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] as string;
    if (isPathVariable(part)) parts[index] = null;
  }
  return parts;
}

/**
 * resolveRoute's depth-first search from `node` at `depth`, without path parameters. Each node is entered at most
 * once per call (a node has one parent and is tried once per visit of it), so the work is bounded by the tree's size.
 */
function search<R extends RoutableResource>(
  node: RouteNode<R>,
  keys: readonly TemplateKey[],
  depth: number,
  verb: string,
): RouteMatch<R> | undefined {
  if (depth === keys.length) {
    const found = declared(node.resource, verb);
    return found && node.resource ? { resource: node.resource, verb: found } : undefined;
  }
  const head = keys[depth];
  if (head !== null && head !== undefined && node.literals) {
    const literal = node.literals.get(head);
    if (literal) {
      const viaLiteral = search(literal, keys, depth + 1, verb);
      if (viaLiteral) return viaLiteral;
    }
  }
  if (node.params) {
    for (const param of node.params) {
      const viaParam = search(param.node, keys, depth + 1, verb);
      if (viaParam) return viaParam;
    }
  }
  if (node.greedy) {
    const found = declared(node.greedy.resource, verb);
    if (found) return { resource: node.greedy.resource, verb: found };
  }
  return undefined;
}

/** resolveRoute(tree, templateSegments(path), verb) for a template path, without its path parameters. */
export function matchTemplate<R extends RoutableResource>(
  tree: RouteTree<R>,
  keys: readonly TemplateKey[],
  httpMethod: string,
): RouteMatch<R> | undefined {
  return search(tree.root, keys, 0, httpMethod.toUpperCase());
}

/**
 * Calls `answer` once for every resource the tree holds (a node's resource, a node's greedy child), with what
 * resolveRoute answers for `httpMethod` on that resource's own path (undefined: 403 Missing Authentication Token).
 *
 * Most answers need no search: while every step from the root took the branch the search tries first (a literal
 * child, or the first `{param}` child), the search reaches the resource before anything else, so a resource that
 * declares the verb (or ANY) answers itself. Otherwise the search runs on the segments already pushed by the walk.
 * A `{proxy+}` child is tried after its `{param}` siblings, so it answers itself directly only when it has none.
 * The walk is recursive to the tree's depth, as resolveRoute is to the request's.
 */
export function forEachOwnPath<R extends RoutableResource>(
  tree: RouteTree<R>,
  httpMethod: string,
  answer: (resource: R, match: RouteMatch<R> | undefined) => void,
): void {
  const verb = httpMethod.toUpperCase();
  const keys: TemplateKey[] = [];
  const settle = (resource: R, direct: boolean) => {
    const own = direct ? declared(resource, verb) : undefined;
    answer(resource, own ? { resource, verb: own } : search(tree.root, keys, 0, verb));
  };
  const walk = (node: RouteNode<R>, direct: boolean) => {
    if (node.resource) settle(node.resource, direct);
    node.literals?.forEach((child, part) => {
      keys.push(part);
      walk(child, direct);
      keys.pop();
    });
    const params = node.params ?? [];
    for (let index = 0; index < params.length; index += 1) {
      keys.push(null);
      walk((params[index] as { node: RouteNode<R> }).node, direct && index === 0);
      keys.pop();
    }
    if (node.greedy) {
      keys.push(null);
      settle(node.greedy.resource, direct && params.length === 0);
      keys.pop();
    }
  };
  walk(tree.root, true);
}
