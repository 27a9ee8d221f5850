import { createAuthorizer } from "../control-plane/authorizers";
import { updateMethod } from "../control-plane/methods";
import { updateStage } from "../control-plane/stages";
import { registerAuthorizerFunction } from "../data-plane/authorizer-functions";
import type { Scope } from "../store";
import { lambdaAuthorizerUri, type ApiBuilder } from "./api-builder";
import { sessionRequestAuthorizer } from "./seed-authorizers";
import type { PlantedProblem } from "./storefront";

/**
 * The storefront's plantings for the second edition of the rule catalogue (issue 14), kept in their
 * own file so storefront.ts stays readable: `plantSecondEditionMethods` runs before the prod
 * deployment, `plantSecondEditionProdSettings` after it (stage settings need the stage).
 */
export const SECOND_EDITION_PLANTED: readonly PlantedProblem[] = [
  {
    id: "cache-control-fails-with-403",
    problem: "Cached GET whose override answers an unauthorized Cache-Control: max-age=0 with 403 (FAIL_WITH_403): a browser reload fails",
    where: ["GET /catalog"],
    stage: "prod",
  },
  {
    id: "cache-key-missing-request-parameters",
    problem: "Cached GET /catalog/{category} whose cache key leaves out method.request.path.category: every category shares one entry",
    where: ["GET /catalog/{category}"],
    stage: "prod",
  },
  {
    id: "request-authorizer-keyed-on-route",
    problem:
      "REQUEST authorizer cached 300 s with identity sources context.httpMethod and context.resourcePath only: one caller's Allow is served to everyone",
    where: ["authorizer:storefront-route", "GET /wishlist"],
  },
  {
    id: "cors-origin-list",
    problem: "OPTIONS /newsletter answers Access-Control-Allow-Origin with two origins as a comma list, which browsers refuse",
    where: ["OPTIONS /newsletter"],
  },
  {
    id: "request-validator-on-preflight",
    problem:
      "OPTIONS /reviews carries the API-wide request validator and a required X-Review-Token header: a validating validator answers every preflight 400 (request validators are not modelled by the emulator's data plane)",
    where: ["OPTIONS /reviews"],
  },
];

export function plantSecondEditionMethods(api: ApiBuilder): void {
  const { scope, apiId } = api;
  const cors = { allowOrigin: "https://shop.example.com" };
  // Checks the X-Session header, but the cache key is the route: the first caller's answer is everyone's.
  const routeUri = lambdaAuthorizerUri(scope.region, scope.accountId, "storefront-route-authorizer");
  registerAuthorizerFunction(routeUri, sessionRequestAuthorizer("stage"));
  const route = createAuthorizer(scope, apiId, {
    name: "storefront-route",
    type: "REQUEST",
    authorizerUri: routeUri,
    identitySource: "context.httpMethod,context.resourcePath",
  });
  // The desktop and mobile shops "both allowed" in one header: browsers accept exactly one origin.
  api.mockMethod("/newsletter", "POST", { authorizationType: "NONE" }, { subscribed: true }, {}, cors);
  api.corsOptions("/newsletter", {
    allowMethods: "POST,OPTIONS",
    allowHeaders: "Content-Type",
    allowOrigin: "https://shop.example.com,https://m.shop.example.com",
  });
  // A Terraform module that puts request_validator_id and the real method's required header on every method, OPTIONS included.
  api.mockMethod(
    "/reviews",
    "POST",
    { authorizationType: "NONE", requestValidatorId: "sfval01", requestParameters: { "method.request.header.X-Review-Token": true } },
    { reviewed: true },
    {},
    cors,
  );
  api.corsOptions("/reviews", { allowMethods: "POST,OPTIONS", allowHeaders: "Content-Type,X-Review-Token" });
  updateMethod(scope, apiId, api.resource("/reviews").id, "OPTIONS", [
    { op: "replace", path: "/requestValidatorId", value: "sfval01" },
    { op: "add", path: "/requestParameters/method.request.header.X-Review-Token", value: "true" },
  ]);
  api.mockMethod("/wishlist", "GET", { authorizationType: "CUSTOM", authorizerId: route.id }, { wishlist: ["p-1"] }, {}, cors);
  api.mockMethod("/catalog", "GET", { authorizationType: "NONE" }, { categories: ["mugs", "plates"] }, {}, cors);
  api.mockMethod(
    "/catalog/{category}",
    "GET",
    { authorizationType: "NONE", requestParameters: { "method.request.path.category": true } },
    { items: [] },
    {},
    cors,
  );
}

export function plantSecondEditionProdSettings(scope: Scope, apiId: string): void {
  updateStage(scope, apiId, "prod", [
    { op: "replace", path: "/~1catalog/GET/caching/enabled", value: "true" },
    { op: "replace", path: "/~1catalog/GET/caching/requireAuthorizationForCacheControl", value: "true" },
    { op: "replace", path: "/~1catalog/GET/caching/unauthorizedCacheControlHeaderStrategy", value: "FAIL_WITH_403" },
    { op: "replace", path: "/~1catalog~1{category}/GET/caching/enabled", value: "true" },
  ]);
}
