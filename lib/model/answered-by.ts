import { buildRouteTree, resolveRoute, templateSegments, type RouteTree } from "@/lib/routing/resolve-route";
import type { ApiModel, DeployedMethodSummary, DeploymentModel, HttpVerb, MethodModel, ResourceModel } from "@/lib/model/types";

/**
 * Which method answers a request to a resource's path, per verb: a derived view of the model computed with the
 * routing function the emulator's data plane uses (`lib/routing/resolve-route.ts`, where the measurements are
 * cited). API Gateway resolves the resource and the method as a pair, so `OPTIONS /orders` on a resource without
 * OPTIONS or ANY is answered by a `{param}` sibling or a greedy ancestor that has one, and only when nothing in the
 * tree has the verb is it 403 Missing Authentication Token. Derived, not stored: a stored audit (whatever Preflight
 * version wrote it) gets the same answer, and the share schema has nothing to keep in step.
 *
 * A template's `{param}` and `{proxy+}` segments stand for a value no literal sibling has: the generic request.
 */
export interface AnsweringMethod {
  resource: ResourceModel;
  method: MethodModel;
  /** True when the method belongs to another resource than the one asked about (a fall-through). */
  elsewhere: boolean;
}

interface Routable {
  path: string;
  verbs: readonly string[];
  resource: ResourceModel;
}

// Models are immutable once normalized, so each resource list gets its tree once, and each question its answer once:
// several rules ask `OPTIONS <path>` of every resource (issue 16, `npm run bench:core`). The answers are shared, so
// callers must not modify them. The memo is bounded (a caller asking about arbitrary paths cannot grow it forever).
const MAX_MEMOISED_ANSWERS = 100_000;

interface DraftRoutes {
  tree: RouteTree<Routable>;
  answers: Map<string, AnsweringMethod | undefined>;
}

const draftTrees = new WeakMap<readonly ResourceModel[], DraftRoutes>();

function draftRoutes(resources: readonly ResourceModel[]): DraftRoutes {
  let routes = draftTrees.get(resources);
  if (!routes) {
    const tree = buildRouteTree(
      resources.map((resource) => ({ path: resource.path, verbs: resource.methods.map((m) => m.httpMethod), resource })),
    );
    routes = { tree, answers: new Map() };
    draftTrees.set(resources, routes);
  }
  return routes;
}

function memoise<T>(answers: Map<string, T>, key: string, answer: T): T {
  if (answers.size < MAX_MEMOISED_ANSWERS) answers.set(key, answer);
  return answer;
}

/** The draft's answer to `verb path`; undefined when API Gateway would answer 403 Missing Authentication Token. */
export function answeredBy(model: Pick<ApiModel, "resources">, path: string, verb: HttpVerb): AnsweringMethod | undefined {
  const { tree, answers } = draftRoutes(model.resources);
  const key = `${verb} ${path}`;
  if (answers.has(key)) return answers.get(key);
  const resolved = resolveRoute(tree, templateSegments(path), verb);
  if (resolved.kind === "no-route") return memoise(answers, key, undefined);
  const method = resolved.resource.resource.methods.find((m) => m.httpMethod === resolved.verb);
  if (!method) return memoise(answers, key, undefined);
  return memoise(answers, key, { resource: resolved.resource.resource, method, elsewhere: resolved.resource.path !== path });
}

export interface DeployedAnswer {
  /** The path of the resource whose method answers. */
  path: string;
  httpMethod: HttpVerb;
  summary: DeployedMethodSummary;
  elsewhere: boolean;
}

interface DeployedRoutable {
  path: string;
  verbs: readonly string[];
}

const deployedTrees = new WeakMap<
  DeploymentModel["apiSummary"],
  { tree: RouteTree<DeployedRoutable>; answers: Map<string, DeployedAnswer | undefined> }
>();

/** The same resolution over what a stage's deployment serves (GetDeployment embed=apisummary), memoised the same way. */
export function answeredByDeployment(deployment: DeploymentModel, path: string, verb: HttpVerb): DeployedAnswer | undefined {
  let routes = deployedTrees.get(deployment.apiSummary);
  if (!routes) {
    const tree = buildRouteTree(
      Object.entries(deployment.apiSummary).map(([summaryPath, verbs]) => ({ path: summaryPath, verbs: Object.keys(verbs) })),
    );
    routes = { tree, answers: new Map() };
    deployedTrees.set(deployment.apiSummary, routes);
  }
  const key = `${verb} ${path}`;
  if (routes.answers.has(key)) return routes.answers.get(key);
  const resolved = resolveRoute(routes.tree, templateSegments(path), verb);
  if (resolved.kind === "no-route") return memoise(routes.answers, key, undefined);
  const httpMethod = resolved.verb as HttpVerb;
  const summary = deployment.apiSummary[resolved.resource.path]?.[httpMethod];
  if (!summary) return memoise(routes.answers, key, undefined);
  return memoise(routes.answers, key, { path: resolved.resource.path, httpMethod, summary, elsewhere: resolved.resource.path !== path });
}
