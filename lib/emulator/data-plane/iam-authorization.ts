import type { IncomingRequest } from "./incoming-request";
import type { AuthorizationOutcome } from "./authorization-outcome";

/**
 * AWS_IAM stand-in. Without credentials to verify against, the emulator checks only the shape of the
 * request: no Authorization header answers 403 "Missing Authentication Token" (the response AWS
 * gives unsigned requests to IAM-protected methods); a SigV4-shaped header is accepted; any other
 * Authorization value is rejected with AWS's SigV4 parse error (AWS labels it
 * IncompleteSignatureException, which has no gateway response type of its own; we use INVALID_SIGNATURE,
 * the 403 type for signature failures).
 * https://repost.aws/knowledge-center/api-gateway-authentication-token-errors
 */
const SIGV4 = /^AWS4-HMAC-SHA256\s+Credential=[^,\s]+,\s*SignedHeaders=[^,\s]+,\s*Signature=[0-9a-f]+$/i;

export function checkIamSignature(request: IncomingRequest): AuthorizationOutcome {
  const authorization = request.headers.authorization;
  if (!authorization) return { ok: false, error: { type: "MISSING_AUTHENTICATION_TOKEN", message: "Missing Authentication Token" } };
  if (!SIGV4.test(authorization.trim())) {
    const firstPair = authorization.trim().split(/\s+/)[1] ?? authorization.trim();
    return {
      ok: false,
      error: {
        type: "INVALID_SIGNATURE",
        message: `'${firstPair}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
      },
    };
  }
  const credential = /Credential=([^/,\s]+)/i.exec(authorization)?.[1];
  return { ok: true, principal: { principalId: credential } };
}
