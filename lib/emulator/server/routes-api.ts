import * as integrations from "../control-plane/integrations";
import * as methodResponses from "../control-plane/method-responses";
import * as methods from "../control-plane/methods";
import { paginate } from "../control-plane/pagination";
import { readPatchOperations } from "../control-plane/patch";
import * as resources from "../control-plane/resources";
import * as restApis from "../control-plane/rest-apis";
import { asObject } from "../control-plane/validate";
import { importRestApi, putRestApi } from "../import/import-rest-api";
import { accepted, created, noContent, ok, embeds, type Route, type RouteContext } from "./route";

/** REST APIs, resources, methods, integrations and their responses. */
const page = <T>(items: T[], context: RouteContext) =>
  paginate(items, { limit: context.query.get("limit"), position: context.query.get("position") }, context.defaultPageSize);

const METHOD = "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}";

export const API_ROUTES: Route[] = [
  { operation: "GetRestApis", method: "GET", path: "/restapis", handle: (c) => ok(page(restApis.getRestApis(c.scope), c)) },
  {
    operation: "ImportRestApi",
    method: "POST",
    path: "/restapis",
    rawBody: true,
    when: (q) => q.get("mode") === "import",
    handle: (c) => created(importRestApi(c.scope, c.rawBody, { failOnWarnings: c.query.get("failonwarnings") === "true" })),
  },
  {
    operation: "CreateRestApi",
    method: "POST",
    path: "/restapis",
    handle: (c) => created(restApis.createRestApi(c.scope, asObject(c.body))),
  },
  {
    operation: "GetRestApi",
    method: "GET",
    path: "/restapis/{restApiId}",
    handle: (c) => ok(restApis.getRestApi(c.scope, c.params.restApiId as string)),
  },
  {
    operation: "PutRestApi",
    method: "PUT",
    path: "/restapis/{restApiId}",
    rawBody: true,
    handle: (c) =>
      ok(
        putRestApi(c.scope, c.params.restApiId as string, c.rawBody, {
          mode: c.query.get("mode") ?? "merge",
          failOnWarnings: c.query.get("failonwarnings") === "true",
        }),
      ),
  },
  {
    operation: "UpdateRestApi",
    method: "PATCH",
    path: "/restapis/{restApiId}",
    handle: (c) => ok(restApis.updateRestApi(c.scope, c.params.restApiId as string, readPatchOperations(c.body))),
  },
  {
    operation: "DeleteRestApi",
    method: "DELETE",
    path: "/restapis/{restApiId}",
    handle: (c) => (restApis.deleteRestApi(c.scope, c.params.restApiId as string), accepted()),
  },

  {
    operation: "GetResources",
    method: "GET",
    path: "/restapis/{restApiId}/resources",
    handle: (c) => ok(page(resources.getResources(c.scope, c.params.restApiId as string, embeds(c.query, "methods")), c)),
  },
  {
    operation: "GetResource",
    method: "GET",
    path: "/restapis/{restApiId}/resources/{resourceId}",
    handle: (c) =>
      ok(resources.getResource(c.scope, c.params.restApiId as string, c.params.resourceId as string, embeds(c.query, "methods"))),
  },
  {
    operation: "CreateResource",
    method: "POST",
    path: "/restapis/{restApiId}/resources/{parentId}",
    handle: (c) => created(resources.createResource(c.scope, c.params.restApiId as string, c.params.parentId as string, asObject(c.body))),
  },
  {
    operation: "DeleteResource",
    method: "DELETE",
    path: "/restapis/{restApiId}/resources/{resourceId}",
    handle: (c) => (resources.deleteResource(c.scope, c.params.restApiId as string, c.params.resourceId as string), accepted()),
  },

  { operation: "GetMethod", method: "GET", path: METHOD, handle: (c) => ok(methods.getMethod(c.scope, ...methodKey(c))) },
  {
    operation: "PutMethod",
    method: "PUT",
    path: METHOD,
    handle: (c) => created(methods.putMethod(c.scope, ...methodKey(c), asObject(c.body))),
  },
  {
    operation: "UpdateMethod",
    method: "PATCH",
    path: METHOD,
    handle: (c) => ok(methods.updateMethod(c.scope, ...methodKey(c), readPatchOperations(c.body))),
  },
  {
    operation: "DeleteMethod",
    method: "DELETE",
    path: METHOD,
    handle: (c) => (methods.deleteMethod(c.scope, ...methodKey(c)), noContent()),
  },

  {
    operation: "GetMethodResponse",
    method: "GET",
    path: `${METHOD}/responses/{statusCode}`,
    handle: (c) => ok(methodResponses.getMethodResponse(c.scope, ...methodKey(c), code(c))),
  },
  {
    operation: "PutMethodResponse",
    method: "PUT",
    path: `${METHOD}/responses/{statusCode}`,
    handle: (c) => created(methodResponses.putMethodResponse(c.scope, ...methodKey(c), code(c), asObject(c.body))),
  },
  // UpdateMethodResponse answers 201 in the service model's HTTP binding.
  {
    operation: "UpdateMethodResponse",
    method: "PATCH",
    path: `${METHOD}/responses/{statusCode}`,
    handle: (c) => created(methodResponses.updateMethodResponse(c.scope, ...methodKey(c), code(c), readPatchOperations(c.body))),
  },
  {
    operation: "DeleteMethodResponse",
    method: "DELETE",
    path: `${METHOD}/responses/{statusCode}`,
    handle: (c) => (methodResponses.deleteMethodResponse(c.scope, ...methodKey(c), code(c)), noContent()),
  },

  {
    operation: "GetIntegration",
    method: "GET",
    path: `${METHOD}/integration`,
    handle: (c) => ok(integrations.getIntegration(c.scope, ...methodKey(c))),
  },
  {
    operation: "PutIntegration",
    method: "PUT",
    path: `${METHOD}/integration`,
    handle: (c) => created(integrations.putIntegration(c.scope, ...methodKey(c), asObject(c.body))),
  },
  {
    operation: "UpdateIntegration",
    method: "PATCH",
    path: `${METHOD}/integration`,
    handle: (c) => ok(integrations.updateIntegration(c.scope, ...methodKey(c), readPatchOperations(c.body))),
  },
  {
    operation: "DeleteIntegration",
    method: "DELETE",
    path: `${METHOD}/integration`,
    handle: (c) => (integrations.deleteIntegration(c.scope, ...methodKey(c)), noContent()),
  },

  {
    operation: "GetIntegrationResponse",
    method: "GET",
    path: `${METHOD}/integration/responses/{statusCode}`,
    handle: (c) => ok(integrations.getIntegrationResponse(c.scope, ...methodKey(c), code(c))),
  },
  {
    operation: "PutIntegrationResponse",
    method: "PUT",
    path: `${METHOD}/integration/responses/{statusCode}`,
    handle: (c) => created(integrations.putIntegrationResponse(c.scope, ...methodKey(c), code(c), asObject(c.body))),
  },
  {
    operation: "UpdateIntegrationResponse",
    method: "PATCH",
    path: `${METHOD}/integration/responses/{statusCode}`,
    handle: (c) => ok(integrations.updateIntegrationResponse(c.scope, ...methodKey(c), code(c), readPatchOperations(c.body))),
  },
  {
    operation: "DeleteIntegrationResponse",
    method: "DELETE",
    path: `${METHOD}/integration/responses/{statusCode}`,
    handle: (c) => (integrations.deleteIntegrationResponse(c.scope, ...methodKey(c), code(c)), noContent()),
  },
];

function methodKey(c: RouteContext): [string, string, string] {
  return [c.params.restApiId as string, c.params.resourceId as string, c.params.httpMethod as string];
}

function code(c: RouteContext): string {
  return c.params.statusCode as string;
}
