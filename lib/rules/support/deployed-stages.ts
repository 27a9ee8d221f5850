import { ModelMemo } from "@/lib/model/model-memo";
import { deployedVerbsAt } from "@/lib/model/deployed-paths";
import { answeredBy, answeredByDeployment, type DeployedAnswer } from "@/lib/model/answered-by";
import { methodAt, resourceAt } from "@/lib/model/model-index";
import type { ApiModel, DeployedMethodSummary, HttpVerb, StageModel } from "@/lib/model/types";
import type { RedeployStageIntent } from "@/lib/remediation/intents";

/**
 * A method as a stage serves it. A stage whose deployment could not be read is assumed to serve
 * the draft: the finding then names it rather than silently dropping it.
 */
export function servedMethod(model: ApiModel, stage: StageModel, path: string, verb: HttpVerb): DeployedMethodSummary | undefined {
  if (stage.deployment) return deployedVerbsAt(stage.deployment, path)?.[verb];
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
  if (stage.deployment) return Object.keys(deployedVerbsAt(stage.deployment, path) ?? {}) as HttpVerb[];
  return resourceAt(model, path)?.methods.map((m) => m.httpMethod) ?? [];
}

// One default predicate for every call (a `() => true` default is a new closure per call; rules call this per method).
const anyServed = () => true;

/**
 * Names of the stages serving path+verb such that the predicate holds, in model.stages order.
 *
 * The list is shared and frozen: every call naming the same stages of a model gets the same array (rules store it in
 * their findings as `stages`, and nothing changes a finding's stages in place: a reconciled finding gets a new list,
 * lib/audit/stage-runs.ts). Per method of a 10,000-method API that was a new one-element array per finding (issue 16).
 */
export function stagesWhere(
  model: ApiModel,
  path: string,
  verb: HttpVerb,
  predicate: (served: DeployedMethodSummary) => boolean = anyServed,
): string[] {
  const { stages } = model;
  if (stages.length > MAX_SHARED_STAGES) return namesWhere(model, path, verb, predicate);
  let mask = 0;
  for (let index = 0; index < stages.length; index++) {
    const served = servedMethod(model, stages[index] as StageModel, path, verb);
    if (served !== undefined && predicate(served)) mask |= 1 << index;
  }
  return sharedNames(stages, mask);
}

// A bit per stage in a 32-bit mask. A REST API has at most 10 stages by default, a quota that can be raised
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-execution-service-limits-table.html,
// "Stages per API"): beyond 31 the list is built per call.
const MAX_SHARED_STAGES = 31;

const NO_STAGES: string[] = Object.freeze([]) as unknown as string[];

// Per stage list (each model's own, made by the audit that normalised it), the frozen name list of each set of stages
// asked about, by mask. The length guards against a list grown after it was asked about (a test builder), as in
// lib/model/model-index.ts: the masks are then read again.
const namesByStages = new ModelMemo<readonly StageModel[], { length: number; byMask: Map<number, string[]> }>();

function sharedNames(stages: readonly StageModel[], mask: number): string[] {
  if (mask === 0) return NO_STAGES;
  let memo = namesByStages.get(stages);
  if (!memo || memo.length !== stages.length) namesByStages.set(stages, (memo = { length: stages.length, byMask: new Map() }));
  const { byMask } = memo;
  let names = byMask.get(mask);
  if (!names) {
    const list: string[] = [];
    for (let index = 0; index < stages.length; index++) if ((mask & (1 << index)) !== 0) list.push((stages[index] as StageModel).name);
    // Typed as the mutable list findings declare; frozen so that a caller changing it fails instead of changing others'.
    names = Object.freeze(list) as unknown as string[];
    byMask.set(mask, names);
  }
  return names;
}

function namesWhere(model: ApiModel, path: string, verb: HttpVerb, predicate: (served: DeployedMethodSummary) => boolean): string[] {
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
