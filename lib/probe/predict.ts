import type { AuthorizerModel, HttpVerb } from "@/lib/model/types";
import { CORS_HEADER_NAMES, type CorsHeaderName, type CorsHeaders, type ProbeKind, type PredictedAnswer } from "./types";
import type { ServedMethod, StageView } from "./stage-view";

/**
 * Preflight's prediction of one probe request, from the model alone, following API Gateway's order for a request:
 * route → resource policy → authorization → API key → integration (lib/emulator/data-plane/handler.ts implements the
 * same order against its SPEC.md). Where the answer depends on something the model cannot know (a Lambda authorizer's
 * code, a backend, a resource policy's conditions), the status is left out and the answer is only recorded.
 */
export interface PredictInput {
  kind: ProbeKind;
  path: string;
  /** The verb the page uses (Access-Control-Request-Method of a preflight). */
  verb: HttpVerb;
  /** The actual request carries a test identity as Authorization. */
  withIdentity: boolean;
}

const ACAO = "Access-Control-Allow-Origin".toLowerCase();

/**
 * The CORS headers of a response mapping (`method.response.header.X` or `gatewayresponse.header.X` → `'value'`), when
 * every one is a static value; undefined when any comes from the backend or a variable.
 */
export function staticCorsHeaders(parameters: Record<string, string>, prefix: string): CorsHeaders | undefined {
  const cors: CorsHeaders = {};
  for (const [key, value] of Object.entries(parameters)) {
    const lower = key.toLowerCase();
    if (!lower.startsWith(prefix)) continue;
    const name = lower.slice(prefix.length);
    if (!(CORS_HEADER_NAMES as readonly string[]).includes(name)) continue;
    const literal = /^'([^']*)'$/.exec(value.trim())?.[1];
    if (literal === undefined) return undefined;
    cors[name as CorsHeaderName] = literal;
  }
  return cors;
}

function gatewayAnswer(view: StageView, responseType: string, status: number, errorType: string, reason: string): PredictedAnswer {
  const effective = view.gatewayResponse(responseType);
  const hasAcao = Object.keys(effective.responseParameters).some((key) => key.toLowerCase() === `gatewayresponse.header.${ACAO}`);
  const cors = staticCorsHeaders(effective.responseParameters, "gatewayresponse.header.");
  return {
    status: effective.statusCode !== undefined && /^\d{3}$/.test(effective.statusCode) ? Number(effective.statusCode) : status,
    errorType,
    allowOrigin: hasAcao ? "present" : "absent",
    ...(cors ? { cors } : {}),
    reason,
  };
}

// The identity a request carries: a browser's preflight never sends credentials (Fetch standard, CORS-preflight
// fetch: "without credentials"), so only a test identity on an actual request sends Authorization. API Gateway answers
// 401 without invoking the function when a TOKEN authorizer's header is missing, and when a REQUEST authorizer's
// identity source is missing, null or empty with caching on; with caching off (TTL 0) the REQUEST authorizer's function
// is invoked and decides (https://repost.aws/knowledge-center/api-gateway-401-error-lambda-authorizer).
function identityMissing(authorizer: AuthorizerModel, withIdentity: boolean): string | undefined {
  if (authorizer.type === "REQUEST" && authorizer.effectiveTtlSeconds <= 0) return undefined;
  for (const source of authorizer.identitySources) {
    if (source.location === "header" && source.name.toLowerCase() === "authorization" && withIdentity) continue;
    if (source.location === "header" || source.location === "querystring") return source.expression;
  }
  return undefined;
}

function authorizationAnswer(view: StageView, served: ServedMethod, input: PredictInput): PredictedAnswer | undefined {
  const where = `${served.httpMethod} ${served.path}`;
  switch (served.authorizationType) {
    case "NONE":
      return undefined;
    case "AWS_IAM":
      // An unsigned request to an IAM-authorized method: 403 Missing Authentication Token
      // (https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden).
      return gatewayAnswer(
        view,
        "MISSING_AUTHENTICATION_TOKEN",
        403,
        "MissingAuthenticationTokenException",
        `${where} uses AWS_IAM and the request is unsigned.`,
      );
    case "COGNITO_USER_POOLS":
      if (input.withIdentity) return { allowOrigin: "unknown", reason: `${where} uses a Cognito authorizer: the test identity decides.` };
      return gatewayAnswer(
        view,
        "UNAUTHORIZED",
        401,
        "UnauthorizedException",
        `${where} uses a Cognito authorizer and the request has no Authorization header.`,
      );
    case "CUSTOM": {
      const authorizer = served.authorizerId ? view.authorizer(served.authorizerId) : undefined;
      if (authorizer) {
        const missing = identityMissing(authorizer, input.withIdentity);
        if (missing)
          return gatewayAnswer(
            view,
            "UNAUTHORIZED",
            401,
            "UnauthorizedException",
            `${where} uses authorizer ${authorizer.name} and the request lacks ${missing}.`,
          );
        const varies = view.varyingAuthorizers.get(authorizer.id);
        return {
          allowOrigin: "unknown",
          reason: `${where} uses authorizer ${authorizer.name}: its Lambda function decides.`,
          ...(varies && authorizer.effectiveTtlSeconds > 0 ? { mayVary: varies } : {}),
        };
      }
      return { allowOrigin: "unknown", reason: `${where} uses a Lambda authorizer the model does not name for stage ${view.stage}.` };
    }
  }
}

