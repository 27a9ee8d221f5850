import type { ApiModel, GatewayResponseModel } from "@/lib/model/types";

/**
 * Default status codes of every gateway response type, and null for the two fallbacks.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export const GATEWAY_RESPONSE_DEFAULT_STATUS = {
  ACCESS_DENIED: 403,
  API_CONFIGURATION_ERROR: 500,
  AUTHORIZER_CONFIGURATION_ERROR: 500,
  AUTHORIZER_FAILURE: 500,
  BAD_REQUEST_PARAMETERS: 400,
  BAD_REQUEST_BODY: 400,
  DEFAULT_4XX: null,
  DEFAULT_5XX: null,
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
} as const satisfies Record<string, number | null>;

export type GatewayResponseType = keyof typeof GATEWAY_RESPONSE_DEFAULT_STATUS;

export interface EffectiveGatewayResponse {
  responseType: string;
  /** The response whose configuration applies: the type itself when customised, else its DEFAULT_4XX/5XX family. */
  sourceType: string;
  source?: GatewayResponseModel;
  statusCode: string;
  /** Header name (as configured) → mapping expression. */
  headers: Record<string, string>;
}

/**
 * What API Gateway sends for a response type: a customised type keeps its own settings; an
 * uncustomised one "defaults to the DEFAULT_4XX / DEFAULT_5XX type" by status class (same page).
 * Duplicates the reader's effectiveGatewayResponse until lib/model exports it.
 */
export function effectiveGatewayResponse(model: ApiModel, responseType: string): EffectiveGatewayResponse {
  const find = (type: string) => model.gatewayResponses.find((r) => r.responseType === type);
  const specific = find(responseType);
  const defaultStatus = (GATEWAY_RESPONSE_DEFAULT_STATUS as Record<string, number | null>)[responseType] ?? null;
  const family = responseType === "DEFAULT_5XX" || (defaultStatus !== null && defaultStatus >= 500) ? "DEFAULT_5XX" : "DEFAULT_4XX";
  const fallback = find(family);
  // Uncustomised on both levels: the family is where a fix belongs, so it is reported as the source.
  const source = specific && !specific.isDefault ? specific : (fallback ?? specific);
  const statusCode =
    (specific && !specific.isDefault ? specific.statusCode : undefined) ??
    (fallback && !fallback.isDefault ? fallback.statusCode : undefined) ??
    (defaultStatus !== null ? String(defaultStatus) : family === "DEFAULT_5XX" ? "5XX" : "4XX");
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(source?.responseParameters ?? {})) {
    if (key.toLowerCase().startsWith("gatewayresponse.header.")) headers[key.slice("gatewayresponse.header.".length)] = value;
  }
  return { responseType, sourceType: source?.responseType ?? responseType, ...(source ? { source } : {}), statusCode, headers };
}

export function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase());
}
