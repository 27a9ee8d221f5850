import { ModelMemo } from "@/lib/model/model-memo";
import type { ApiModel, AuthorizerModel, HttpVerb, MethodModel, ResourceModel } from "@/lib/model/types";

/**
 * Lookups every rule makes (a resource by path or id, a method by path and verb, an authorizer by id), as maps
 * built once per model instead of a scan of `model.resources` per call: with a scan per method, 10,000 methods
 * cost 10,000² comparisons (issue 16, `npm run bench:core`). Derived, not stored, like answered-by's route trees.
 *
 * Models are immutable once normalized, so each list gets its index once (a ModelMemo keyed on the list itself, which
 * a stage-filtered copy of the model shares). The length is checked as a guard against a list grown after it was
 * indexed (a test builder); the index is then rebuilt. Lookups answer exactly as the scans they replace:
 * `find` returns the first match, so the first resource of a duplicated path (or id) wins here too.
 */
interface ResourceIndex {
  length: number;
  // Each map is built on its first lookup: drift and most rules only ever look resources up by path.
  byPath?: Map<string, ResourceModel>;
  byId?: Map<string, ResourceModel>;
}

const resourceIndexes = new ModelMemo<readonly ResourceModel[], ResourceIndex>();

function resourceIndex(resources: readonly ResourceModel[]): ResourceIndex {
  let index = resourceIndexes.get(resources);
  if (index && index.length === resources.length) return index;
  index = { length: resources.length };
  resourceIndexes.set(resources, index);
  return index;
}

function pathIndex(resources: readonly ResourceModel[]): Map<string, ResourceModel> {
  const index = resourceIndex(resources);
  if (!index.byPath) {
    index.byPath = new Map();
    for (const resource of resources) if (!index.byPath.has(resource.path)) index.byPath.set(resource.path, resource);
  }
  return index.byPath;
}

/** `model.resources.find((r) => r.path === path)`, in constant time. */
export function resourceAt(model: Pick<ApiModel, "resources">, path: string): ResourceModel | undefined {
  return pathIndex(model.resources).get(path);
}

/** resourceAt for any resource list (a deployment's served resources): the same index, shared with the rules. */
export function resourceInListAt(resources: readonly ResourceModel[], path: string): ResourceModel | undefined {
  return pathIndex(resources).get(path);
}

/** `model.resources.find((r) => r.id === id)`, in constant time. */
export function resourceWithId(model: Pick<ApiModel, "resources">, id: string): ResourceModel | undefined {
  const index = resourceIndex(model.resources);
  if (!index.byId) {
    index.byId = new Map();
    for (const resource of model.resources) if (!index.byId.has(resource.id)) index.byId.set(resource.id, resource);
  }
  return index.byId.get(id);
}

/** The draft's method for verb on the resource at path (the first resource with that path, as a scan finds it). */
export function methodAt(model: Pick<ApiModel, "resources">, path: string, verb: HttpVerb): MethodModel | undefined {
  // A resource has a handful of methods at most (one per verb), so a scan of them stays (a loop: no closure per call).
  const resource = resourceAt(model, path);
  if (resource) for (const method of resource.methods) if (method.httpMethod === verb) return method;
  return undefined;
}

interface AuthorizerIndex {
  length: number;
  byId: Map<string, AuthorizerModel>;
}

const authorizerIndexes = new ModelMemo<readonly AuthorizerModel[], AuthorizerIndex>();

/** `model.authorizers.find((a) => a.id === id)`, in constant time (requiredRequestHeaders asks once per method). */
export function authorizerWithId(model: Pick<ApiModel, "authorizers">, id: string): AuthorizerModel | undefined {
  let index = authorizerIndexes.get(model.authorizers);
  if (!index || index.length !== model.authorizers.length) {
    index = { length: model.authorizers.length, byId: new Map() };
    for (const authorizer of model.authorizers) if (!index.byId.has(authorizer.id)) index.byId.set(authorizer.id, authorizer);
    authorizerIndexes.set(model.authorizers, index);
  }
  return index.byId.get(id);
}
