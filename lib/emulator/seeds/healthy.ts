import { createAuthorizer } from "../control-plane/authorizers";
import { putGatewayResponse } from "../control-plane/gateway-responses";
import { createRestApi } from "../control-plane/rest-apis";
import { updateStage } from "../control-plane/stages";
import { registerAuthorizerFunction } from "../data-plane/authorizer-functions";
import type { Scope } from "../store";
import { ApiBuilder, lambdaAuthorizerUri } from "./api-builder";
import { sessionRequestAuthorizer, stageWideTokenAuthorizer } from "./seed-authorizers";

/**
 * "healthy": storefront's shape done right, the negative control for every rule: no finding should
 * fire on it.
 */
export const HEALTHY_API_ID = "healthy001";
export const HEALTHY_DEPLOYMENT_ID = "hldeploy01";

const ALLOW_HEADERS = "Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session";
const CORS_ORIGIN = "https://shop.example.com";
// Every method returns the origin on its actual response too (the console's "Enable CORS" per method).
const ORIGIN = { allowOrigin: CORS_ORIGIN };
const CORS_RESPONSE_PARAMETERS = {
  "gatewayresponse.header.Access-Control-Allow-Origin": `'${CORS_ORIGIN}'`,
  "gatewayresponse.header.Access-Control-Allow-Headers": `'${ALLOW_HEADERS}'`,
};

export function seedHealthy(scope: Scope): void {
  const { region, accountId } = scope;
  createRestApi(
    scope,
    { name: "healthy", description: "Storefront API, CORS done right", endpointConfiguration: { types: ["REGIONAL"] } },
    HEALTHY_API_ID,
  );
  const api = new ApiBuilder(scope, HEALTHY_API_ID);

  const tokenUri = lambdaAuthorizerUri(region, accountId, "healthy-token-authorizer");
  const requestUri = lambdaAuthorizerUri(region, accountId, "healthy-session-authorizer");
  registerAuthorizerFunction(tokenUri, stageWideTokenAuthorizer);
  registerAuthorizerFunction(requestUri, sessionRequestAuthorizer("stage"));
  const token = createAuthorizer(scope, HEALTHY_API_ID, {
    name: "healthy-token",
    type: "TOKEN",
    authorizerUri: tokenUri,
    identitySource: "method.request.header.Authorization",
    authorizerResultTtlInSeconds: 300,
  });
  const request = createAuthorizer(scope, HEALTHY_API_ID, {
    name: "healthy-request",
    type: "REQUEST",
    authorizerUri: requestUri,
    identitySource: "method.request.header.X-Session",
    authorizerResultTtlInSeconds: 0,
  });
  const cognito = createAuthorizer(scope, HEALTHY_API_ID, {
    name: "healthy-cognito",
    type: "COGNITO_USER_POOLS",
    identitySource: "method.request.header.Authorization",
    providerARNs: [`arn:aws:cognito-idp:${region}:${accountId}:userpool/${region}_He4lthy00`],
  });
  const withToken = { authorizationType: "CUSTOM", authorizerId: token.id };
  const cors = (path: string, allowMethods: string) =>
    api.corsOptions(path, { allowMethods, allowHeaders: ALLOW_HEADERS, allowOrigin: CORS_ORIGIN });

  api.mockMethod("/products", "GET", withToken, { products: [] }, {}, ORIGIN);
  cors("/products", "GET,OPTIONS");

  api.mockMethod(
    "/products/{id}",
    "GET",
    {
      ...withToken,
      requestParameters: { "method.request.path.id": true, "method.request.header.Authorization": true },
    },
    { id: "p-1" },
    { cacheKeyParameters: ["method.request.path.id", "method.request.header.Authorization"] },
    ORIGIN,
  );
  api.mockMethod("/products/{id}", "PUT", withToken, { updated: true }, {}, ORIGIN);
  api.mockMethod("/products/{id}", "DELETE", withToken, { deleted: true }, {}, ORIGIN);
  cors("/products/{id}", "GET,PUT,DELETE,OPTIONS");

  api.mockMethod("/cart", "PUT", withToken, { cart: "saved" }, {}, ORIGIN);
  api.mockMethod("/cart", "DELETE", withToken, { cart: "emptied" }, {}, ORIGIN);
  cors("/cart", "PUT,DELETE,OPTIONS");

  api.mockMethod("/orders", "GET", { authorizationType: "CUSTOM", authorizerId: request.id }, { orders: [] }, {}, ORIGIN);
  api.mockMethod("/orders", "POST", withToken, { orderId: "o-1" }, {}, ORIGIN);
  cors("/orders", "GET,POST,OPTIONS");

  api.mockMethod("/orders/{id}", "GET", withToken, { orderId: "o-1" }, {}, ORIGIN);
  cors("/orders/{id}", "GET,OPTIONS");

  api.mockMethod(
    "/account",
    "GET",
    { authorizationType: "COGNITO_USER_POOLS", authorizerId: cognito.id },
    { email: "jane@example.com" },
    {},
    ORIGIN,
  );
  cors("/account", "GET,OPTIONS");

  api.mockMethod(
    "/admin/{proxy+}",
    "ANY",
    { ...withToken, requestParameters: { "method.request.path.proxy": true } },
    { admin: true },
    {},
    ORIGIN,
  );
  cors("/admin/{proxy+}", "GET,POST,PUT,PATCH,DELETE,OPTIONS");

  for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
    putGatewayResponse(scope, HEALTHY_API_ID, type, {
      responseParameters: CORS_RESPONSE_PARAMETERS,
      responseTemplates: { "application/json": '{"message":$context.error.messageString}' },
    });
  }

  api.deploy(
    {
      stageName: "prod",
      description: "v12 release",
      cacheClusterEnabled: true,
      cacheClusterSize: "0.5",
      variables: { lambdaAlias: "live" },
    },
    HEALTHY_DEPLOYMENT_ID,
  );
  updateStage(scope, HEALTHY_API_ID, "prod", [
    { op: "replace", path: "/*/*/metrics/enabled", value: "true" },
    { op: "replace", path: "/*/*/caching/requireAuthorizationForCacheControl", value: "true" },
    // FAIL_WITH_403 would answer a browser's reload (Cache-Control: max-age=0) with 403 (cache-control-fails-with-403).
    { op: "replace", path: "/*/*/caching/unauthorizedCacheControlHeaderStrategy", value: "SUCCEED_WITH_RESPONSE_HEADER" },
    { op: "replace", path: "/~1products~1{id}/GET/caching/enabled", value: "true" },
    { op: "replace", path: "/~1products~1{id}/GET/caching/ttlInSeconds", value: "300" },
    { op: "replace", path: "/~1products~1{id}/GET/caching/dataEncrypted", value: "true" },
  ]);
}
