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

/**
 * One resource path position: exported for the bulk answers of own-path-routes.ts, which walk the same tree.
 * `literals` and `params` are created with the first child: most nodes are leaves, and an empty Map and array per
 * leaf were a good part of the cost of building a 6,667-resource tree (issue 16).
 */
export interface RouteNode<R> {
  resource?: R;
  literals?: Map<string, RouteNode<R>>;
  params?: { name: string; node: RouteNode<R> }[];
  greedy?: { name: string; resource: R };
}

export interface RouteTree<R extends RoutableResource> {
  root: RouteNode<R>;
}

const GREEDY = /^\{([^{}]+)\+\}$/;
const PARAM = /^\{([^{}]+)\}$/;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Whether the part can be `{…}` at all: a literal (most parts) then skips both regular expressions. */
function braced(part: string): boolean {
  return part.charCodeAt(0) === OPEN_BRACE && part.charCodeAt(part.length - 1) === CLOSE_BRACE;
}

export function splitPath(path: string): string[] {
  // path.split("/") without its empty parts (`//`, a leading or trailing `/`); a scan with indexOf and slice is several
  // times faster than split and filter on the model's path strings (issue 16), and gives the same parts.
  const parts: string[] = [];
  let start = 0;
  for (;;) {
    const slash = path.indexOf("/", start);
    const end = slash < 0 ? path.length : slash;
    if (end > start) parts.push(path.slice(start, end));
    if (slash < 0) return parts;
    start = slash + 1;
  }
}

/** Builds the routing tree once; resolve many requests against it. Work is linear in the total path length. */
export function buildRouteTree<R extends RoutableResource>(resources: readonly R[]): RouteTree<R> {
  const root: RouteNode<R> = {};
  for (const resource of resources) {
    const parts = splitPath(resource.path);
    let node: RouteNode<R> | undefined = root;
    for (let index = 0; index < parts.length && node; index += 1) {
      const part = parts[index] ?? "";
      const greedy = braced(part) ? GREEDY.exec(part) : null;
      if (greedy?.[1]) {
        // API Gateway allows {proxy+} only as the last path part; anything below one is unreachable.
        if (index === parts.length - 1) node.greedy = { name: greedy[1], resource };
        node = undefined;
        break;
      }
      const param = braced(part) ? PARAM.exec(part) : null;
      if (param?.[1]) {
        const name = param[1];
        const params: { name: string; node: RouteNode<R> }[] = (node.params ??= []);
        let entry = params.find((p) => p.name === name);
        if (!entry) params.push((entry = { name, node: {} }));
        node = entry.node;
      } else {
        const literals: Map<string, RouteNode<R>> = (node.literals ??= new Map());
        let child = literals.get(part);
        if (!child) literals.set(part, (child = {}));
        node = child;
      }
    }
    if (node) node.resource = resource;
  }
  return { root };
}

/** The verb the resource's own method answers verb with: the verb itself, else ANY (explicit before ANY). */
export function declared<R extends RoutableResource>(resource: R | undefined, verb: string): string | undefined {
  if (!resource) return undefined;
  if (resource.verbs.includes(verb)) return verb;
  return resource.verbs.includes("ANY") ? "ANY" : undefined;
}

function show(segment: RequestSegment, name: string): string {
  return segment.kind === "literal" ? segment.value : `{${name}}`;
}

const NO_PARAMS: readonly { name: string; node: RouteNode<never> }[] = [];

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
      const literal = node.literals?.get(head.value);
      if (literal) {
        const viaLiteral = visit(literal, depth + 1, params);
        if (viaLiteral.kind === "matched") return viaLiteral;
      }
    }
    for (const param of node.params ?? NO_PARAMS) {
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
  return splitPath(resourcePath).map((part) => (isPathVariable(part) ? { kind: "opaque" } : { kind: "literal", value: part }));
}

/** A `{param}` or `{proxy+}` part of a resource template (a literal otherwise). */
export function isPathVariable(part: string): boolean {
  return braced(part) && (GREEDY.test(part) || PARAM.test(part));
}
