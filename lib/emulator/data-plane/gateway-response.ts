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
}

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

  const headers: Record<string, string> = { "Content-Type": "application/json" };
  for (const [key, expression] of Object.entries(effective?.responseParameters ?? {})) {
    const name = key.startsWith("gatewayresponse.header.") ? key.slice("gatewayresponse.header.".length) : undefined;
    if (!name) continue;
    const value = resolveMappingValue(expression, context);
    if (value !== undefined) headers[name] = value;
  }

  const templates = effective?.responseTemplates ?? {};
  const template = templates["application/json"] ?? Object.values(templates)[0] ?? DEFAULT_TEMPLATE;
  return { statusCode: Number.isInteger(statusCode) ? statusCode : defaultStatus, headers, body: substitute(template, error, context) };
}

/** Gateway response templates support simple variable substitution only, no VTL. */
function substitute(template: string, error: GatewayError, context: GatewayResponseContext): string {
  const variables: Record<string, string> = {
    "$context.error.messageString": JSON.stringify(error.message),
    "$context.error.message": error.message ?? "",
    "$context.error.responseType": error.type,
    "$context.requestId": context.requestId,
    "$context.apiId": context.apiId,
    "$context.stage": context.stageName,
  };
  return template.replace(/\$context\.[A-Za-z.]+/g, (token) => {
    // Longest known prefix wins so "$context.error.messageString" is not read as "...message" + "String".
    const known = Object.keys(variables)
      .filter((name) => token.startsWith(name))
      .sort((a, b) => b.length - a.length)[0];
    return known ? `${variables[known]}${token.slice(known.length)}` : token;
  });
}
