import { buildRouteTree, requestSegments, resolveRoute, type RouteTree } from "@/lib/routing/resolve-route";
import type { MethodWire, ResourceWire } from "../state";

/**
 * Picks the deployed resource and method for a request with Preflight's one routing function
 * (`lib/routing/resolve-route.ts`, where the measurements it follows are cited): the resource and the method
 * are resolved as a pair, so a resource without the verb falls through to a `{param}` sibling or a greedy
 * ancestor that has it.
 */
export type RouteMatch =
  { kind: "matched"; resource: ResourceWire; method: MethodWire; pathParameters: Record<string, string> } | { kind: "no-route" };

interface Routable {
  path: string;
  verbs: string[];
  wire: ResourceWire;
}

// A deployment's resources never change, so its tree is built once per snapshot.
const trees = new WeakMap<readonly ResourceWire[], RouteTree<Routable>>();

function treeOf(resources: readonly ResourceWire[]): RouteTree<Routable> {
  let tree = trees.get(resources);
  if (!tree) {
    tree = buildRouteTree(
      resources.map((wire) => ({ path: wire.path, verbs: Object.keys(wire.resourceMethods ?? {}).map((v) => v.toUpperCase()), wire })),
    );
    trees.set(resources, tree);
  }
  return tree;
}

export function matchRoute(resources: readonly ResourceWire[], requestPath: string, httpMethod: string): RouteMatch {
  const resolved = resolveRoute(treeOf(resources), requestSegments(requestPath), httpMethod);
  if (resolved.kind === "no-route") return resolved;
  const methods = resolved.resource.wire.resourceMethods ?? {};
  const method = methods[resolved.verb] ?? Object.entries(methods).find(([verb]) => verb.toUpperCase() === resolved.verb)?.[1];
  if (!method) return { kind: "no-route" };
  return { kind: "matched", resource: resolved.resource.wire, method, pathParameters: resolved.pathParameters };
}
