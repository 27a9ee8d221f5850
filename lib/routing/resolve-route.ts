/**
 * # API Gateway REST routing: the resource and the method are resolved together
 *
 * The one routing function of Preflight. The emulator's data plane routes every invoke request with it and
 * `lib/model` uses it to say which method answers each resource and verb, so the rules, the matrix and the
 * emulator cannot disagree. Pure: no imports from any other folder.
 *
 * ## What is measured
 * Real REST APIs, MOCK integrations, no authorizer unless stated:
 * - ministack PR #1423 (https://github.com/ministackorg/ministack/pull/1423, eu-central-1). Tree `/{proxy+}` ANY,
 *   `/jobs` without methods, `/jobs/{operation_type}` GET, `/cors_only` OPTIONS:
 *   `GET /jobs/reboot` → `/jobs/{operation_type}`; `GET /jobs`, `POST /jobs`, `POST /jobs/reboot` and
 *   `GET /cors_only` → `/{proxy+}`. Its tests add `OPTIONS /remote_connection` → `/remote_connection` (its own
 *   OPTIONS) and, with `/admin` POST behind an authorizer, `GET /admin` and `DELETE /admin` → the open `/{proxy+}`:
 *   routing happens before authorization, so a guarded method does not hold the path.
 * - floci PR #3399 (https://github.com/floci-io/floci/pull/3399, us-west-2). Tree `/users/{userId}` GET,
 *   `/users/me` PATCH, `/roles/provision` POST, `/roles/{roleId}` GET, `/things/real` GET, `/things/{proxy+}`:
 *   `GET /users/me` → `/users/{userId}`; `PATCH /users/me` → `/users/me`; `GET /users/abc123` →
 *   `/users/{userId}`; `POST /users/me` → 403 Missing Authentication Token; `POST /roles/provision` →
 *   `/roles/provision`; `GET /roles/provision` → `/roles/{roleId}`; `GET /things/real` → `/things/real`;
 *   `POST /things/real` → `/things/{proxy+}`.
 * - floci PR #3547 (https://github.com/floci-io/floci/pull/3547): a request no resource+method pair serves
 *   is answered 403 `{"message":"Missing Authentication Token"}` with
 *   `x-amzn-ErrorType: MissingAuthenticationTokenException`, whether the path matches nothing or matches
 *   resources without the verb.
 *
 * ## The rule implemented
 * Depth-first over the request's segments: at each resource try the literal child, then each `{param}`
 * child, then the `{proxy+}` child (which must consume at least one segment); a candidate resource serves
 * the request when it declares the verb, else ANY (explicit before ANY on each candidate). When a whole
 * branch serves nothing, backtrack to the next candidate of the parent, so the most specific greedy ancestor
 * catches what its descendants do not serve. No candidate → no route (403 Missing Authentication Token).
 *
 * ## What no published measurement settles (assumptions)
 * - A literal with ANY beside a `{param}` sibling with the explicit verb: the literal's ANY wins (candidate
 *   order before method kind, "explicit before ANY at each step").
 * - Two greedy ancestors (`/a/{proxy+}` and `/{proxy+}`): the deeper one is tried first, as backtracking
 *   implies; floci PR #811 reports the same longest-prefix choice without a published measurement.
 * - `/{proxy+}` does not serve `/` (greedy needs one segment); the root answers only with its own methods.
 * - A `{param}` or `{proxy+}` segment of a resource template (as the model routes it) stands for a value no
 *   literal sibling has; the specific values a literal sibling takes are routed by that literal.
 * - Path segments are compared after percent-decoding; empty segments (`//`, a trailing `/`) are dropped.
 */

/** A resource as routing sees it: its path template and the verbs it declares (ANY included). */
export interface RoutableResource {
  path: string;
  verbs: readonly string[];
}

/** One request path segment: a concrete value, or (for a model template) a value no literal sibling has. */
export type RequestSegment = { kind: "literal"; value: string } | { kind: "opaque" };

export type RouteResolution<R extends RoutableResource> =
  | {
      kind: "matched";
      resource: R;
      /** The declared method that answers: the request's verb, or "ANY". */
      verb: string;
      pathParameters: Record<string, string>;
    }
  | { kind: "no-route" };

interface RouteNode<R> {
  resource?: R;
  literals: Map<string, RouteNode<R>>;
  params: { name: string; node: RouteNode<R> }[];
  greedy?: { name: string; resource: R };
}

