import type { GatewayError } from "./gateway-response";

/** Who the authorizer says the caller is; feeds the integration's requestContext.authorizer. */
export interface AuthorizedPrincipal {
  principalId?: string;
  context?: Record<string, string | number | boolean>;
  /** API key returned by a Lambda authorizer, used when the API's apiKeySource is AUTHORIZER. */
  usageIdentifierKey?: string;
  claims?: Record<string, string>;
}

export type AuthorizationOutcome = { ok: true; principal: AuthorizedPrincipal } | { ok: false; error: GatewayError };

export const UNAUTHORIZED: GatewayError = { type: "UNAUTHORIZED", message: "Unauthorized" };
