/**
 * Stand-ins for the Lambda functions behind Lambda authorizers. A seed registers a JavaScript
 * function under the authorizer's `authorizerUri`; the data plane invokes it with the event shape
 * Lambda authorizers receive.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html (REST: apigateway-lambda-authorizer-input.html)
 */

export interface TokenAuthorizerEvent {
  type: "TOKEN";
  authorizationToken: string;
  methodArn: string;
}

export interface RequestAuthorizerEvent {
  type: "REQUEST";
  methodArn: string;
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  requestContext: { accountId: string; apiId: string; stage: string; httpMethod: string; resourcePath: string; path: string };
}

export type AuthorizerEvent = TokenAuthorizerEvent | RequestAuthorizerEvent;

export interface PolicyStatement {
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource: string | string[];
}

export interface AuthorizerResult {
  principalId: string;
  policyDocument: { Version: string; Statement: PolicyStatement[] };
  context?: Record<string, string | number | boolean>;
  usageIdentifierKey?: string;
}

/** Throwing the string "Unauthorized" (as Lambda authorizers do) makes API Gateway answer 401. */
export type AuthorizerFunction = (event: AuthorizerEvent) => Promise<AuthorizerResult> | AuthorizerResult;

const registry = new Map<string, AuthorizerFunction>();

export function registerAuthorizerFunction(authorizerUri: string, fn: AuthorizerFunction): void {
  registry.set(authorizerUri, fn);
}

export function findAuthorizerFunction(authorizerUri: string | undefined): AuthorizerFunction | undefined {
  return authorizerUri ? registry.get(authorizerUri) : undefined;
}