function integrationAnswer(served: ServedMethod): PredictedAnswer {
  const where = `${served.httpMethod} ${served.path}`;
  const integration = served.integration;
  if (!integration) return { allowOrigin: "unknown", reason: `${where} has no integration in the model.` };
  if (integration.type !== "MOCK")
    return { allowOrigin: "unknown", reason: `${where} reaches its ${integration.type} backend, which decides.` };
  // A MOCK integration's status is the request template's statusCode, 200 without one
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-mock-integration.html).
  const template = integration.requestTemplates["application/json"] ?? Object.values(integration.requestTemplates)[0];
  const match = template ? /["']?statusCode["']?\s*:\s*["']?(\d{3})/.exec(template.slice(0, 10_000)) : null;
  const status = match?.[1] ?? "200";
  const response =
    integration.integrationResponses.find(
      (r) => r.selectionPattern !== undefined && r.selectionPattern !== "" && safeMatches(r.selectionPattern, status),
    ) ?? integration.integrationResponses.find((r) => !r.selectionPattern);
  if (!response)
    return {
      status: 500,
      errorType: "InternalServerErrorException",
      allowOrigin: "absent",
      reason: `${where} is a MOCK without an integration response for ${status}.`,
    };
  const hasAcao = Object.keys(response.responseParameters).some((key) => key.toLowerCase() === `method.response.header.${ACAO}`);
  const cors = staticCorsHeaders(response.responseParameters, "method.response.header.");
  return {
    status: Number(response.statusCode),
    allowOrigin: hasAcao ? "present" : "absent",
    ...(cors ? { cors } : {}),
    reason: `${where} is a MOCK answering ${response.statusCode}${hasAcao ? " with" : " without"} Access-Control-Allow-Origin.`,
  };
}

// A selection pattern is a regular expression matched against the whole status (Java syntax); a pattern that does not
// compile in JavaScript is treated as not matching rather than guessed. The input is a 3-digit status, so a hostile
// pattern has nothing long to backtrack over.
function safeMatches(pattern: string, status: string): boolean {
  if (pattern.length > 512) return false;
  try {
    return new RegExp(`^(?:${pattern})$`).test(status);
  } catch {
    return false;
  }
}

export function predictAnswer(view: StageView, input: PredictInput): PredictedAnswer {
  const requestVerb: HttpVerb = input.kind === "preflight" ? "OPTIONS" : input.verb;
  const served = view.answer(input.path, requestVerb);
  if (!served)
    return gatewayAnswer(
      view,
      "MISSING_AUTHENTICATION_TOKEN",
      403,
      "MissingAuthenticationTokenException",
      `No method answers ${requestVerb} ${input.path} on stage ${view.stage}.`,
    );
  // Evaluated before the authorizer for every request (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html).
  if (view.hasResourcePolicy)
    return { allowOrigin: "unknown", reason: "The API's resource policy is evaluated first; its conditions decide." };
  const denied = authorizationAnswer(view, served, input);
  if (denied) return denied;
  if (served.apiKeyRequired) {
    if (view.apiKeySource === "AUTHORIZER")
      return { allowOrigin: "unknown", reason: `${served.httpMethod} ${served.path} takes its API key from the authorizer.` };
    // No x-api-key header: 403 Forbidden (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html).
    return gatewayAnswer(
      view,
      "INVALID_API_KEY",
      403,
      "ForbiddenException",
      `${served.httpMethod} ${served.path} requires an API key and a browser sends none.`,
    );
  }
  const method = served.method;
  if (method?.requestValidatorId && Object.values(method.requestParameters).some(Boolean))
    return {
      allowOrigin: "unknown",
      reason: `${served.httpMethod} ${served.path} has a request validator and required parameters the probe does not send.`,
    };
  return integrationAnswer(served);
}
