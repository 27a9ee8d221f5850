import { resourceAt } from "@/lib/model/model-index";
import type { ApiModel, DeployedMethodSummary, MethodModel, ResourceModel } from "@/lib/model/types";
import { describeBrowserCalls, joinWords } from "@/lib/rules/support/browser-calls";
import { draftMethod, pathsWithMethod, stagesWhere } from "@/lib/rules/support/deployed-stages";
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

/**
 * Every OPTIONS method, in the draft or in any stage's deployment, that asks for a credential a preflight never
 * carries (authorization, API key): the options-requires-* rules differ only in which credential and what to say.
 */
export function guardedPreflights(model: ApiModel, asksForCredential: (method: DeployedMethodSummary) => boolean): GuardedPreflight[] {
  const guarded: GuardedPreflight[] = [];
  const callers = fallthroughCallers(model);
  const verb = "OPTIONS";
  for (const path of pathsWithMethod(model, verb)) {
    const method = draftMethod(model, path, verb);
    const resource = resourceAt(model, path); // indexed: a scan here made every OPTIONS cost O(resources)
    const badStages = stagesWhere(model, path, verb, asksForCredential);
    const draft = method !== undefined && asksForCredential(method) ? method : undefined;
    if (!draft && badStages.length === 0) continue;
    const others = callers.get(path) ?? [];
    const own = describeBrowserCalls(model, resource, path);
    const calls =
      others.length === 0
        ? own
        : `${joinWords([own, ...others.map((r) => describeBrowserCalls(model, r, r.path))])} (whose preflights fall through to OPTIONS ${path})`;
    guarded.push({ path, resource, draft, badStages, calls, answersFor: others.map((r) => r.path) });
  }
  return guarded;
}
