import { ModelMemo } from "@/lib/model/model-memo";
import { deployedPaths } from "@/lib/model/deployed-paths";
import { methodAt, resourceAt } from "@/lib/model/model-index";
import type { ApiModel, DeployedMethodSummary, MethodModel, ResourceModel } from "@/lib/model/types";
import { describeBrowserCalls, joinWords } from "@/lib/rules/support/browser-calls";
import { servedMethod } from "@/lib/rules/support/deployed-stages";
import { fallthroughCallers } from "@/lib/rules/support/preflight-callers";

export interface GuardedPreflight {
  path: string;
  resource: ResourceModel | undefined;
  /** The draft OPTIONS method when the draft itself asks for the credential; undefined when only deployed stages do. */
  draft: MethodModel | undefined;
  /** Stages whose deployment serves an OPTIONS that asks for it. */
  badStages: string[];
  /** The browser calls that need this preflight, for the symptom (fall-through callers included). */
  calls: string;
  /** Other resources whose preflight falls through to this OPTIONS (no OPTIONS or ANY of their own). */
  answersFor: string[];
}

/** The credentials a preflight never carries: an authorizer's (or IAM's) and an API key. */
export type PreflightCredential = "authorization" | "api-key";

const ASKS: Record<PreflightCredential, (method: DeployedMethodSummary) => boolean> = {
  authorization: (method) => method.authorizationType !== "NONE",
  "api-key": (method) => method.apiKeyRequired,
};

/**
 * Every OPTIONS method, in the draft or in any stage's deployment, that asks for a credential a preflight never
 * carries: the options-requires-* rules differ only in which credential and what to say. In the order the OPTIONS
 * first appear (the draft's resources, then each stage's deployment), each path once.
 */
export function guardedPreflights(model: ApiModel, credential: PreflightCredential): GuardedPreflight[] {
  const asks = ASKS[credential];
  const guarded: GuardedPreflight[] = [];
  for (const { path, draft: method } of askingPreflights(model)) {
    const badStages: string[] = [];
    for (const stage of model.stages) {
      const served = servedMethod(model, stage, path, "OPTIONS");
      if (served !== undefined && asks(served)) badStages.push(stage.name);
    }
    const draft = method !== undefined && asks(method) ? method : undefined;
    if (!draft && badStages.length === 0) continue;
    const resource = resourceAt(model, path);
    const others = fallthroughCallers(model).get(path) ?? [];
    const own = describeBrowserCalls(model, resource, path);
    const calls =
      others.length === 0
        ? own
        : `${joinWords([own, ...others.map((r) => describeBrowserCalls(model, r, r.path))])} (whose preflights fall through to OPTIONS ${path})`;
    guarded.push({ path, resource, draft, badStages, calls, answersFor: others.map((r) => r.path) });
  }
  return guarded;
}

interface AskingPreflight {
  path: string;
  draft: MethodModel | undefined;
}

/**
 * The OPTIONS paths where the draft or some stage asks for either credential, with the draft's OPTIONS: both rules
 * walk this short list instead of every method key of the model (issue 16: 10,000 methods, usually none asking).
 * Once per model (immutable once normalised); callers only read it.
 */
function askingPreflights(model: ApiModel): readonly AskingPreflight[] {
  let asking = askingByModel.get(model);
  if (!asking) {
    asking = computeAsking(model);
    askingByModel.set(model, asking);
  }
  return asking;
}

const askingByModel = new ModelMemo<ApiModel, readonly AskingPreflight[]>();

const isOwnKey = Object.prototype.propertyIsEnumerable;

function asksEither(method: DeployedMethodSummary): boolean {
  return method.authorizationType !== "NONE" || method.apiKeyRequired;
}

function computeAsking(model: ApiModel): AskingPreflight[] {
  // The draft's OPTIONS of a path is the first resource at that path's (draftMethod looks it up by resource path, and
  // a method's own path may differ). Resource paths with any OPTIONS asking are a superset of where it asks.
  let draftAsking: Set<string> | undefined;
  for (const resource of model.resources)
    for (const method of resource.methods)
      if (method.httpMethod === "OPTIONS" && asksEither(method)) (draftAsking ??= new Set()).add(resource.path);
  // OPTIONS keys of the deployments, in order of first appearance, where the deployment or the draft may ask. A stage
  // without a readable deployment serves the draft (servedMethod), which draftAsking covers.
  const deployedKeys = new Set<string>();
  for (const stage of model.stages) {
    if (!stage.deployment) continue;
    for (const [path, verbs] of deployedPaths(stage.deployment)) {
      // A key is a key whatever its value (the reference lists Object.keys of each path's verbs).
      if (verbs === undefined) continue;
      // The own-key test only for a path that would be added: most ask for nothing and are told by the value alone.
      const options = verbs.OPTIONS;
      if (((options !== undefined && asksEither(options)) || draftAsking?.has(path)) && isOwnKey.call(verbs, "OPTIONS"))
        deployedKeys.add(path);
    }
  }
  if (draftAsking === undefined && deployedKeys.size === 0) return [];
  // Ordered as every path+verb key of the model is (lib/rules/testing/method-keys-reference.ts): the draft's methods'
  // OPTIONS first, then the deployments'. guardedPreflights keeps exactly those where the draft or a stage asks.
  const asking: AskingPreflight[] = [];
  const listed = new Set<string>();
  for (const resource of model.resources)
    for (const method of resource.methods) {
      const path = method.path;
      if (method.httpMethod !== "OPTIONS" || listed.has(path) || !(draftAsking?.has(path) || deployedKeys.has(path))) continue;
      listed.add(path);
      asking.push({ path, draft: methodAt(model, path, "OPTIONS") });
    }
  for (const path of deployedKeys) {
    // Listed above when a draft method has an OPTIONS at the path; otherwise it first appears in a deployment.
    if (!listed.has(path)) asking.push({ path, draft: methodAt(model, path, "OPTIONS") });
  }
  return asking;
}
