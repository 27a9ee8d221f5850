import * as apiKeys from "../control-plane/api-keys";
import * as authorizers from "../control-plane/authorizers";
import * as deployments from "../control-plane/deployments";
import * as domainNames from "../control-plane/domain-names";
import { exportStage } from "../control-plane/export";
import { stringify } from "yaml";
import * as gatewayResponses from "../control-plane/gateway-responses";
import { paginate } from "../control-plane/pagination";
import { readPatchOperations } from "../control-plane/patch";
import * as stages from "../control-plane/stages";
import { testInvokeAuthorizer } from "../control-plane/test-invoke-authorizer";
import { asObject } from "../control-plane/validate";
import { emitStageCacheFlush } from "../stage-cache-events";
import { accepted, created, embeds, ok, type Route, type RouteContext } from "./route";

/** Authorizers, deployments, stages, gateway responses, API keys and domain names. */
const page = <T>(items: T[], context: RouteContext) =>
  paginate(items, { limit: context.query.get("limit"), position: context.query.get("position") }, context.defaultPageSize);

const api = (c: RouteContext) => c.params.restApiId as string;
const AUTHORIZER = "/restapis/{restApiId}/authorizers/{authorizerId}";
const STAGE = "/restapis/{restApiId}/stages/{stageName}";
const GATEWAY_RESPONSE = "/restapis/{restApiId}/gatewayresponses/{responseType}";

