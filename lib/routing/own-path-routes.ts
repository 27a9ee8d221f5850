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
 * resolveRoute's depth-first search, without path parameters, with its own stack instead of recursion: a template may
 * hold a path of thousands of parts, deeper than the call stack. Candidates go on the stack in the reverse of the
 * order they are tried (the `{proxy+}` check, the `{param}` children from last to first, the literal child), so the
 * first match popped is resolveRoute's. Each node is pushed at most once per call (a node has one parent, which is
 * expanded once), so the work is bounded by the tree's size.
 */
function search<R extends RoutableResource>(
  root: RouteNode<R>,
  keys: readonly TemplateKey[],
  length: number,
  verb: string,
): RouteMatch<R> | undefined {
  const nodes: RouteNode<R>[] = [root];
  // The depth at which each node is tried; GREEDY_CHECK marks "does this node's {proxy+} child serve the rest".
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as RouteNode<R>;
    const depth = depths.pop() as number;
    if (depth === GREEDY_CHECK) {
      const greedy = node.greedy as { resource: R };
      const found = declared(greedy.resource, verb);
      if (found) return { resource: greedy.resource, verb: found };
      continue;
    }
    if (depth === length) {
      const found = declared(node.resource, verb);
      if (found && node.resource) return { resource: node.resource, verb: found };
      continue;
    }
    if (node.greedy) {
      nodes.push(node);
      depths.push(GREEDY_CHECK);
    }
    if (node.params) {
      for (let index = node.params.length - 1; index >= 0; index -= 1) {
        nodes.push((node.params[index] as { node: RouteNode<R> }).node);
        depths.push(depth + 1);
      }
    }
    const head = keys[depth];
    const literal = head === null || head === undefined ? undefined : node.literals?.get(head);
    if (literal) {
      nodes.push(literal);
      depths.push(depth + 1);
    }
  }
  return undefined;
}

const GREEDY_CHECK = -1;

/** resolveRoute(tree, templateSegments(path), verb) for a template path, without its path parameters. */
export function matchTemplate<R extends RoutableResource>(
  tree: RouteTree<R>,
  keys: readonly TemplateKey[],
  httpMethod: string,
): RouteMatch<R> | undefined {
  return search(tree.root, keys, keys.length, httpMethod.toUpperCase());
}

/**
 * Calls `answer` once for every resource the tree holds (a node's resource, a node's greedy child), with what
 * resolveRoute answers for `httpMethod` on that resource's own path (undefined: 403 Missing Authentication Token).
 *
 * Most answers need no search: while every step from the root took the branch the search tries first (a literal
 * child, or the first `{param}` child), the search reaches the resource before anything else, so a resource that
 * declares the verb (or ANY) answers itself. Otherwise the search runs on the segments already pushed by the walk.
 * A `{proxy+}` child is tried after its `{param}` siblings, so it answers itself directly only when it has none.
 * The walk keeps its own stack, like the search: no recursion as deep as the deepest path.
 */
export function forEachOwnPath<R extends RoutableResource>(
  tree: RouteTree<R>,
  httpMethod: string,
  answer: (resource: R, match: RouteMatch<R> | undefined) => void,
): void {
  const verb = httpMethod.toUpperCase();
  // The segments of the path being visited: keys[0 … length - 1] (entries beyond are stale, never read). A node is
  // popped after its whole parent's path was written and before any sibling's subtree, so the entries before its own
  // are its ancestors'.
  const keys: TemplateKey[] = [];
  let length = 0;
  const settle = (resource: R, direct: boolean) => {
    const own = direct ? declared(resource, verb) : undefined;
    answer(resource, own ? { resource, verb: own } : search(tree.root, keys, length, verb));
  };
  // One entry per node still to visit, in parallel arrays (no object per entry); a greedy entry stands for the
  // `{proxy+}` child of its node, one level below it.
  const nodes: RouteNode<R>[] = [tree.root];
  const depths: number[] = [0];
  const parts: TemplateKey[] = [null];
  const directs: boolean[] = [true];
  const greedies: boolean[] = [false];
  const push = (node: RouteNode<R>, depth: number, part: TemplateKey, direct: boolean, greedy: boolean) => {
    nodes.push(node);
    depths.push(depth);
    parts.push(part);
    directs.push(direct);
    greedies.push(greedy);
  };
  while (nodes.length > 0) {
    const node = nodes.pop() as RouteNode<R>;
    const depth = depths.pop() as number;
    const part = parts.pop() as TemplateKey;
    const direct = directs.pop() as boolean;
    const greedy = greedies.pop() as boolean;
    length = depth;
    if (depth > 0) keys[depth - 1] = part;
    if (greedy) {
      settle((node.greedy as { resource: R }).resource, direct);
      continue;
    }
    if (node.resource) settle(node.resource, direct);
    const params = node.params ?? [];
    if (node.greedy) push(node, depth + 1, null, direct && params.length === 0, true);
    for (let index = params.length - 1; index >= 0; index -= 1)
      push((params[index] as { node: RouteNode<R> }).node, depth + 1, null, direct && index === 0, false);
    if (node.literals) for (const [literal, child] of node.literals) push(child, depth + 1, literal, direct, false);
  }
}
