import type { ApiModel, GatewayResponseModel } from "@/lib/model/types";
import type { RawGatewayResponse } from "@/lib/model/raw-snapshot";

// Every response type and its default status code (DEFAULT_4XX / DEFAULT_5XX have none); a type that
// is not customised "defaults to the DEFAULT_4XX type" (4xx) or "the DEFAULT_5XX type" (5xx):
// https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
// Duplicated on purpose in lib/emulator/control-plane/gateway-responses.ts: the emulator imports nothing from
// the product, so the two tables are independent statements of the same AWS documentation.
export const GATEWAY_RESPONSE_DEFAULT_STATUS: Readonly<Record<string, string | undefined>> = Object.freeze({
  ACCESS_DENIED: "403",
  API_CONFIGURATION_ERROR: "500",
  AUTHORIZER_CONFIGURATION_ERROR: "500",
  AUTHORIZER_FAILURE: "500",
  BAD_REQUEST_PARAMETERS: "400",
  BAD_REQUEST_BODY: "400",
  DEFAULT_4XX: undefined,
  DEFAULT_5XX: undefined,
  EXPIRED_TOKEN: "403",
  INTEGRATION_FAILURE: "504",
  INTEGRATION_TIMEOUT: "504",
  INVALID_API_KEY: "403",
  INVALID_SIGNATURE: "403",
  MISSING_AUTHENTICATION_TOKEN: "403",
  QUOTA_EXCEEDED: "429",
  REQUEST_TOO_LARGE: "413",
  RESOURCE_NOT_FOUND: "404",
  THROTTLED: "429",
  UNAUTHORIZED: "401",
  UNSUPPORTED_MEDIA_TYPE: "415",
  WAF_FILTERED: "403",
});

export const GATEWAY_RESPONSE_TYPES: readonly string[] = Object.freeze(Object.keys(GATEWAY_RESPONSE_DEFAULT_STATUS).sort());

// The body API Gateway sends for a non-customised response (GatewayResponse defaults:
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-gatewayResponse-definition.html).
const DEFAULT_TEMPLATES: Readonly<Record<string, string>> = Object.freeze({
  "application/json": '{"message":$context.error.messageString}',
});

function sorted(record: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record ?? {}).sort()) out[key] = (record as Record<string, string>)[key] as string;
  return out;
}

export function builtInGatewayResponse(responseType: string): GatewayResponseModel {
  const model: GatewayResponseModel = {
    responseType,
    responseParameters: {},
    responseTemplates: { ...DEFAULT_TEMPLATES },
    isDefault: true,
  };
  const status = GATEWAY_RESPONSE_DEFAULT_STATUS[responseType];
  if (status !== undefined) model.statusCode = status;
  return model;
}

/** The complete list (every known type, plus any unknown type AWS returned), sorted by type. */
export function reshapeGatewayResponses(raw: RawGatewayResponse[]): GatewayResponseModel[] {
  const byType = new Map<string, GatewayResponseModel>();
  for (const type of GATEWAY_RESPONSE_TYPES) byType.set(type, builtInGatewayResponse(type));
  for (const r of raw) {
    if (!r.responseType) continue;
    const model: GatewayResponseModel = {
      responseType: r.responseType,
      responseParameters: sorted(r.responseParameters),
      responseTemplates: sorted(r.responseTemplates),
      // GetGatewayResponses flags built-in entries with defaultResponse: true
      // (https://docs.aws.amazon.com/apigateway/latest/api/API_GatewayResponse.html).
      isDefault: r.defaultResponse ?? false,
    };
    const status = r.statusCode ?? GATEWAY_RESPONSE_DEFAULT_STATUS[r.responseType];
    if (status !== undefined) model.statusCode = status;
    byType.set(r.responseType, model);
  }
  return [...byType.values()].sort((a, b) => a.responseType.localeCompare(b.responseType));
}

export interface EffectiveGatewayResponse {
  responseType: string;
  /** The status code the client sees: the type's own (customised or default). */
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  /** "customised": the type's own customisation; "fallback": DEFAULT_4XX/5XX's; "default": built-in. */
  source: "customised" | "fallback" | "default";
  /** The response type whose parameters and templates apply. */
  appliedFrom: string;
}

/** DEFAULT_4XX for 4xx types, DEFAULT_5XX for 5xx types, undefined for DEFAULT_4XX/5XX themselves. */
export function fallbackTypeFor(responseType: string, statusCode: string | undefined): string | undefined {
  if (responseType === "DEFAULT_4XX" || responseType === "DEFAULT_5XX") return undefined;
  const status = statusCode ?? GATEWAY_RESPONSE_DEFAULT_STATUS[responseType];
  if (status?.startsWith("4")) return "DEFAULT_4XX";
  if (status?.startsWith("5")) return "DEFAULT_5XX";
  return undefined;
}

/**
 * What API Gateway sends for `responseType`: its own customisation if any, else the customised
 * DEFAULT_4XX / DEFAULT_5XX, else the built-in default. Works from the model alone (pure).
 */
export function effectiveGatewayResponse(model: Pick<ApiModel, "gatewayResponses">, responseType: string): EffectiveGatewayResponse {
  const find = (type: string) => model.gatewayResponses.find((r) => r.responseType === type);
  const own = find(responseType) ?? builtInGatewayResponse(responseType);
  const base = { responseType, ...(own.statusCode !== undefined ? { statusCode: own.statusCode } : {}) };
  if (!own.isDefault) {
    return {
      ...base,
      responseParameters: { ...own.responseParameters },
      responseTemplates: { ...own.responseTemplates },
      source: "customised",
      appliedFrom: responseType,
    };
  }
  const fallbackType = fallbackTypeFor(responseType, own.statusCode);
  const fallback = fallbackType ? find(fallbackType) : undefined;
  if (fallbackType && fallback && !fallback.isDefault) {
    return {
      ...base,
      responseParameters: { ...fallback.responseParameters },
      responseTemplates: { ...fallback.responseTemplates },
      source: "fallback",
      appliedFrom: fallbackType,
    };
  }
  return {
    ...base,
    responseParameters: { ...own.responseParameters },
    responseTemplates: { ...own.responseTemplates },
    source: "default",
    appliedFrom: responseType,
  };
}
