import type { ApiKeyState } from "../state";
import type { IncomingRequest } from "./incoming-request";
import type { AuthorizedPrincipal } from "./authorization-outcome";
import type { GatewayError } from "./gateway-response";

/**
 * apiKeyRequired: the key comes from the `x-api-key` header (apiKeySource HEADER) or from the Lambda
 * authorizer's usageIdentifierKey (AUTHORIZER), so it is checked after authorization. A missing,
 * unknown or disabled key answers 403 {"message":"Forbidden"} (gateway response INVALID_API_KEY).
 * The emulator has no usage plans: any enabled key of the account and region is accepted.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html
 */
export const INVALID_API_KEY: GatewayError = { type: "INVALID_API_KEY", message: "Forbidden" };

export function checkApiKey(
  apiKeySource: "HEADER" | "AUTHORIZER",
  request: IncomingRequest,
  principal: AuthorizedPrincipal | undefined,
  keys: Iterable<ApiKeyState>,
): GatewayError | undefined {
  const presented = apiKeySource === "AUTHORIZER" ? principal?.usageIdentifierKey : request.headers["x-api-key"];
  if (!presented) return INVALID_API_KEY;
  for (const key of keys) if (key.enabled && key.value === presented) return undefined;
  return INVALID_API_KEY;
}
