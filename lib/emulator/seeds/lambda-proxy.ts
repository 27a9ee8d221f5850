import { createAuthorizer } from "../control-plane/authorizers";
import { putIntegration } from "../control-plane/integrations";
import { putMethod } from "../control-plane/methods";
import { createRestApi } from "../control-plane/rest-apis";
import { registerIntegrationFunction } from "../data-plane/integration-functions";
import type { Scope } from "../store";
import { ApiBuilder } from "./api-builder";
import type { PlantedProblem } from "./storefront";

/**
 * "lambda-proxy": the CDK LambdaRestApi / SAM shape with a Cognito authorizer on `ANY /{proxy+}` and a
 * Lambda that sets the CORS headers in its own code (what AWS documents for proxy integrations:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html). Nothing in the
 * API Gateway configuration shows CORS, yet the preflight meets the authorizer and gets 401 before the
 * Lambda runs (authorized-any-without-cors-evidence).
 */
export const LAMBDA_PROXY_API_ID = "lproxy0001";
export const LAMBDA_PROXY_DEPLOYMENT_ID = "lpdeploy01";
export const LAMBDA_PROXY_ORIGIN = "https://app.example.com";

export const LAMBDA_PROXY_PLANTED: readonly PlantedProblem[] = [
  {
    id: "authorized-any-without-cors-evidence",
    problem: "Cognito-authorized ANY /{proxy+} without OPTIONS; the Lambda sets CORS headers in code, so the configuration shows none",
    where: ["ANY /{proxy+}"],
    stage: "prod",
  },
];

export function seedLambdaProxy(scope: Scope): void {
  const { region, accountId } = scope;
  createRestApi(
    scope,
    {
      name: "lambda-proxy",
      description: "LambdaRestApi with a Cognito authorizer; CORS in the function",
      endpointConfiguration: { types: ["REGIONAL"] },
    },
    LAMBDA_PROXY_API_ID,
  );
  const api = new ApiBuilder(scope, LAMBDA_PROXY_API_ID);
  const cognito = createAuthorizer(scope, LAMBDA_PROXY_API_ID, {
    name: "app-users",
    type: "COGNITO_USER_POOLS",
    identitySource: "method.request.header.Authorization",
    providerARNs: [`arn:aws:cognito-idp:${region}:${accountId}:userpool/${region}_LambdaPrx`],
  });
  const functionArn = `arn:aws:lambda:${region}:${accountId}:function:app-backend`;
  const uri = `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
  // The function answers every method, OPTIONS included, with the CORS headers — if it is ever reached.
  registerIntegrationFunction(uri, (event) => ({
    statusCode: event.httpMethod === "OPTIONS" ? 204 : 200,
    headers: {
      "Content-Type": "application/json",
      "Access-Control-Allow-Origin": LAMBDA_PROXY_ORIGIN,
      "Access-Control-Allow-Headers": "Content-Type,Authorization",
      "Access-Control-Allow-Methods": "GET,POST,PUT,DELETE,OPTIONS",
    },
    body:
      event.httpMethod === "OPTIONS"
        ? ""
        : JSON.stringify({ path: event.path, user: event.requestContext.authorizer?.["principalId"] ?? null }),
  }));
  const proxy = api.resource("/{proxy+}");
  putMethod(scope, LAMBDA_PROXY_API_ID, proxy.id, "ANY", {
    authorizationType: "COGNITO_USER_POOLS",
    authorizerId: cognito.id,
    requestParameters: { "method.request.path.proxy": true },
  });
  putIntegration(scope, LAMBDA_PROXY_API_ID, proxy.id, "ANY", { type: "AWS_PROXY", httpMethod: "POST", uri });
  api.deploy({ stageName: "prod", description: "v3", stageDescription: "Production" }, LAMBDA_PROXY_DEPLOYMENT_ID);
}
