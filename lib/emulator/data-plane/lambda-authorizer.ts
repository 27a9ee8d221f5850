import type { AuthorizerWire } from "../state";
import { cacheAuthorization, getCachedAuthorization } from "./authorizer-cache";
import { findAuthorizerFunction, type AuthorizerEvent, type AuthorizerResult } from "./authorizer-functions";
import { UNAUTHORIZED, type AuthorizationOutcome } from "./authorization-outcome";
import type { GatewayError } from "./gateway-response";
import { parseIdentitySource, readIdentitySource, type IdentityInputs } from "./identity-sources";
import { evaluatePolicy } from "./policy-evaluation";

/** Everything about the current request a Lambda authorizer sees. */
export interface LambdaAuthorizerCall extends IdentityInputs {
  authorizer: AuthorizerWire;
  methodArn: string;
  accountId: string;
  apiId: string;
  stageName: string;
  resourcePath: string;
  pathParameters: Record<string, string>;
  now: number;
}

// Absent TTL means 300 s; 0 disables caching.
// https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html (authorizerResultTtlInSeconds)
export const DEFAULT_AUTHORIZER_TTL_SECONDS = 300;

const CONFIGURATION_ERROR: GatewayError = { type: "AUTHORIZER_CONFIGURATION_ERROR", message: null };

/**
 * TOKEN and REQUEST Lambda authorizers. Identity checks that fail answer 401 without invoking the
 * function; the function's policy is cached per stage + authorizer + identity for the TTL and then
 * evaluated against *this* request's method ARN, so a policy scoped to one method denies the same
 * caller elsewhere until the entry expires.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-use-lambda-authorizer.html
 */
export async function runLambdaAuthorizer(call: LambdaAuthorizerCall): Promise<AuthorizationOutcome> {
  const { authorizer } = call;
  const ttl = authorizer.authorizerResultTtlInSeconds ?? DEFAULT_AUTHORIZER_TTL_SECONDS;

  const identity = authorizer.type === "TOKEN" ? tokenIdentity(call) : requestIdentity(call);
  if (!identity.ok) return identity;

  let result = ttl > 0 ? getCachedAuthorization(call.apiId, call.stageName, authorizer.id, identity.cacheKey, call.now) : undefined;
  if (!result) {
    const invoked = await invoke(call, identity.token);
    if (!invoked.ok) return invoked;
    result = invoked.result;
    cacheAuthorization(call.apiId, call.stageName, authorizer.id, identity.cacheKey, result, ttl, call.now);
  }

  const decision = evaluatePolicy(result.policyDocument, call.methodArn);
  // Messages: https://repost.aws/knowledge-center/api-gateway-403-error-lambda-authorizer
  if (decision === "explicit-deny")
    return { ok: false, error: { type: "ACCESS_DENIED", message: "User is not authorized to access this resource with an explicit deny" } };
  if (decision === "implicit-deny")
    return { ok: false, error: { type: "ACCESS_DENIED", message: "User is not authorized to access this resource" } };
  return {
    ok: true,
    principal: { principalId: result.principalId, context: result.context, usageIdentifierKey: result.usageIdentifierKey },
  };
}

type Identity = { ok: true; cacheKey: string; token?: string } | { ok: false; error: GatewayError };

/** TOKEN: the header must be present and match identityValidationExpression, else 401 uninvoked. */
function tokenIdentity(call: LambdaAuthorizerCall): Identity {
  const source = parseIdentitySource(call.authorizer.identitySource)[0];
  const token = source ? readIdentitySource(source, call) : undefined;
  if (!token) return { ok: false, error: UNAUTHORIZED };
  const expression = call.authorizer.identityValidationExpression;
  if (expression) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(expression);
    } catch {
      return { ok: false, error: CONFIGURATION_ERROR };
    }
    if (!pattern.test(token)) return { ok: false, error: UNAUTHORIZED };
  }
  return { ok: true, cacheKey: token, token };
}

/**
 * REQUEST: every configured identity source must be present and non-empty, else 401 without invoking the function
 * ("Only when this is true does the authorizer invoke the authorizer Lambda function, otherwise, it returns a 401
 * Unauthorized response without calling the Lambda function", API_Authorizer.html, identitySource); together they
 * form the cache key. The same page makes the sources optional only when caching is off (TTL 0): an authorizer with
 * none configured is then invoked on every request. The page does not condition the validation itself on caching,
 * and the Serverless Framework and serverless-offline threads read it the same way: users clear identitySource with
 * TTL 0 precisely so that requests lacking the header still reach the Lambda
 * (https://github.com/serverless/serverless/pull/10168, https://github.com/dherault/serverless-offline/pull/1720,
 * https://github.com/dherault/serverless-offline/issues/1638). No published measurement settles TTL 0 with a
 * configured source; SPEC.md marks it, and the rule lowers its confidence for that case.
 */
function requestIdentity(call: LambdaAuthorizerCall): Identity {
  const values: string[] = [];
  for (const source of parseIdentitySource(call.authorizer.identitySource)) {
    const value = readIdentitySource(source, call);
    if (!value) return { ok: false, error: UNAUTHORIZED };
    values.push(value);
  }
  return { ok: true, cacheKey: JSON.stringify(values) };
}

type Invoked = { ok: true; result: AuthorizerResult } | { ok: false; error: GatewayError };

async function invoke(call: LambdaAuthorizerCall, token: string | undefined): Promise<Invoked> {
  const fn = findAuthorizerFunction(call.authorizer.authorizerUri);
  if (!fn) return { ok: false, error: CONFIGURATION_ERROR };
  let output: unknown;
  try {
    output = await fn(buildEvent(call, token));
  } catch (thrown) {
    // A Lambda authorizer signals 401 by failing with exactly "Unauthorized"; anything else is a 500.
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: message === "Unauthorized" ? UNAUTHORIZED : CONFIGURATION_ERROR };
  }
  return isValidResult(output) ? { ok: true, result: output } : { ok: false, error: CONFIGURATION_ERROR };
}

/** Output must carry principalId and a policyDocument; context values must be flat primitives. */
function isValidResult(output: unknown): output is AuthorizerResult {
  if (typeof output !== "object" || output === null) return false;
  const candidate = output as Partial<AuthorizerResult>;
  if (typeof candidate.principalId !== "string") return false;
  if (typeof candidate.policyDocument !== "object" || candidate.policyDocument === null) return false;
  if (candidate.context !== undefined) {
    if (typeof candidate.context !== "object" || candidate.context === null) return false;
    if (!Object.values(candidate.context).every((v) => ["string", "number", "boolean"].includes(typeof v))) return false;
  }
  return true;
}

function buildEvent(call: LambdaAuthorizerCall, token: string | undefined): AuthorizerEvent {
  if (call.authorizer.type === "TOKEN") return { type: "TOKEN", authorizationToken: token ?? "", methodArn: call.methodArn };
  const { request } = call;
  return {
    type: "REQUEST",
    methodArn: call.methodArn,
    resource: call.resourcePath,
    path: request.path,
    httpMethod: request.httpMethod,
    headers: request.headers,
    multiValueHeaders: request.multiValueHeaders,
    queryStringParameters: request.queryStringParameters,
    multiValueQueryStringParameters: request.multiValueQueryStringParameters,
    pathParameters: call.pathParameters,
    stageVariables: call.stageVariables,
    requestContext: {
      accountId: call.accountId,
      apiId: call.apiId,
      stage: call.stageName,
      httpMethod: request.httpMethod,
      resourcePath: call.resourcePath,
      path: `/${call.stageName}${request.path}`,
    },
  };
}
