import { createAuthorizer } from "../control-plane/authorizers";
import { putGatewayResponse } from "../control-plane/gateway-responses";
import { createRestApi } from "../control-plane/rest-apis";
import { registerAuthorizerFunction } from "../data-plane/authorizer-functions";
import type { Scope } from "../store";
import { ApiBuilder, lambdaAuthorizerUri } from "./api-builder";
import { stageWideTokenAuthorizer } from "./seed-authorizers";

/**
 * "proxy": the SAM layout. One function owns `/{proxy+}` ANY behind a Lambda authorizer; other functions declare
 * specific nested paths, and SAM (like CDK) creates their parent resources without methods. API Gateway resolves the
 * resource and the method as a pair (lib/routing/resolve-route.ts), so:
 * - the preflight of `/orders` (POST, no OPTIONS) falls through to ANY /{proxy+} and meets its authorizer: 401 every
 *   time (any-method-answers-preflight);
 * - `/orders/{id}/items` has its own OPTIONS (MOCK, CORS headers): its preflight passes;
 * - the preflight of `/users/me` (PATCH only) falls through to the `{userId}` sibling's OPTIONS and passes;
 * - `/health` is a simple GET, which browsers send without a preflight;
 * - the method-less intermediates (`/orders/{id}`, `/users`) are the proxy's own path space.
 */
export const PROXY_API_ID = "proxy00001";
export const PROXY_DEPLOYMENT_ID = "pxdeploy01";

const CORS_ORIGIN = "https://app.example.com";
const ALLOW_HEADERS = "Content-Type,Authorization";
const ORIGIN = { allowOrigin: CORS_ORIGIN };

export function seedProxy(scope: Scope): void {
  const { region, accountId } = scope;
  createRestApi(
    scope,
    { name: "proxy", description: "SAM layout: functions beside a /{proxy+} catch-all", endpointConfiguration: { types: ["REGIONAL"] } },
    PROXY_API_ID,
  );
  const api = new ApiBuilder(scope, PROXY_API_ID);

  const tokenUri = lambdaAuthorizerUri(region, accountId, "proxy-jwt-authorizer");
  registerAuthorizerFunction(tokenUri, stageWideTokenAuthorizer);
  const jwt = createAuthorizer(scope, PROXY_API_ID, {
    name: "jwt",
    type: "TOKEN",
    authorizerUri: tokenUri,
    identitySource: "method.request.header.Authorization",
    authorizerResultTtlInSeconds: 300,
  });
  const withJwt = { authorizationType: "CUSTOM", authorizerId: jwt.id };
  const cors = (path: string, allowMethods: string) =>
    api.corsOptions(path, { allowMethods, allowHeaders: ALLOW_HEADERS, allowOrigin: CORS_ORIGIN });

  api.mockMethod(
    "/{proxy+}",
    "ANY",
    { ...withJwt, requestParameters: { "method.request.path.proxy": true } },
    { servedBy: "/{proxy+}" },
    {},
    ORIGIN,
  );

  api.mockMethod("/orders", "POST", withJwt, { orderId: "o-1" }, {}, ORIGIN);

  // /orders/{id} is created as a method-less parent, as SAM does.
  api.mockMethod("/orders/{id}/items", "GET", withJwt, { items: [] }, {}, ORIGIN);
  api.mockMethod("/orders/{id}/items", "PUT", withJwt, { saved: true }, {}, ORIGIN);
  cors("/orders/{id}/items", "GET,PUT,OPTIONS");

  api.mockMethod("/users/{userId}", "GET", withJwt, { userId: "u-1" }, {}, ORIGIN);
  // Also answers the preflight of PATCH /users/me, which falls through to this sibling.
  cors("/users/{userId}", "GET,PATCH,OPTIONS");
  api.mockMethod("/users/me", "PATCH", withJwt, { updated: true }, {}, ORIGIN);

  api.mockMethod("/health", "GET", { authorizationType: "NONE" }, { ok: true }, {}, ORIGIN);

  // Error responses carry CORS headers, so the browser sees the real 401/403 of a request (not of a preflight).
  for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
    putGatewayResponse(scope, PROXY_API_ID, type, {
      responseParameters: {
        "gatewayresponse.header.Access-Control-Allow-Origin": `'${CORS_ORIGIN}'`,
        "gatewayresponse.header.Access-Control-Allow-Headers": `'${ALLOW_HEADERS}'`,
      },
      responseTemplates: { "application/json": '{"message":$context.error.messageString}' },
    });
  }

  api.deploy({ stageName: "prod", description: "sam deploy" }, PROXY_DEPLOYMENT_ID);
}
