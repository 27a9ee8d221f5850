import { createAuthorizer } from "../control-plane/authorizers";
import { putGatewayResponse } from "../control-plane/gateway-responses";
import { updateMethod } from "../control-plane/methods";
import { updateMethodResponse } from "../control-plane/method-responses";
import { updateIntegrationResponse } from "../control-plane/integrations";
import { createRestApi } from "../control-plane/rest-apis";
import { updateStage } from "../control-plane/stages";
import { registerAuthorizerFunction } from "../data-plane/authorizer-functions";
import type { Scope } from "../store";
import { ApiBuilder, lambdaAuthorizerUri } from "./api-builder";
import { methodScopedTokenAuthorizer, sessionRequestAuthorizer } from "./seed-authorizers";
import { seedStorefrontStack, storefrontStackTags } from "./storefront-stack";
import { plantSecondEditionMethods, plantSecondEditionProdSettings, SECOND_EDITION_PLANTED } from "./storefront-second-edition";

/**
 * "storefront": a realistic shop API carrying every classic cause of the random 403 on OPTIONS.
 * The planted list is the contract other engineers' rule tests assert against (SPEC.md, "Seeds").
 */
export const STOREFRONT_API_ID = "sfront0001";
export const STOREFRONT_PROD_DEPLOYMENT_ID = "sfdeploy01";
export const STOREFRONT_DEV_DEPLOYMENT_ID = "sfdeploy02";
/** prod's canary: 10 % of prod's requests are served by this deployment (issue 13). */
export const STOREFRONT_CANARY_DEPLOYMENT_ID = "sfdeploy03";
export const STOREFRONT_CANARY_PERCENT = 10;

export interface PlantedProblem {
  id: string;
  problem: string;
  /** "VERB /path" for methods, or "gatewayresponses" / "stage:<name>" / "authorizer:<name>". */
  where: string[];
  stage?: string;
}

export const STOREFRONT_PLANTED: readonly PlantedProblem[] = [
  {
    id: "options-behind-token-authorizer",
    problem: "OPTIONS uses CUSTOM auth with a cached TOKEN authorizer",
    where: ["OPTIONS /products"],
  },
  { id: "options-behind-cognito", problem: "OPTIONS uses COGNITO_USER_POOLS", where: ["OPTIONS /account"] },
  { id: "options-api-key-required", problem: "OPTIONS requires an API key (SAM ApiKeyRequired leak)", where: ["OPTIONS /orders"] },
  {
    id: "authorized-any-without-options",
    problem: "Authorized ANY greedy proxy without an OPTIONS method",
    where: ["ANY /admin/{proxy+}"],
  },
  { id: "methods-without-options", problem: "PUT and DELETE but no OPTIONS method", where: ["PUT /cart", "DELETE /cart"] },
  {
    id: "authorizer-policy-scoped-to-method",
    problem: "TOKEN authorizer (TTL unset = 300) shared by several methods returns a policy naming only the called method ARN",
    where: ["authorizer:storefront-token", "GET /products", "GET /products/{id}", "POST /orders", "GET /orders/{id}"],
  },
  {
    id: "request-authorizer",
    problem: "REQUEST authorizer with a 60 s cache keyed on its identity sources",
    where: ["authorizer:storefront-request", "GET /orders"],
  },
  {
    id: "default-4xx-without-cors",
    problem: "DEFAULT_4XX customised without Access-Control-Allow-Origin; DEFAULT_5XX left default",
    where: ["gatewayresponses"],
  },
  {
    id: "options-incomplete-cors",
    problem: "OPTIONS Allow-Methods omits PUT/DELETE and Allow-Headers omits Authorization",
    where: ["OPTIONS /products/{id}"],
  },
  {
    id: "actual-responses-without-cors",
    problem:
      "MOCK business methods return no Access-Control-Allow-Origin on their 200 response: a fixed preflight still ends in a blocked response",
    where: [
      "GET /products",
      "GET /products/{id}",
      "PUT /products/{id}",
      "DELETE /products/{id}",
      "PUT /cart",
      "DELETE /cart",
      "GET /orders",
      "POST /orders",
      "GET /orders/{id}",
      "GET /account",
      "ANY /admin/{proxy+}",
    ],
  },
  {
    id: "cache-key-missing-identity",
    problem: "Stage caching on an authorized GET whose cache key lacks the caller identity",
    where: ["GET /products/{id}"],
    stage: "prod",
  },
  {
    id: "cache-invalidation-open",
    problem: "requireAuthorizationForCacheControl is false: anyone can invalidate the cache",
    where: ["stage:prod"],
    stage: "prod",
  },
  {
    id: "undeployed-fix",
    problem: "OPTIONS switched to NONE in the draft (and dev) but prod's deployment still uses CUSTOM",
    where: ["OPTIONS /orders/{id}"],
    stage: "prod",
  },
  {
    id: "stages-differ",
    problem: "prod and dev use different deployments and settings; stage variables hold secret-looking values",
    where: ["stage:prod", "stage:dev"],
  },
  {
    id: "canary-options-api-key",
    problem:
      "prod's 10 % canary deployment requires an API key on OPTIONS /account (set and reverted in the draft around the canary deployment); it also has the undeployed-fix, so 10 % of prod's preflights to /orders/{id} succeed",
    where: ["OPTIONS /account"],
    stage: "prod",
  },
  {
    id: "undeployed-cors-fix",
    problem: "GET /account's 200 response gained Access-Control-Allow-Origin in the draft only; both stages still serve it without",
    where: ["GET /account"],
  },
  ...SECOND_EDITION_PLANTED,
];

