import { notFound } from "../errors";
import type { Scope } from "../store";
import type { AuthorizerWire, IntegrationWire, MethodWire, ResourceWire, RestApiState, StageWire } from "../state";

/** Finders that answer AWS's 404s. Messages follow what API Gateway sends for each identifier. */
export function requireApi(scope: Scope, restApiId: string): RestApiState {
  const api = scope.state.restApis.get(restApiId);
  if (!api) throw notFound(`Invalid API identifier specified ${scope.accountId}:${restApiId}`);
  return api;
}

export function requireResource(api: RestApiState, resourceId: string): ResourceWire {
  const resource = api.resources.get(resourceId);
  if (!resource) throw notFound("Invalid Resource identifier specified");
  return resource;
}

export function requireMethod(resource: ResourceWire, httpMethod: string): MethodWire {
  const method = resource.resourceMethods?.[httpMethod.toUpperCase()];
  if (!method) throw notFound("Invalid Method identifier specified");
  return method;
}

export function requireIntegration(method: MethodWire): IntegrationWire {
  if (!method.methodIntegration) throw notFound("Invalid Integration identifier specified");
  return method.methodIntegration;
}

export function requireAuthorizer(api: RestApiState, authorizerId: string): AuthorizerWire {
  const authorizer = api.authorizers.get(authorizerId);
  if (!authorizer) throw notFound("Invalid Authorizer identifier specified");
  return authorizer;
}

export function requireStage(api: RestApiState, stageName: string): StageWire {
  const stage = api.stages.get(stageName);
  if (!stage) throw notFound("Invalid Stage identifier specified");
  return stage;
}

/** A method addressed by api/resource/verb, the common prefix of most method-level operations. */
export function requireMethodAt(scope: Scope, restApiId: string, resourceId: string, httpMethod: string) {
  const api = requireApi(scope, restApiId);
  const resource = requireResource(api, resourceId);
  return { api, resource, method: requireMethod(resource, httpMethod) };
}
