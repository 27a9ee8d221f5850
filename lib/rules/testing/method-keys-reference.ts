import type { ApiModel, HttpVerb } from "@/lib/model/types";

/**
 * Every path+verb the draft or any stage's deployment lists, each once, in order of first appearance: the draft's
 * methods in resource order, then each stage's API summary (a verb listed there is a key whatever its value, as
 * Object.keys sees it). The plain enumeration the rules once walked; product code now asks only for what it needs
 * (guarded-preflights.ts, lib/model/answered-by.ts), and tests compare it against this. Not used outside tests.
 */
export function allMethodKeys(model: ApiModel): Array<{ path: string; verb: HttpVerb }> {
  const keys: Array<{ path: string; verb: HttpVerb }> = [];
  const seen = new Map<string, Set<string>>();
  const add = (path: string, verb: HttpVerb) => {
    const verbs = seen.get(path) ?? new Set<string>();
    if (verbs.has(verb)) return;
    seen.set(path, verbs.add(verb));
    keys.push({ path, verb });
  };
  for (const resource of model.resources) for (const method of resource.methods) add(method.path, method.httpMethod);
  for (const stage of model.stages) {
    const summary = stage.deployment?.apiSummary;
    if (!summary) continue;
    for (const path of Object.keys(summary)) for (const verb of Object.keys(summary[path] ?? {}) as HttpVerb[]) add(path, verb);
  }
  return keys;
}
