import { ModelMemo } from "@/lib/model/model-memo";
import { forEachAnswered } from "@/lib/model/answered-by";
import type { ApiModel, ResourceModel } from "@/lib/model/types";

/**
 * Resources whose preflight another resource's OPTIONS answers, by the answering path: they have methods but no
 * OPTIONS or ANY of their own, and API Gateway resolves `OPTIONS <their path>` to a `{param}` sibling's or a greedy
 * ancestor's OPTIONS (lib/model/answered-by.ts). A preflight is judged by whatever answers it, so that OPTIONS must
 * also suit their calls.
 */
export function fallthroughCallers(model: ApiModel): Map<string, ResourceModel[]> {
  // Three rules ask for it; it depends only on the (immutable) resource list, so it is computed once per list.
  // Callers only read the map.
  let callers = callersByResources.get(model.resources);
  if (!callers) {
    callers = computeCallers(model);
    callersByResources.set(model.resources, callers);
  }
  return callers;
}

const callersByResources = new ModelMemo<readonly ResourceModel[], Map<string, ResourceModel[]>>();

function computeCallers(model: ApiModel): Map<string, ResourceModel[]> {
  const callers = new Map<string, ResourceModel[]>();
  // Every resource with methods, in list order, with what answers its OPTIONS (answeredBy for each, in one pass).
  forEachAnswered(model, "OPTIONS", (resource, answer) => {
    if (!answer?.elsewhere || answer.method.httpMethod !== "OPTIONS") return;
    const list = callers.get(answer.resource.path);
    if (list) list.push(resource);
    else callers.set(answer.resource.path, [resource]);
  });
  return callers;
}

/** The resource as its OPTIONS sees it: its own methods plus those of the resources whose preflights fall through to it. */
export function withCallers(resource: ResourceModel, callers: readonly ResourceModel[]): ResourceModel {
  if (callers.length === 0) return resource;
  return {
    ...resource,
    methods: [...resource.methods, ...callers.flatMap((caller) => caller.methods.filter((m) => m.httpMethod !== "OPTIONS"))],
  };
}
