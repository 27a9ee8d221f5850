import type { ApiModel, DeployedMethodSummary, MethodModel, ResourceModel } from "@/lib/model/types";
import { describeBrowserCalls } from "@/lib/rules/support/browser-calls";
import { allMethodKeys, draftMethod, stagesWhere } from "@/lib/rules/support/deployed-stages";

export interface GuardedPreflight {
  path: string;
  resource: ResourceModel | undefined;
  /** The draft OPTIONS method when the draft itself asks for the credential; undefined when only deployed stages do. */
  draft: MethodModel | undefined;
  /** Stages whose deployment serves an OPTIONS that asks for it. */
  badStages: string[];
  /** The browser calls that need this preflight, for the symptom. */
  calls: string;
}

/**
 * Every OPTIONS method, in the draft or in any stage's deployment, that asks for a credential a preflight never
 * carries (authorization, API key): the options-requires-* rules differ only in which credential and what to say.
 */
export function guardedPreflights(model: ApiModel, asksForCredential: (method: DeployedMethodSummary) => boolean): GuardedPreflight[] {
  const guarded: GuardedPreflight[] = [];
  for (const { path, verb } of allMethodKeys(model)) {
    if (verb !== "OPTIONS") continue;
    const method = draftMethod(model, path, verb);
    const resource = model.resources.find((r) => r.path === path);
    const badStages = stagesWhere(model, path, verb, asksForCredential);
    const draft = method !== undefined && asksForCredential(method) ? method : undefined;
    if (!draft && badStages.length === 0) continue;
    guarded.push({ path, resource, draft, badStages, calls: describeBrowserCalls(model, resource, path) });
  }
  return guarded;
}
