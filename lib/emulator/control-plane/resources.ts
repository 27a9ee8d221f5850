import { badRequest, conflict } from "../errors";
import type { Scope } from "../store";
import type { MethodWire, ResourceWire, RestApiState } from "../state";
import { requireApi, requireResource } from "./lookup";
import { deepCopy, reqString } from "./validate";

/**
 * Resources: the path tree of a REST API.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_CreateResource.html
 * https://docs.aws.amazon.com/apigateway/latest/api/API_GetResources.html
 */
const LITERAL_PART = /^[A-Za-z0-9._:-]+$/;
const VARIABLE_PART = /^\{[A-Za-z0-9._-]+\+?\}$/;

const isVariable = (pathPart: string | undefined) => pathPart !== undefined && pathPart.startsWith("{");
const isGreedy = (pathPart: string | undefined) => pathPart !== undefined && pathPart.endsWith("+}");

export function createResource(scope: Scope, restApiId: string, parentId: string, input: { pathPart?: unknown }): ResourceWire {
  const api = requireApi(scope, restApiId);
  const parent = requireResource(api, parentId);
  const pathPart = reqString(input.pathPart, "pathPart");
  if (!LITERAL_PART.test(pathPart) && !VARIABLE_PART.test(pathPart)) {
    throw badRequest(
      `Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.`,
    );
  }
  if (isGreedy(parent.pathPart)) throw badRequest(`A resource with a greedy path variable (${parent.path}) cannot have child resources`);
  const siblings = childrenOf(api, parent.id);
  if (siblings.some((sibling) => sibling.pathPart === pathPart)) {
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  }
  const variableSibling = siblings.find((sibling) => isVariable(sibling.pathPart));
  if (isVariable(pathPart) && variableSibling) {
    throw badRequest(`A sibling (${variableSibling.pathPart}) of this resource already has a variable path part -- only one is allowed`);
  }
  const id = scope.store.newId(api.resources);
  const resource: ResourceWire = {
    id,
    parentId: parent.id,
    pathPart,
    path: parent.path === "/" ? `/${pathPart}` : `${parent.path}/${pathPart}`,
  };
  api.resources.set(id, resource);
  return resource;
}

/** The resource at `path`, creating missing segments (imports and seeds build trees this way). */
export function ensureResourcePath(scope: Scope, restApiId: string, path: string): ResourceWire {
  const api = requireApi(scope, restApiId);
  const existing = findResourceByPath(api, path);
  if (existing) return existing;
  let parent = requireResource(api, api.api.rootResourceId);
  for (const segment of path.split("/").filter(Boolean)) {
    const childPath = parent.path === "/" ? `/${segment}` : `${parent.path}/${segment}`;
    parent = findResourceByPath(api, childPath) ?? createResource(scope, restApiId, parent.id, { pathPart: segment });
  }
  return parent;
}

export function childrenOf(api: RestApiState, parentId: string): ResourceWire[] {
  return [...api.resources.values()].filter((resource) => resource.parentId === parentId);
}

export function findResourceByPath(api: RestApiState, path: string): ResourceWire | undefined {
  return [...api.resources.values()].find((resource) => resource.path === path);
}

/**
 * Without `embed=methods`, AWS lists each method as an empty object (`{"GET": {}}`); with it, the
 * full Method (integration and responses included).
 */
export function presentResource(resource: ResourceWire, embedMethods: boolean): ResourceWire {
  const methods = resource.resourceMethods;
  const copy: ResourceWire = { id: resource.id, parentId: resource.parentId, pathPart: resource.pathPart, path: resource.path };
  if (methods && Object.keys(methods).length > 0) {
    copy.resourceMethods = embedMethods
      ? deepCopy(methods)
      : (Object.fromEntries(Object.keys(methods).map((verb) => [verb, {}])) as unknown as Record<string, MethodWire>);
  }
  return copy;
}

export function getResources(scope: Scope, restApiId: string, embedMethods: boolean): ResourceWire[] {
  const api = requireApi(scope, restApiId);
  return [...api.resources.values()].map((resource) => presentResource(resource, embedMethods));
}

export function getResource(scope: Scope, restApiId: string, resourceId: string, embedMethods: boolean): ResourceWire {
  const api = requireApi(scope, restApiId);
  return presentResource(requireResource(api, resourceId), embedMethods);
}

export function deleteResource(scope: Scope, restApiId: string, resourceId: string): void {
  const api = requireApi(scope, restApiId);
  const resource = requireResource(api, resourceId);
  if (resource.id === api.api.rootResourceId) throw badRequest("Cannot delete the root resource");
  const doomed = [resource.id];
  for (let index = 0; index < doomed.length; index += 1) {
    for (const child of childrenOf(api, doomed[index] as string)) doomed.push(child.id);
  }
  for (const id of doomed) api.resources.delete(id);
}