export const DEPLOY_ROUTES: Route[] = [
  {
    operation: "GetAuthorizers",
    method: "GET",
    path: "/restapis/{restApiId}/authorizers",
    handle: (c) => ok(page(authorizers.getAuthorizers(c.scope, api(c)), c)),
  },
  {
    operation: "CreateAuthorizer",
    method: "POST",
    path: "/restapis/{restApiId}/authorizers",
    handle: (c) => created(authorizers.createAuthorizer(c.scope, api(c), asObject(c.body))),
  },
  {
    operation: "GetAuthorizer",
    method: "GET",
    path: AUTHORIZER,
    handle: (c) => ok(authorizers.getAuthorizer(c.scope, api(c), c.params.authorizerId as string)),
  },
  {
    operation: "UpdateAuthorizer",
    method: "PATCH",
    path: AUTHORIZER,
    handle: (c) => ok(authorizers.updateAuthorizer(c.scope, api(c), c.params.authorizerId as string, readPatchOperations(c.body))),
  },
  {
    operation: "DeleteAuthorizer",
    method: "DELETE",
    path: AUTHORIZER,
    handle: (c) => (authorizers.deleteAuthorizer(c.scope, api(c), c.params.authorizerId as string), accepted()),
  },
  {
    operation: "TestInvokeAuthorizer",
    method: "POST",
    path: AUTHORIZER,
    handle: async (c) => ok(await testInvokeAuthorizer(c.scope, api(c), c.params.authorizerId as string, asObject(c.body))),
  },

  {
    operation: "GetDeployments",
    method: "GET",
    path: "/restapis/{restApiId}/deployments",
    handle: (c) => ok(page(deployments.getDeployments(c.scope, api(c)), c)),
  },
  {
    operation: "CreateDeployment",
    method: "POST",
    path: "/restapis/{restApiId}/deployments",
    handle: (c) => created(deployments.createDeployment(c.scope, api(c), asObject(c.body))),
  },
  {
    operation: "GetDeployment",
    method: "GET",
    path: "/restapis/{restApiId}/deployments/{deploymentId}",
    handle: (c) => ok(deployments.getDeployment(c.scope, api(c), c.params.deploymentId as string, embeds(c.query, "apisummary"))),
  },
  {
    operation: "DeleteDeployment",
    method: "DELETE",
    path: "/restapis/{restApiId}/deployments/{deploymentId}",
    handle: (c) => (deployments.deleteDeployment(c.scope, api(c), c.params.deploymentId as string), accepted()),
  },

  // GetStages is not paginated: `{ item: [...] }` only (API_GetStages.html).
  {
    operation: "GetStages",
    method: "GET",
    path: "/restapis/{restApiId}/stages",
    handle: (c) => ok({ item: stages.getStages(c.scope, api(c), c.query.get("deploymentId") ?? undefined) }),
  },
  {
    operation: "CreateStage",
    method: "POST",
    path: "/restapis/{restApiId}/stages",
    handle: (c) => created(stages.createStage(c.scope, api(c), asObject(c.body))),
  },
  { operation: "GetStage", method: "GET", path: STAGE, handle: (c) => ok(stages.getStage(c.scope, api(c), c.params.stageName as string)) },
  {
    operation: "UpdateStage",
    method: "PATCH",
    path: STAGE,
    handle: (c) => ok(stages.updateStage(c.scope, api(c), c.params.stageName as string, readPatchOperations(c.body))),
  },
  {
    operation: "DeleteStage",
    method: "DELETE",
    path: STAGE,
    handle: (c) => (stages.deleteStage(c.scope, api(c), c.params.stageName as string), accepted()),
  },
  // https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html: the export type in the path, its
  // parameters (extensions=…) as query strings, the media type in Accept (application/json or application/yaml).
  {
    operation: "GetExport",
    method: "GET",
    path: `${STAGE}/exports/{exportType}`,
    handle: (c) => {
      const document = exportStage(c.scope, api(c), c.params.stageName as string, c.params.exportType as string, {
        extensions: c.query.get("extensions") ?? undefined,
      });
      const yaml = /application\/(x-)?yaml/i.test(c.accept ?? "");
      const headers = {
        "content-disposition": `attachment; filename="${c.params.exportType}.${yaml ? "yaml" : "json"}"`,
      };
      return yaml
        ? { status: 200, headers, text: { contentType: "application/yaml", value: stringify(document) } }
        : { ...ok(document), headers };
    },
  },
  {
    operation: "FlushStageAuthorizersCache",
    method: "DELETE",
    path: `${STAGE}/cache/authorizers`,
    handle: (c) => (stages.flushStageAuthorizersCache(c.scope, api(c), c.params.stageName as string), accepted()),
  },
  {
    operation: "FlushStageCache",
    method: "DELETE",
    path: `${STAGE}/cache/data`,
    handle: (c) => (stages.flushStageCache(c.scope, api(c), c.params.stageName as string, emitStageCacheFlush), accepted()),
  },

  // "The GatewayResponses collection does not support pagination" (API_GetGatewayResponses.html).
  {
    operation: "GetGatewayResponses",
    method: "GET",
    path: "/restapis/{restApiId}/gatewayresponses",
    handle: (c) => ok({ item: gatewayResponses.getGatewayResponses(c.scope, api(c)) }),
  },
  {
    operation: "GetGatewayResponse",
    method: "GET",
    path: GATEWAY_RESPONSE,
    handle: (c) => ok(gatewayResponses.getGatewayResponse(c.scope, api(c), c.params.responseType as string)),
  },
  {
    operation: "PutGatewayResponse",
    method: "PUT",
    path: GATEWAY_RESPONSE,
    handle: (c) => created(gatewayResponses.putGatewayResponse(c.scope, api(c), c.params.responseType as string, asObject(c.body))),
  },
  {
    operation: "UpdateGatewayResponse",
    method: "PATCH",
    path: GATEWAY_RESPONSE,
    handle: (c) =>
      ok(gatewayResponses.updateGatewayResponse(c.scope, api(c), c.params.responseType as string, readPatchOperations(c.body))),
  },
  {
    operation: "DeleteGatewayResponse",
    method: "DELETE",
    path: GATEWAY_RESPONSE,
    handle: (c) => (gatewayResponses.deleteGatewayResponse(c.scope, api(c), c.params.responseType as string), accepted()),
  },

  {
    operation: "GetApiKeys",
    method: "GET",
    path: "/apikeys",
    handle: (c) =>
      ok(
        page(
          apiKeys.getApiKeys(c.scope, {
            includeValues: c.query.get("includeValues") === "true",
            nameQuery: c.query.get("name") ?? undefined,
            customerId: c.query.get("customerId") ?? undefined,
          }),
          c,
        ),
      ),
  },
  {
    operation: "CreateApiKey",
    method: "POST",
    path: "/apikeys",
    when: (q) => q.get("mode") !== "import",
    handle: (c) => created(apiKeys.createApiKey(c.scope, asObject(c.body))),
  },
  {
    operation: "GetApiKey",
    method: "GET",
    path: "/apikeys/{apiKey}",
    handle: (c) => ok(apiKeys.getApiKey(c.scope, c.params.apiKey as string, c.query.get("includeValue") === "true")),
  },
  {
    operation: "DeleteApiKey",
    method: "DELETE",
    path: "/apikeys/{apiKey}",
    handle: (c) => (apiKeys.deleteApiKey(c.scope, c.params.apiKey as string), accepted()),
  },

  { operation: "GetDomainNames", method: "GET", path: "/domainnames", handle: (c) => ok(page(domainNames.getDomainNames(c.scope), c)) },
  {
    operation: "CreateDomainName",
    method: "POST",
    path: "/domainnames",
    handle: (c) => created(domainNames.createDomainName(c.scope, asObject(c.body))),
  },
  {
    operation: "GetDomainName",
    method: "GET",
    path: "/domainnames/{domainName}",
    handle: (c) => ok(domainNames.getDomainName(c.scope, c.params.domainName as string)),
  },
  {
    operation: "GetBasePathMappings",
    method: "GET",
    path: "/domainnames/{domainName}/basepathmappings",
    handle: (c) => ok(page(domainNames.getBasePathMappings(c.scope, c.params.domainName as string), c)),
  },
  {
    operation: "CreateBasePathMapping",
    method: "POST",
    path: "/domainnames/{domainName}/basepathmappings",
    handle: (c) => created(domainNames.createBasePathMapping(c.scope, c.params.domainName as string, asObject(c.body))),
  },
];
