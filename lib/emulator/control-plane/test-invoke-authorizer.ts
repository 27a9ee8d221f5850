import { findAuthorizerFunction, type AuthorizerEvent } from "../data-plane/authorizer-functions";
import { badRequest } from "../errors";
import type { Scope } from "../store";
import { requireApi, requireAuthorizer } from "./lookup";
import { optStringMap, optString } from "./validate";

/**
 * TestInvokeAuthorizer: runs a Lambda authorizer outside any stage, as the console's "Test" button.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_TestInvokeAuthorizer.html
 * AWS invokes with the placeholder stage `ESTestInvoke-stage`.
 */
export interface TestInvokeAuthorizerResult {
  clientStatus: number;
  log: string;
  latency: number;
  principalId?: string;
  policy?: string;
  authorization?: Record<string, string[]>;
  claims?: Record<string, string>;
}

export async function testInvokeAuthorizer(
  scope: Scope,
  restApiId: string,
  authorizerId: string,
  input: { headers?: unknown; pathWithQueryString?: unknown; stageVariables?: unknown },
): Promise<TestInvokeAuthorizerResult> {
  const api = requireApi(scope, restApiId);
  const authorizer = requireAuthorizer(api, authorizerId);
  if (authorizer.type === "COGNITO_USER_POOLS")
    throw badRequest("TestInvokeAuthorizer is not supported for COGNITO_USER_POOLS authorizers in the emulator");
  const fn = findAuthorizerFunction(authorizer.authorizerUri);
  const started = Date.now();
  if (!fn) return { clientStatus: 500, log: `No function registered for ${authorizer.authorizerUri}`, latency: 0 };
  const headers = optStringMap(input.headers, "headers") ?? {};
  const pathWithQuery = optString(input.pathWithQueryString, "pathWithQueryString") ?? "/";
  const methodArn = `arn:aws:execute-api:${scope.region}:${scope.accountId}:${restApiId}/ESTestInvoke-stage/GET${pathWithQuery.split("?")[0]}`;
  const event: AuthorizerEvent =
    authorizer.type === "TOKEN"
      ? { type: "TOKEN", authorizationToken: headerValue(headers, authorizer.identitySource) ?? "", methodArn }
      : {
          type: "REQUEST",
          methodArn,
          resource: pathWithQuery,
          path: pathWithQuery,
          httpMethod: "GET",
          headers,
          multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
          queryStringParameters: Object.fromEntries(new URLSearchParams(pathWithQuery.split("?")[1] ?? "")),
          multiValueQueryStringParameters: {},
          pathParameters: {},
          stageVariables: optStringMap(input.stageVariables, "stageVariables") ?? {},
          requestContext: {
            accountId: scope.accountId,
            apiId: restApiId,
            stage: "ESTestInvoke-stage",
            httpMethod: "GET",
            resourcePath: pathWithQuery,
            path: pathWithQuery,
          },
        };
  try {
    const result = await fn(event);
    const denied = result.policyDocument.Statement.some((statement) => statement.Effect === "Deny");
    return {
      clientStatus: denied ? 403 : 200,
      log: `Execution log for request test-request\nAuthorizer ${authorizer.name} returned principal ${result.principalId}`,
      latency: Date.now() - started,
      principalId: result.principalId,
      policy: JSON.stringify(result.policyDocument),
      authorization: {},
      claims: {},
    };
  } catch (error) {
    const unauthorized = error === "Unauthorized" || (error instanceof Error && error.message === "Unauthorized");
    return { clientStatus: unauthorized ? 401 : 500, log: `Authorizer error: ${String(error)}`, latency: Date.now() - started };
  }
}

function headerValue(headers: Record<string, string>, identitySource: string | undefined): string | undefined {
  const name = identitySource?.replace(/^method\.request\.header\./, "").toLowerCase();
  if (!name) return undefined;
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}