const CORS_FULL_HEADERS = "Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token,X-Session";

export function seedStorefront(scope: Scope): void {
  const { region, accountId } = scope;
  createRestApi(
    scope,
    {
      name: "storefront",
      description: "Shop front-end API (SAM app storefront-api)",
      endpointConfiguration: { types: ["REGIONAL"] },
      // Deployed by CloudFormation from templates/storefront/template.yaml: its tags say which stack and resource.
      tags: { team: "web", app: "storefront", ...storefrontStackTags(scope) },
    },
    STOREFRONT_API_ID,
  );
  const api = new ApiBuilder(scope, STOREFRONT_API_ID);

  const tokenUri = lambdaAuthorizerUri(region, accountId, "storefront-token-authorizer");
  const requestUri = lambdaAuthorizerUri(region, accountId, "storefront-session-authorizer");
  registerAuthorizerFunction(tokenUri, methodScopedTokenAuthorizer);
  registerAuthorizerFunction(requestUri, sessionRequestAuthorizer("method"));
  const token = createAuthorizer(scope, STOREFRONT_API_ID, {
    name: "storefront-token",
    type: "TOKEN",
    authorizerUri: tokenUri,
    identitySource: "method.request.header.Authorization",
  });
  const request = createAuthorizer(scope, STOREFRONT_API_ID, {
    name: "storefront-request",
    type: "REQUEST",
    authorizerUri: requestUri,
    identitySource: "method.request.header.X-Session,method.request.querystring.tenant",
    authorizerResultTtlInSeconds: 60,
  });
  const cognito = createAuthorizer(scope, STOREFRONT_API_ID, {
    name: "storefront-cognito",
    type: "COGNITO_USER_POOLS",
    identitySource: "method.request.header.Authorization",
    providerARNs: [`arn:aws:cognito-idp:${region}:${accountId}:userpool/${region}_St0reFr0nt`],
  });
  const withToken = { authorizationType: "CUSTOM", authorizerId: token.id };

  api.mockMethod("/products", "GET", withToken, { products: [{ id: "p-1", name: "Mug" }] });
  api.corsOptions("/products", { allowMethods: "GET,OPTIONS", allowHeaders: CORS_FULL_HEADERS, method: withToken });

  api.mockMethod(
    "/products/{id}",
    "GET",
    { ...withToken, requestParameters: { "method.request.path.id": true } },
    { id: "p-1", name: "Mug" },
    { cacheKeyParameters: ["method.request.path.id"] },
  );
  api.mockMethod("/products/{id}", "PUT", withToken, { updated: true });
  api.mockMethod("/products/{id}", "DELETE", withToken, { deleted: true });
  api.corsOptions("/products/{id}", { allowMethods: "GET,OPTIONS", allowHeaders: "Content-Type" });

  api.mockMethod("/cart", "PUT", withToken, { cart: "saved" });
  api.mockMethod("/cart", "DELETE", withToken, { cart: "emptied" });

  api.mockMethod("/orders", "GET", { authorizationType: "CUSTOM", authorizerId: request.id }, { orders: [] });
  api.mockMethod("/orders", "POST", withToken, { orderId: "o-1" });
  api.corsOptions("/orders", {
    allowMethods: "GET,POST,OPTIONS",
    allowHeaders: CORS_FULL_HEADERS,
    method: { authorizationType: "NONE", apiKeyRequired: true },
  });

  api.mockMethod("/orders/{id}", "GET", withToken, { orderId: "o-1", status: "shipped" });
  api.corsOptions("/orders/{id}", { allowMethods: "GET,OPTIONS", allowHeaders: CORS_FULL_HEADERS, method: withToken });

  const withCognito = { authorizationType: "COGNITO_USER_POOLS", authorizerId: cognito.id };
  api.mockMethod("/account", "GET", withCognito, { email: "jane@example.com" });
  api.corsOptions("/account", { allowMethods: "GET,OPTIONS", allowHeaders: CORS_FULL_HEADERS, method: withCognito });

  api.mockMethod("/admin/{proxy+}", "ANY", { ...withToken, requestParameters: { "method.request.path.proxy": true } }, { admin: true });

  plantSecondEditionMethods(api);

  putGatewayResponse(scope, STOREFRONT_API_ID, "DEFAULT_4XX", {
    responseTemplates: { "application/json": '{"error":$context.error.messageString,"requestId":"$context.requestId"}' },
  });
  putGatewayResponse(scope, STOREFRONT_API_ID, "ACCESS_DENIED", {
    statusCode: "403",
    responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
    responseTemplates: { "application/json": '{"error":"forbidden"}' },
  });

  api.deploy(
    {
      stageName: "prod",
      description: "v41 release",
      stageDescription: "Production",
      cacheClusterEnabled: true,
      cacheClusterSize: "0.5",
      variables: {
        lambdaAlias: "live",
        backendUrl: "https://orders.internal.example.com",
        paymentsApiKey: "sk_live_51HqLyjWDarjtT1zdp7dcXq0P",
      },
    },
    STOREFRONT_PROD_DEPLOYMENT_ID,
  );
  updateStage(scope, STOREFRONT_API_ID, "prod", [
    { op: "replace", path: "/*/*/metrics/enabled", value: "true" },
    { op: "replace", path: "/*/*/caching/requireAuthorizationForCacheControl", value: "false" },
    { op: "replace", path: "/*/*/caching/unauthorizedCacheControlHeaderStrategy", value: "SUCCEED_WITHOUT_RESPONSE_HEADER" },
    { op: "replace", path: "/~1products~1{id}/GET/caching/enabled", value: "true" },
    { op: "replace", path: "/~1products~1{id}/GET/caching/ttlInSeconds", value: "300" },
  ]);
  plantSecondEditionProdSettings(scope, STOREFRONT_API_ID);

  // The fix for OPTIONS /orders/{id}, made in the draft and deployed to dev only.
  const ordersById = api.resource("/orders/{id}");
  updateMethod(scope, STOREFRONT_API_ID, ordersById.id, "OPTIONS", [
    { op: "replace", path: "/authorizationType", value: "NONE" },
    { op: "remove", path: "/authorizerId" },
  ]);
  api.deploy(
    {
      stageName: "dev",
      description: "fix OPTIONS /orders/{id}",
      stageDescription: "Development",
      variables: {
        lambdaAlias: "dev",
        backendUrl: "https://orders.dev.internal.example.com",
        paymentsApiKey: "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        debug: "true",
      },
    },
    STOREFRONT_DEV_DEPLOYMENT_ID,
  );
  updateStage(scope, STOREFRONT_API_ID, "dev", [
    { op: "replace", path: "/*/*/logging/loglevel", value: "INFO" },
    { op: "replace", path: "/*/*/logging/dataTrace", value: "true" },
    { op: "replace", path: "/*/*/throttling/rateLimit", value: "50" },
    { op: "replace", path: "/*/*/throttling/burstLimit", value: "100" },
  ]);

  // A canary on prod made from a draft that briefly required an API key on OPTIONS /account (the draft was put back
  // right after). Deployed after the fix of OPTIONS /orders/{id}, it also serves that fix: 10 % of prod's preflights
  // there succeed, the rest meet the token authorizer.
  const accountResource = api.resource("/account");
  updateMethod(scope, STOREFRONT_API_ID, accountResource.id, "OPTIONS", [{ op: "replace", path: "/apiKeyRequired", value: "true" }]);
  api.deploy(
    { stageName: "prod", description: "canary: v42 candidate", canarySettings: { percentTraffic: STOREFRONT_CANARY_PERCENT } },
    STOREFRONT_CANARY_DEPLOYMENT_ID,
  );
  updateMethod(scope, STOREFRONT_API_ID, accountResource.id, "OPTIONS", [{ op: "replace", path: "/apiKeyRequired", value: "false" }]);

  // A CORS fix made in the draft and never deployed: GET /account now maps Access-Control-Allow-Origin.
  const account = accountResource;
  const origin = "method.response.header.Access-Control-Allow-Origin";
  updateMethodResponse(scope, STOREFRONT_API_ID, account.id, "GET", "200", [
    { op: "add", path: `/responseParameters/${origin}`, value: "false" },
  ]);
  updateIntegrationResponse(scope, STOREFRONT_API_ID, account.id, "GET", "200", [
    { op: "add", path: `/responseParameters/${origin}`, value: "'*'" },
  ]);

  seedStorefrontStack(scope, {
    restApiId: STOREFRONT_API_ID,
    prodDeploymentId: STOREFRONT_PROD_DEPLOYMENT_ID,
    devDeploymentId: STOREFRONT_DEV_DEPLOYMENT_ID,
  });
}
