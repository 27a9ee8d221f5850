import type { ApiModel, AuthorizationType, AuthorizerModel, IdentitySource } from "@/lib/model/types";
import type { Confidence } from "@/lib/rules/types";
import { PREFLIGHT_REQUEST_HEADERS } from "./cors-headers";
import { authorizerOf } from "./request-headers";

/** What API Gateway answers a preflight OPTIONS sent to a method that requires authorization. */
export interface PreflightAuthOutcome {
  /** e.g. "401 {\"message\":\"Unauthorized\"}" */
  answer: string;
  /** True when the answer is the same on every preflight; false when the Lambda's decision (and its cache) decides. */
  everyTime: boolean;
  lambdaInvoked: boolean;
  /** One clause saying why, e.g. "Lambda authorizer 'jwt' needs the Authorization header, which a preflight never carries". */
  because: string;
  authorizer?: AuthorizerModel;
  /** Identity sources a preflight cannot carry. */
  missingSources: IdentitySource[];
  /**
   * "likely" when no document or measurement states this answer outright: a REQUEST authorizer with caching off (TTL 0)
   * and a configured identity source the preflight lacks (see below).
   */
  confidence?: Confidence;
}

export const ANSWER = {
  unauthorized: '401 {"message":"Unauthorized"}',
  missingToken: '403 {"message":"Missing Authentication Token"}',
  forbidden: '403 {"message":"Forbidden"}',
  lambdaDecides: '401 or 403 {"message":"User is not authorized to access this resource"}, as the Lambda decides',
  /** A Lambda that runs on every preflight (TTL 0) and refuses it: 401 when it raises Unauthorized, 403 for a Deny policy. */
  lambdaDenies: '401 or 403 {"message":"User is not authorized to access this resource"}',
} as const;

/**
 * The preflight's fate per authorization type:
 * - AWS_IAM: unsigned request → 403 Missing Authentication Token
 *   (https://repost.aws/knowledge-center/api-gateway-authentication-token-errors).
 * - COGNITO_USER_POOLS: no token → 401 Unauthorized
 *   (https://repost.aws/knowledge-center/api-gateway-cognito-401-unauthorized).
 * - TOKEN/REQUEST: an identity source "missing, null or empty" → 401 Unauthorized "without calling
 *   the Lambda function" (https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html,
 *   identitySource), whatever the TTL (the emulator does the same; see its SPEC.md). A REQUEST authorizer with
 *   TTL 0 and no identity source runs the Lambda. Otherwise the Lambda runs on the preflight and its (cached)
 *   policy decides.
 */
export function preflightAuthOutcome(
  model: ApiModel,
  method: { authorizationType: AuthorizationType; authorizerId?: string },
): PreflightAuthOutcome {
  const authorizer = authorizerOf(model, method);
  const base = { ...(authorizer ? { authorizer } : {}), missingSources: [] as IdentitySource[] };
  if (method.authorizationType === "AWS_IAM") {
    return {
      ...base,
      answer: ANSWER.missingToken,
      everyTime: true,
      lambdaInvoked: false,
      because: "IAM authorization needs a SigV4-signed request and a preflight is never signed",
    };
  }
  if (method.authorizationType === "COGNITO_USER_POOLS") {
    const header = authorizer?.identitySources.find((s) => s.location === "header")?.name ?? "Authorization";
    const name = authorizer ? `Cognito authorizer '${authorizer.name}'` : "the Cognito authorizer";
    return {
      ...base,
      answer: ANSWER.unauthorized,
      everyTime: true,
      lambdaInvoked: false,
      because: `${name} needs a token in the ${header} header, which a preflight never carries`,
    };
  }
  if (!authorizer) {
    return {
      ...base,
      answer: "401 or 403",
      everyTime: true,
      lambdaInvoked: false,
      because: `its authorizer ${method.authorizerId ?? "(none)"} could not be read, and a preflight carries no credentials`,
    };
  }
  const missing = authorizer.identitySources.filter((s) => !preflightCarries(s));
  const kind = authorizer.type === "TOKEN" ? "Lambda TOKEN authorizer" : "Lambda REQUEST authorizer";
  if (missing.length > 0) {
    const what = missing.map(describeSource).join(" and ");
    // API_Authorizer.html states the uninvoked 401 for configured REQUEST sources without conditioning it on caching,
    // and the Serverless Framework / serverless-offline threads rely on it at TTL 0 (users clear identitySource so
    // the Lambda runs); no published measurement covers TTL 0, so that case is "likely", not "certain".
    const thin = authorizer.type === "REQUEST" && authorizer.effectiveTtlSeconds === 0;
    return {
      ...base,
      ...(thin ? { confidence: "likely" as const } : {}),
      missingSources: missing,
      answer: ANSWER.unauthorized,
      everyTime: true,
      lambdaInvoked: false,
      because: `${kind} '${authorizer.name}' needs ${what}, which a preflight never carries, so API Gateway answers without invoking the Lambda`,
    };
  }
  if (authorizer.effectiveTtlSeconds === 0) {
    // TTL 0 disables the authorizer cache (API_Authorizer.html, authorizerResultTtlInSeconds), so the Lambda runs on every
    // request: nothing cached can let one preflight through and fail the next. AWS documents the cache, not this
    // consequence; field reports do: the "random" 403s on OPTIONS come from the cache (techresolve.blog, "That Infuriating,
    // Random 403 on Your API Gateway OPTIONS Request", 2026-03-09; https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors),
    // and disabling it makes the authorizer run on every request (serverless/serverless#10168 stops defaulting identitySource
    // for REQUEST authorizers with resultTtlInSeconds 0 so that it does). Whether the Lambda denies a request without
    // credentials is its code's choice, hence "likely".
    return {
      ...base,
      confidence: "likely",
      answer: ANSWER.lambdaDenies,
      everyTime: true,
      lambdaInvoked: true,
      because: `${kind} '${authorizer.name}' takes ${describeSources(authorizer)}, which a preflight can carry, so the Lambda runs on every preflight without credentials, and with TTL 0 nothing is cached: a Lambda that denies a request without credentials denies every preflight, every time`,
    };
  }
  const cache =
    authorizer.effectiveTtlSeconds > 0
      ? `; its decision is cached for ${authorizer.effectiveTtlSeconds} s per identity, so the preflight can pass or fail depending on what was cached before`
      : "";
  const sources = describeSources(authorizer);
  return {
    ...base,
    answer: ANSWER.lambdaDecides,
    everyTime: false,
    lambdaInvoked: true,
    because: `${kind} '${authorizer.name}' takes ${sources}, which a preflight can carry, so the Lambda runs on the preflight without credentials${cache}`,
  };
}

function describeSources(authorizer: AuthorizerModel): string {
  return authorizer.identitySources.length > 0 ? authorizer.identitySources.map(describeSource).join(", ") : "no identity sources";
}

/**
 * A preflight carries the URL (so its query string), the stage's variables and API Gateway's
 * context, but of the headers only the CORS and browser-default ones.
 */
export function preflightCarries(source: IdentitySource): boolean {
  if (source.location === "header") return PREFLIGHT_REQUEST_HEADERS.has(source.name.toLowerCase());
  return source.location === "querystring" || source.location === "stageVariable" || source.location === "context";
}

export function describeSource(source: IdentitySource): string {
  switch (source.location) {
    case "header":
      return `the ${source.name} header`;
    case "querystring":
      return `the query string parameter ${source.name}`;
    case "stageVariable":
      return `the stage variable ${source.name}`;
    case "context":
      return `the context variable ${source.name}`;
    default:
      return source.expression;
  }
}
