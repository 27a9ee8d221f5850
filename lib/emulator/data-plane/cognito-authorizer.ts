import type { AuthorizerWire } from "../state";
import { UNAUTHORIZED, type AuthorizationOutcome } from "./authorization-outcome";
import { parseIdentitySource, readIdentitySource, type IdentityInputs } from "./identity-sources";

/**
 * COGNITO_USER_POOLS stand-in. There is no Cognito here, so a token is the documented emulator form
 * `cognito:{userPoolId}:{username}`; it is valid when one of the authorizer's providerARNs ends with
 * `userpool/{userPoolId}`. A missing or invalid token answers 401 Unauthorized, as API Gateway does.
 * https://repost.aws/knowledge-center/api-gateway-cognito-401-unauthorized
 */
export const COGNITO_TOKEN_PREFIX = "cognito:";

export function runCognitoAuthorizer(authorizer: AuthorizerWire, inputs: IdentityInputs): AuthorizationOutcome {
  const source = parseIdentitySource(authorizer.identitySource)[0] ?? "method.request.header.Authorization";
  const raw = readIdentitySource(source, inputs);
  // Clients commonly send "Bearer <token>"; API Gateway accepts the raw token in the header.
  const token = raw?.replace(/^Bearer\s+/i, "");
  if (!token?.startsWith(COGNITO_TOKEN_PREFIX)) return { ok: false, error: UNAUTHORIZED };
  const [poolId, username] = token.slice(COGNITO_TOKEN_PREFIX.length).split(":");
  if (!poolId || !username) return { ok: false, error: UNAUTHORIZED };
  const known = (authorizer.providerARNs ?? []).some((arn) => arn.endsWith(`userpool/${poolId}`));
  if (!known) return { ok: false, error: UNAUTHORIZED };
  return { ok: true, principal: { claims: { "cognito:username": username, iss: `cognito-idp/${poolId}` } } };
}
