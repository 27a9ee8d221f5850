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

// Models are immutable once normalized, so each resource list gets its tree once.
const draftTrees = new WeakMap<readonly ResourceModel[], RouteTree<Routable>>();

function draftTree(resources: readonly ResourceModel[]): RouteTree<Routable> {
  let tree = draftTrees.get(resources);
  if (!tree) {
    tree = buildRouteTree(
      resources.map((resource) => ({ path: resource.path, verbs: resource.methods.map((m) => m.httpMethod), resource })),
    );
    draftTrees.set(resources, tree);
  }
  return tree;
}

/** The draft's answer to `verb path`; undefined when API Gateway would answer 403 Missing Authentication Token. */
export function answeredBy(model: Pick<ApiModel, "resources">, path: string, verb: HttpVerb): AnsweringMethod | undefined {
  const resolved = resolveRoute(draftTree(model.resources), templateSegments(path), verb);
  if (resolved.kind === "no-route") return undefined;
  const method = resolved.resource.resource.methods.find((m) => m.httpMethod === resolved.verb);
  if (!method) return undefined;
  return { resource: resolved.resource.resource, method, elsewhere: resolved.resource.path !== path };
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

const deployedTrees = new WeakMap<DeploymentModel["apiSummary"], RouteTree<DeployedRoutable>>();

/** The same resolution over what a stage's deployment serves (GetDeployment embed=apisummary). */
export function answeredByDeployment(deployment: DeploymentModel, path: string, verb: HttpVerb): DeployedAnswer | undefined {
  let tree = deployedTrees.get(deployment.apiSummary);
  if (!tree) {
    tree = buildRouteTree(
      Object.entries(deployment.apiSummary).map(([summaryPath, verbs]) => ({ path: summaryPath, verbs: Object.keys(verbs) })),
    );
    deployedTrees.set(deployment.apiSummary, tree);
  }
  const resolved = resolveRoute(tree, templateSegments(path), verb);
  if (resolved.kind === "no-route") return undefined;
  const httpMethod = resolved.verb as HttpVerb;
  const summary = deployment.apiSummary[resolved.resource.path]?.[httpMethod];
  if (!summary) return undefined;
  return { path: resolved.resource.path, httpMethod, summary, elsewhere: resolved.resource.path !== path };
}
