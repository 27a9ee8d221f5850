import { answeredBy, answeredByDeployment, type DeployedAnswer } from "@/lib/model/answered-by";
import { methodAt, resourceAt } from "@/lib/model/model-index";
import type { ApiModel, DeployedMethodSummary, HttpVerb, StageModel } from "@/lib/model/types";
import type { RedeployStageIntent } from "@/lib/remediation/intents";

/**
 * A method as a stage serves it. A stage whose deployment could not be read is assumed to serve
 * the draft: the finding then names it rather than silently dropping it.
 */
export function servedMethod(model: ApiModel, stage: StageModel, path: string, verb: HttpVerb): DeployedMethodSummary | undefined {
  if (stage.deployment) return stage.deployment.apiSummary[path]?.[verb];
  const method = draftMethod(model, path, verb);
  return method ? { authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired } : undefined;
}

/**
 * What a stage answers a request for verb on path, resolving the resource and the method as a pair (a fall-through
 * to a `{param}` sibling or a greedy ancestor included); undefined means 403 Missing Authentication Token.
 */
export function answeringServed(model: ApiModel, stage: StageModel, path: string, verb: HttpVerb): DeployedAnswer | undefined {
  if (stage.deployment) return answeredByDeployment(stage.deployment, path, verb);
  const answer = answeredBy(model, path, verb);
  if (!answer) return undefined;
  const summary = { authorizationType: answer.method.authorizationType, apiKeyRequired: answer.method.apiKeyRequired };
  return { path: answer.resource.path, httpMethod: answer.method.httpMethod, summary, elsewhere: answer.elsewhere };
}

// Indexed lookups (lib/model/model-index.ts): rules ask this once per method, and a scan per call made 10,000 methods quadratic.
export function draftMethod(model: ApiModel, path: string, verb: HttpVerb) {
  return methodAt(model, path, verb);
}

/** Verbs a stage serves on a path. */
export function servedVerbs(model: ApiModel, stage: StageModel, path: string): HttpVerb[] {
  if (stage.deployment) return Object.keys(stage.deployment.apiSummary[path] ?? {}) as HttpVerb[];
  return resourceAt(model, path)?.methods.map((m) => m.httpMethod) ?? [];
}

// One default predicate for every call (a `() => true` default is a new closure per call; rules call this per method).
const anyServed = () => true;

/** Names of the stages serving path+verb such that the predicate holds. */
export function stagesWhere(
  model: ApiModel,
  path: string,
  verb: HttpVerb,
  predicate: (served: DeployedMethodSummary) => boolean = anyServed,
): string[] {
  const names: string[] = [];
  for (const stage of model.stages) {
    const served = servedMethod(model, stage, path, verb);
    if (served !== undefined && predicate(served)) names.push(stage.name);
  }
  return names;
}

/** Method changes reach callers only after a new deployment of each stage. */
export function redeploy(stages: string[], description: string): RedeployStageIntent[] {
  return stages.map((stage) => ({ kind: "redeploy-stage", stage, description }));
}
