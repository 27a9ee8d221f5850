import { effectiveGatewayResponse, fallbackTypeFor } from "@/lib/model/gateway-responses";
import type { ApiModel, GatewayResponseModel } from "@/lib/model/types";

export interface ResponseForFix {
  responseType: string;
  /** Where a fix belongs: the type itself when customised, else its DEFAULT_4XX/5XX family (customised or not). */
  sourceType: string;
  source?: GatewayResponseModel;
  statusCode: string;
  /** Header name (as configured) → mapping expression. */
  headers: Record<string, string>;
}

/**
 * The reader's effectiveGatewayResponse (specific type → DEFAULT_4XX/5XX by status class, per
 * supported-gateway-response-types.html), plus where a fix belongs when nothing is customised: the
 * family, so one change covers every type that falls back to it.
 */
export function responseForFix(model: ApiModel, responseType: string): ResponseForFix {
  const effective = effectiveGatewayResponse(model, responseType);
  const sourceType =
    effective.source === "default" ? (fallbackTypeFor(responseType, effective.statusCode) ?? responseType) : effective.appliedFrom;
  const source = model.gatewayResponses.find((r) => r.responseType === sourceType);
  // A customised family's status code replaces the default of every type that falls back to it.
  const statusCode = (effective.source === "fallback" ? source?.statusCode : undefined) ?? effective.statusCode ?? "4XX";
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(effective.responseParameters)) {
    if (key.toLowerCase().startsWith("gatewayresponse.header.")) headers[key.slice("gatewayresponse.header.".length)] = value;
  }
  return { responseType, sourceType, ...(source ? { source } : {}), statusCode, headers };
}

export function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase());
}
