import { badRequest, notFound } from "../errors";
import type { GatewayResponseWire, RestApiState } from "../state";
import type { Scope } from "../store";
import { checkStatusCode } from "./method-responses";
import { requireApi } from "./lookup";
import { applyPatch, type PatchOperation } from "./patch";
import { deepCopy, optString, optStringMap } from "./validate";

/**
 * Gateway responses: every type exists; the ones an API never customised are generated defaults.
 * Types and default status codes:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 * Duplicated on purpose in lib/model/gateway-responses.ts: the emulator stands in for AWS and imports nothing
 * from the product, so the model's table is checked against an independent one, not against itself.
 */
export const GATEWAY_RESPONSE_DEFAULT_STATUS: Readonly<Record<string, string | undefined>> = {
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
};

export const GATEWAY_RESPONSE_TYPES = Object.keys(GATEWAY_RESPONSE_DEFAULT_STATUS);

/** The body template API Gateway generates for its default responses. */
export const DEFAULT_GATEWAY_RESPONSE_TEMPLATE = '{"message":$context.error.messageString}';

function requireType(responseType: string): void {
  if (!GATEWAY_RESPONSE_TYPES.includes(responseType)) {
    throw badRequest(`Invalid gateway response type specified: ${responseType}. Valid values are: ${GATEWAY_RESPONSE_TYPES.join(", ")}`);
  }
}

export function defaultGatewayResponse(responseType: string): GatewayResponseWire {
  const statusCode = GATEWAY_RESPONSE_DEFAULT_STATUS[responseType];
  return {
    responseType,
    ...(statusCode ? { statusCode } : {}),
    responseParameters: {},
    responseTemplates: { "application/json": DEFAULT_GATEWAY_RESPONSE_TEMPLATE },
    defaultResponse: true,
  };
}

/** Customised responses merged over the defaults, in the documented order. */
export function effectiveGatewayResponses(customised: Iterable<GatewayResponseWire>): GatewayResponseWire[] {
  const byType = new Map([...customised].map((response) => [response.responseType, response]));
  return GATEWAY_RESPONSE_TYPES.map((type) => deepCopy(byType.get(type) ?? defaultGatewayResponse(type)));
}

export function getGatewayResponses(scope: Scope, restApiId: string): GatewayResponseWire[] {
  return effectiveGatewayResponses(requireApi(scope, restApiId).gatewayResponses.values());
}

export function getGatewayResponse(scope: Scope, restApiId: string, responseType: string): GatewayResponseWire {
  const api = requireApi(scope, restApiId);
  requireType(responseType);
  return deepCopy(api.gatewayResponses.get(responseType) ?? defaultGatewayResponse(responseType));
}

export interface PutGatewayResponseInput {
  statusCode?: unknown;
  responseParameters?: unknown;
  responseTemplates?: unknown;
}

export function putGatewayResponse(
  scope: Scope,
  restApiId: string,
  responseType: string,
  input: PutGatewayResponseInput,
): GatewayResponseWire {
  const api = requireApi(scope, restApiId);
  requireType(responseType);
  const statusCode = optString(input.statusCode, "statusCode");
  if (statusCode !== undefined) checkStatusCode(statusCode);
  const response: GatewayResponseWire = {
    responseType,
    ...(statusCode ? { statusCode } : {}),
    responseParameters: optStringMap(input.responseParameters, "responseParameters") ?? {},
    responseTemplates: optStringMap(input.responseTemplates, "responseTemplates") ?? {},
    defaultResponse: false,
  };
  validateParameters(response);
  api.gatewayResponses.set(responseType, response);
  return deepCopy(response);
}

function validateParameters(response: GatewayResponseWire): void {
  for (const key of Object.keys(response.responseParameters ?? {})) {
    if (!/^gatewayresponse\.(header|querystring|path)\.[^\s]+$/.test(key)) {
      throw badRequest(
        `Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: ${key}]`,
      );
    }
  }
}

/** Updating a default response customises it (AWS starts from the generated default). */
export function updateGatewayResponse(
  scope: Scope,
  restApiId: string,
  responseType: string,
  operations: PatchOperation[],
): GatewayResponseWire {
  const api = requireApi(scope, restApiId);
  requireType(responseType);
  const draft = deepCopy(api.gatewayResponses.get(responseType) ?? defaultGatewayResponse(responseType)) as unknown as Record<
    string,
    unknown
  >;
  applyPatch(draft, operations, {
    statusCode: { kind: "string", removable: true },
    responseParameters: { kind: "stringMap" },
    responseTemplates: { kind: "stringMap" },
  });
  const updated = { ...(draft as unknown as GatewayResponseWire), defaultResponse: false };
  if (updated.statusCode !== undefined) checkStatusCode(updated.statusCode);
  updated.responseParameters ??= {};
  updated.responseTemplates ??= {};
  validateParameters(updated);
  api.gatewayResponses.set(responseType, updated);
  return deepCopy(updated);
}

export function deleteGatewayResponse(scope: Scope, restApiId: string, responseType: string): void {
  const api: RestApiState = requireApi(scope, restApiId);
  requireType(responseType);
  if (!api.gatewayResponses.delete(responseType)) throw notFound("Invalid Gateway Response identifier specified");
}