export interface RouteTree<R extends RoutableResource> {
  root: RouteNode<R>;
}

const GREEDY = /^\{([^{}]+)\+\}$/;
const PARAM = /^\{([^{}]+)\}$/;

function emptyNode<R>(): RouteNode<R> {
  return { literals: new Map(), params: [] };
}

export function splitPath(path: string): string[] {
  return path.split("/").filter((part) => part.length > 0);
}

/** Builds the routing tree once; resolve many requests against it. Work is linear in the total path length. */
export function buildRouteTree<R extends RoutableResource>(resources: readonly R[]): RouteTree<R> {
  const root = emptyNode<R>();
  for (const resource of resources) {
    const parts = splitPath(resource.path);
    let node: RouteNode<R> | undefined = root;
    for (let index = 0; index < parts.length && node; index += 1) {
      const part = parts[index] ?? "";
      const greedy = GREEDY.exec(part);
      if (greedy?.[1]) {
        // API Gateway allows {proxy+} only as the last path part; anything below one is unreachable.
        if (index === parts.length - 1) node.greedy = { name: greedy[1], resource };
        node = undefined;
        break;
      }
      const param = PARAM.exec(part);
      if (param?.[1]) {
        const name = param[1];
        let entry: { name: string; node: RouteNode<R> } | undefined = node.params.find((p) => p.name === name);
        if (!entry) node.params.push((entry = { name, node: emptyNode<R>() }));
        node = entry.node;
      } else {
        let child: RouteNode<R> | undefined = node.literals.get(part);
        if (!child) node.literals.set(part, (child = emptyNode<R>()));
        node = child;
      }
    }
    if (node) node.resource = resource;
  }
  return { root };
}

function declared<R extends RoutableResource>(resource: R | undefined, verb: string): string | undefined {
  if (!resource) return undefined;
  if (resource.verbs.includes(verb)) return verb;
  return resource.verbs.includes("ANY") ? "ANY" : undefined;
}

function show(segment: RequestSegment, name: string): string {
  return segment.kind === "literal" ? segment.value : `{${name}}`;
}

/**
 * Resolves one request. Each tree node is entered at most once per call (a node has one parent and is tried
 * once per visit of it), so the work is bounded by the tree's size whatever the request.
 */
export function resolveRoute<R extends RoutableResource>(
  tree: RouteTree<R>,
  segments: readonly RequestSegment[],
  httpMethod: string,
): RouteResolution<R> {
  const verb = httpMethod.toUpperCase();
  const visit = (node: RouteNode<R>, depth: number, params: Record<string, string>): RouteResolution<R> => {
    if (depth === segments.length) {
      const found = declared(node.resource, verb);
      return found && node.resource
        ? { kind: "matched", resource: node.resource, verb: found, pathParameters: params }
        : { kind: "no-route" };
    }
    const head = segments[depth] as RequestSegment;
    if (head.kind === "literal") {
      const literal = node.literals.get(head.value);
      if (literal) {
        const viaLiteral = visit(literal, depth + 1, params);
        if (viaLiteral.kind === "matched") return viaLiteral;
      }
    }
    for (const param of node.params) {
      const viaParam = visit(param.node, depth + 1, { ...params, [param.name]: show(head, param.name) });
      if (viaParam.kind === "matched") return viaParam;
    }
    if (node.greedy) {
      const found = declared(node.greedy.resource, verb);
      if (found) {
        const { name } = node.greedy;
        const rest = segments
          .slice(depth)
          .map((segment) => show(segment, name))
          .join("/");
        return { kind: "matched", resource: node.greedy.resource, verb: found, pathParameters: { ...params, [name]: rest } };
      }
    }
    return { kind: "no-route" };
  };
  return visit(tree.root, 0, {});
}

/** The segments of a concrete request path, percent-decoded (an undecodable segment is kept as sent). */
export function requestSegments(path: string): RequestSegment[] {
  return splitPath(path).map((part) => {
    try {
      return { kind: "literal", value: decodeURIComponent(part) };
    } catch {
      return { kind: "literal", value: part };
    }
  });
}

/**
 * The segments of a request aimed at a resource template: literals stay literal, `{param}` and `{proxy+}`
 * become a value no literal sibling has (the generic request the template stands for).
 */
export function templateSegments(resourcePath: string): RequestSegment[] {
  return splitPath(resourcePath).map((part) =>
    GREEDY.test(part) || PARAM.test(part) ? { kind: "opaque" } : { kind: "literal", value: part },
  );
}
