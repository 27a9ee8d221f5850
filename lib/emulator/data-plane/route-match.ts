import type { MethodWire, ResourceWire } from "../state";

/**
 * Picks the deployed resource and method for a request path, the way API Gateway does: at each path
 * segment a static child wins over a `{param}` child, which wins over a greedy `{proxy+}` child; an
 * explicit HTTP method wins over ANY.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-set-up-simple-proxy.html
 * (a proxy resource only catches requests no more specific resource matches).
 */
export type RouteMatch =
  | { kind: "matched"; resource: ResourceWire; method: MethodWire; pathParameters: Record<string, string> }
  | { kind: "no-route" };

interface Node {
  resource?: ResourceWire;
  statics: Map<string, Node>;
  params: { name: string; node: Node }[];
  greedy?: { name: string; resource: ResourceWire };
}

function emptyNode(): Node {
  return { statics: new Map(), params: [] };
}

function buildTree(resources: readonly ResourceWire[]): Node {
  const root = emptyNode();
  for (const resource of resources) {
    let node = root;
    const parts = splitPath(resource.path);
    parts.forEach((part, index) => {
      const greedy = /^\{(.+)\+\}$/.exec(part);
      if (greedy?.[1] && index === parts.length - 1) {
        node.greedy = { name: greedy[1], resource };
        return;
      }
      const param = /^\{(.+)\}$/.exec(part);
      if (param?.[1]) {
        const name = param[1];
        let entry = node.params.find((p) => p.name === name);
        if (!entry) node.params.push((entry = { name, node: emptyNode() }));
        node = entry.node;
      } else {
        let child = node.statics.get(part);
        if (!child) node.statics.set(part, (child = emptyNode()));
        node = child;
      }
    });
    if (!/^\{.+\+\}$/.test(parts.at(-1) ?? "")) node.resource = resource;
  }
  return root;
}

function splitPath(path: string): string[] {
  return path.split("/").filter((part) => part.length > 0);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function findResource(node: Node, segments: string[], params: Record<string, string>): { resource: ResourceWire; params: Record<string, string> } | undefined {
  if (segments.length === 0) return node.resource ? { resource: node.resource, params } : undefined;
  const [head = "", ...rest] = segments;
  const staticChild = node.statics.get(decode(head));
  const viaStatic = staticChild && findResource(staticChild, rest, params);
  if (viaStatic) return viaStatic;
  for (const param of node.params) {
    const viaParam = findResource(param.node, rest, { ...params, [param.name]: decode(head) });
    if (viaParam) return viaParam;
  }
  if (node.greedy) {
    return { resource: node.greedy.resource, params: { ...params, [node.greedy.name]: segments.map(decode).join("/") } };
  }
  return undefined;
}

export function matchRoute(resources: readonly ResourceWire[], requestPath: string, httpMethod: string): RouteMatch {
  const found = findResource(buildTree(resources), splitPath(requestPath), {});
  if (!found) return { kind: "no-route" };
  const methods = found.resource.resourceMethods ?? {};
  const method = methods[httpMethod.toUpperCase()] ?? methods.ANY;
  if (!method) return { kind: "no-route" };
  return { kind: "matched", resource: found.resource, method, pathParameters: found.params };
}
