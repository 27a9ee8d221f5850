import { answeredBy, answeredByDeployment, type DeployedAnswer } from "@/lib/model/answered-by";
import { methodAt, resourceAt } from "@/lib/model/model-index";
import type { ApiModel, DeployedMethodSummary, HttpVerb, StageModel } from "@/lib/model/types";
import { verbBit } from "@/lib/model/verb-bits";
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

/** Every path+verb known to the draft or to any stage's deployment. */
export function allMethodKeys(model: ApiModel): ReadonlyArray<{ path: string; verb: HttpVerb }> {
  // Asked by two rules per audit; the model is immutable, so the list is built once per model.
  let keys = methodKeysByModel.get(model);
  if (!keys) {
    keys = computeMethodKeys(model);
    methodKeysByModel.set(model, keys);
  }
  return keys;
}

const methodKeysByModel = new WeakMap<ApiModel, ReadonlyArray<{ path: string; verb: HttpVerb }>>();

/**
 * The paths of allMethodKeys(model) whose verb is `verb`, in the same order: what the options-requires-* rules ask
 * (every OPTIONS of the draft or a deployment), without an object per path+verb of every other verb (issue 16).
 */
export function pathsWithMethod(model: ApiModel, verb: HttpVerb): readonly string[] {
  let byVerb = pathsByModel.get(model);
  if (!byVerb) pathsByModel.set(model, (byVerb = new Map()));
  let paths = byVerb.get(verb);
  if (!paths) byVerb.set(verb, (paths = computePathsWithMethod(model, verb)));
  return paths;
}

const pathsByModel = new WeakMap<ApiModel, Map<HttpVerb, readonly string[]>>();

function computePathsWithMethod(model: ApiModel, verb: HttpVerb): string[] {
  const paths: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    paths.push(path);
  };
  for (const resource of model.resources) for (const m of resource.methods) if (m.httpMethod === verb) add(m.path);
  for (const stage of model.stages) {
    const summary = stage.deployment?.apiSummary;
    if (!summary) continue;
    // allMethodKeys lists Object.keys of each path's verbs: own enumerable keys, whatever their value.
    for (const path of Object.keys(summary)) if (isEnumerable.call(summary[path] ?? {}, verb)) add(path);
  }
  return paths;
}

const isEnumerable = Object.prototype.propertyIsEnumerable;

function computeMethodKeys(model: ApiModel): Array<{ path: string; verb: HttpVerb }> {
  // In order of first appearance, each path+verb once (path → bits of the verbs listed, lib/model/verb-bits.ts).
  const keys: Array<{ path: string; verb: HttpVerb }> = [];
  const seen = new Map<string, number>();
  // A verb outside HTTP_VERBS cannot come from the normaliser (it drops them); a hand-built model still gets it once.
  let others: Set<string> | undefined;
  const add = (path: string, verb: HttpVerb) => {
    const bit = verbBit(verb);
    if (bit === undefined) {
      const key = `${verb} ${path}`;
      if ((others ??= new Set()).has(key)) return;
      others.add(key);
    } else {
      const verbs = seen.get(path) ?? 0;
      if ((verbs & bit) !== 0) return;
      seen.set(path, verbs | bit);
    }
    keys.push({ path, verb });
  };
  for (const resource of model.resources) for (const m of resource.methods) add(m.path, m.httpMethod);
  for (const stage of model.stages) {
    const summary = stage.deployment?.apiSummary;
    if (!summary) continue;
    for (const path of Object.keys(summary)) for (const verb of Object.keys(summary[path] ?? {}) as HttpVerb[]) add(path, verb);
  }
  return keys;
}

/** Method changes reach callers only after a new deployment of each stage. */
export function redeploy(stages: string[], description: string): RedeployStageIntent[] {
  return stages.map((stage) => ({ kind: "redeploy-stage", stage, description }));
}
