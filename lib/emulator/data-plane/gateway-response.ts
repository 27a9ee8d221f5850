import type { GatewayResponseWire } from "../state";
import type { HttpReply } from "./reply";
import { resolveMappingValue, type MappingSources } from "./mapping-values";

/**
 * Gateway responses: what API Gateway answers when a request fails before or around the integration.
 * Default status codes and the DEFAULT_4XX / DEFAULT_5XX fallbacks are from
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export const GATEWAY_RESPONSE_DEFAULT_STATUS = {
  ACCESS_DENIED: 403,
  API_CONFIGURATION_ERROR: 500,
  AUTHORIZER_CONFIGURATION_ERROR: 500,
  AUTHORIZER_FAILURE: 500,
  BAD_REQUEST_PARAMETERS: 400,
  BAD_REQUEST_BODY: 400,
  EXPIRED_TOKEN: 403,
  INTEGRATION_FAILURE: 504,
  INTEGRATION_TIMEOUT: 504,
  INVALID_API_KEY: 403,
  INVALID_SIGNATURE: 403,
  MISSING_AUTHENTICATION_TOKEN: 403,
  QUOTA_EXCEEDED: 429,
  REQUEST_TOO_LARGE: 413,
  RESOURCE_NOT_FOUND: 404,
  THROTTLED: 429,
  UNAUTHORIZED: 401,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WAF_FILTERED: 403,
} as const;

export type GatewayResponseType = keyof typeof GATEWAY_RESPONSE_DEFAULT_STATUS;

/** A failure the data plane answers with a gateway response; `message` feeds $context.error.message. */
export interface GatewayError {
  type: GatewayResponseType;
  message: string | null;
}

export interface GatewayResponseContext extends MappingSources {
  requestId: string;
  apiId: string;
  stageName: string;
  /** Known once the request is routed: the serving resource and the verb the caller sent. */
  resourcePath?: string;
  resourceId?: string;
  accountId?: string;
}

/**
 * The `x-amzn-ErrorType` header API Gateway sends with each gateway response. Sourced: MissingAuthenticationToken,
 * AccessDenied and InvalidSignature (the 403 table of https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden)
 * and MissingAuthenticationTokenException on a no-route 403 (floci PR #3547, measured in us-west-2). The other
 * names follow the same `<Reason>Exception` convention as AWS's REST error codes and are marked as emulator
 * choices in SPEC.md.
 */
export const GATEWAY_ERROR_TYPE: Record<GatewayResponseType, string> = {
  ACCESS_DENIED: "AccessDeniedException",
  API_CONFIGURATION_ERROR: "InternalServerErrorException",
  AUTHORIZER_CONFIGURATION_ERROR: "AuthorizerConfigurationException",
  AUTHORIZER_FAILURE: "AuthorizerConfigurationException",
  BAD_REQUEST_PARAMETERS: "BadRequestException",
  BAD_REQUEST_BODY: "BadRequestException",
  EXPIRED_TOKEN: "InvalidSignatureException",
  INTEGRATION_FAILURE: "InternalServerErrorException",
  INTEGRATION_TIMEOUT: "InternalServerErrorException",
  INVALID_API_KEY: "ForbiddenException",
  INVALID_SIGNATURE: "InvalidSignatureException",
  MISSING_AUTHENTICATION_TOKEN: "MissingAuthenticationTokenException",
  QUOTA_EXCEEDED: "LimitExceededException",
  REQUEST_TOO_LARGE: "RequestTooLargeException",
  RESOURCE_NOT_FOUND: "NotFoundException",
  THROTTLED: "TooManyRequestsException",
  UNAUTHORIZED: "UnauthorizedException",
  UNSUPPORTED_MEDIA_TYPE: "UnsupportedMediaTypeException",
  WAF_FILTERED: "ForbiddenException",
};

// The body API Gateway sends when a response has no customised template.
const DEFAULT_TEMPLATE = '{"message":$context.error.messageString}';

export function renderGatewayResponse(
  error: GatewayError,
  customised: readonly GatewayResponseWire[],
  context: GatewayResponseContext,
): HttpReply {
  const defaultStatus = GATEWAY_RESPONSE_DEFAULT_STATUS[error.type];
  const family = defaultStatus >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX";
  const specific = customised.find((r) => r.responseType === error.type);
  const fallback = customised.find((r) => r.responseType === family);
  // An uncustomised type takes its family's customisation; a customised one keeps its own.
  const effective = specific ?? fallback;
  const statusCode = Number(specific?.statusCode ?? fallback?.statusCode ?? defaultStatus);

  const headers: Record<string, string> = { "Content-Type": "application/json", "x-amzn-ErrorType": GATEWAY_ERROR_TYPE[error.type] };
  const variables = contextVariables(error, context);
  for (const [key, expression] of Object.entries(effective?.responseParameters ?? {})) {
    const name = key.startsWith("gatewayresponse.header.") ? key.slice("gatewayresponse.header.".length) : undefined;
    if (!name) continue;
    // Header values may also read `context.*` (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html).
    const fromContext = expression.trim().startsWith("context.") ? variables[`$${expression.trim()}`] : undefined;
    const value = fromContext ?? resolveMappingValue(expression, context);
    if (value !== undefined) headers[name] = value;
  }

  const templates = effective?.responseTemplates ?? {};
  const template = templates["application/json"] ?? Object.values(templates)[0] ?? DEFAULT_TEMPLATE;
  return { statusCode: Number.isInteger(statusCode) ? statusCode : defaultStatus, headers, body: substitute(template, variables) };
}

/**
 * The `$context` variables a gateway response can read, from the data-transformation list
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference)
 * as far as the request got: before routing, resource variables are empty strings as on AWS's no-route answers.
 */
function contextVariables(error: GatewayError, context: GatewayResponseContext): Record<string, string> {
  const request = context.request;
  const variables: Record<string, string> = {
    "$context.error.messageString": JSON.stringify(error.message),
    "$context.error.message": error.message ?? "",
    "$context.error.responseType": error.type,
    "$context.error.validationErrorString": "",
    "$context.requestId": context.requestId,
    "$context.extendedRequestId": context.requestId,
    "$context.apiId": context.apiId,
    "$context.stage": context.stageName,
    "$context.accountId": context.accountId ?? "",
    "$context.resourcePath": context.resourcePath ?? "",
    "$context.resourceId": context.resourceId ?? "",
    "$context.httpMethod": request?.httpMethod ?? "",
    "$context.path": request ? `/${context.stageName}${request.path}` : "",
    "$context.protocol": "HTTP/1.1",
    "$context.identity.sourceIp": request?.sourceIp ?? "",
    "$context.identity.userAgent": request?.headers["user-agent"] ?? "",
    "$context.domainName": request?.headers.host ?? "",
  };
  return variables;
}

/** Gateway response templates support simple variable substitution only, no VTL. */
function substitute(template: string, variables: Record<string, string>): string {
  return template.replace(/\$context\.[A-Za-z.]+/g, (token) => {
    // Longest known prefix wins so "$context.error.messageString" is not read as "...message" + "String".
    const known = Object.keys(variables)
      .filter((name) => token.startsWith(name))
      .sort((a, b) => b.length - a.length)[0];
    return known ? `${variables[known]}${token.slice(known.length)}` : token;
  });
}
