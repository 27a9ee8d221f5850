import { buildRouteTree, resolveRoute, templateSegments } from "@/lib/routing/resolve-route";
import type { AnsweringMethod, DeployedAnswer } from "@/lib/model/answered-by";
import { HTTP_VERBS, type ApiModel, type DeploymentModel, type HttpVerb, type ResourceModel } from "@/lib/model/types";

/**
 * answered-by.ts as it was before the one-walk answers (issue 16): a fresh tree and one resolveRoute per question,
 * nothing memoised. The reference the differential tests compare answeredBy and answeredByDeployment with.
 */
export function referenceAnsweredBy(resources: readonly ResourceModel[], path: string, verb: HttpVerb): AnsweringMethod | undefined {
  const tree = buildRouteTree(
    resources.map((resource) => ({ path: resource.path, verbs: resource.methods.map((m) => m.httpMethod), resource })),
  );
  const resolved = resolveRoute(tree, templateSegments(path), verb);
  if (resolved.kind === "no-route") return undefined;
  const method = resolved.resource.resource.methods.find((m) => m.httpMethod === resolved.verb);
  if (!method) return undefined;
  return { resource: resolved.resource.resource, method, elsewhere: resolved.resource.path !== path };
}

export function referenceAnsweredByDeployment(deployment: DeploymentModel, path: string, verb: HttpVerb): DeployedAnswer | undefined {
  const tree = buildRouteTree(
    Object.entries(deployment.apiSummary).map(([summaryPath, verbs]) => ({ path: summaryPath, verbs: Object.keys(verbs) })),
  );
  const resolved = resolveRoute(tree, templateSegments(path), verb);
  if (resolved.kind === "no-route") return undefined;
  const httpMethod = resolved.verb as HttpVerb;
  const summary = deployment.apiSummary[resolved.resource.path]?.[httpMethod];
  if (!summary) return undefined;
  return { path: resolved.resource.path, httpMethod, summary, elsewhere: resolved.resource.path !== path };
}

/** Every path the model or a deployment names, and each of their parents (intermediates without a resource of their own). */
export function pathsOf(model: Pick<ApiModel, "resources" | "stages">): string[] {
  const paths = new Set<string>();
  const add = (path: string) => {
    paths.add(path);
    for (let end = path.lastIndexOf("/"); end > 0; end = path.lastIndexOf("/", end - 1)) paths.add(path.slice(0, end));
  };
  for (const resource of model.resources) add(resource.path);
  for (const stage of model.stages) for (const path of Object.keys(stage.deployment?.apiSummary ?? {})) add(path);
  return [...paths];
}

/** Each verb of HTTP_VERBS, asked of every path: "verb path: got … expected …" for each disagreement. */
export function routingDisagreements(
  model: Pick<ApiModel, "resources" | "stages">,
  answered: {
    draft: (path: string, verb: HttpVerb) => AnsweringMethod | undefined;
    deployed: (deployment: DeploymentModel, path: string, verb: HttpVerb) => DeployedAnswer | undefined;
  },
): string[] {
  const disagreements: string[] = [];
  const paths = pathsOf(model);
  const show = (answer: AnsweringMethod | DeployedAnswer | undefined) =>
    answer === undefined
      ? "no route"
      : "resource" in answer
        ? `${answer.method.httpMethod} ${answer.resource.path} (${answer.resource.id})${answer.elsewhere ? " elsewhere" : ""}`
        : `${answer.httpMethod} ${answer.path} ${JSON.stringify(answer.summary)}${answer.elsewhere ? " elsewhere" : ""}`;
  for (const verb of HTTP_VERBS) {
    for (const path of paths) {
      const got = answered.draft(path, verb);
      const expected = referenceAnsweredBy(model.resources, path, verb);
      // The same resource and method objects, not only equal ones: callers compare and index by them.
      const same =
        got === undefined || expected === undefined
          ? got === expected
          : got.resource === expected.resource && got.method === expected.method && got.elsewhere === expected.elsewhere;
      if (!same) disagreements.push(`draft ${verb} ${path}: got ${show(got)}, expected ${show(expected)}`);
      for (const stage of model.stages) {
        if (!stage.deployment) continue;
        const gotDeployed = answered.deployed(stage.deployment, path, verb);
        const expectedDeployed = referenceAnsweredByDeployment(stage.deployment, path, verb);
        if (show(gotDeployed) !== show(expectedDeployed) || gotDeployed?.summary !== expectedDeployed?.summary)
          disagreements.push(`${stage.name} ${verb} ${path}: got ${show(gotDeployed)}, expected ${show(expectedDeployed)}`);
      }
    }
  }
  return disagreements;
}
