import type { AuthorizerFunction, AuthorizerResult } from "../data-plane/authorizer-functions";

/**
 * The seeds' Lambda authorizers, as JavaScript stand-ins. Lambda authorizers reject with the error
 * "Unauthorized", which API Gateway turns into a 401
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-lambda-authorizer-output.html).
 */
function unauthorized(): never {
  // The exact value Lambda authorizers throw/callback with; the data plane maps it to 401.
  throw "Unauthorized";
}

function policy(principalId: string, effect: "Allow" | "Deny", resource: string): AuthorizerResult {
  return {
    principalId,
    policyDocument: { Version: "2012-10-17", Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: resource }] },
    context: { user: principalId },
  };
}

/** "arn:aws:execute-api:r:acct:api/stage/GET/products" → "arn:aws:execute-api:r:acct:api/stage/*\/*". */
export function stageWideArn(methodArn: string): string {
  const [prefix, stage] = methodArn.split("/");
  return `${prefix}/${stage}/*/*`;
}

function tokenOf(raw: string): string {
  return raw.replace(/^Bearer\s+/i, "").trim();
}

/**
 * THE classic bug: the policy allows exactly the called method ARN. With result caching (TTL 300),
 * the next request with the same token to another method reuses this policy and gets a 403.
 */
export const methodScopedTokenAuthorizer: AuthorizerFunction = (event) => {
  if (event.type !== "TOKEN") return unauthorized();
  const token = tokenOf(event.authorizationToken);
  if (token === "deny") return policy("denied-user", "Deny", event.methodArn);
  if (token.startsWith("allow-") && token.length > "allow-".length) return policy(token.slice("allow-".length), "Allow", event.methodArn);
  return unauthorized();
};

/** The fix: one policy for every method of the stage, safe to cache. */
export const stageWideTokenAuthorizer: AuthorizerFunction = (event) => {
  if (event.type !== "TOKEN") return unauthorized();
  const token = tokenOf(event.authorizationToken);
  if (token === "deny") return policy("denied-user", "Deny", stageWideArn(event.methodArn));
  if (token.startsWith("allow-") && token.length > "allow-".length)
    return policy(token.slice("allow-".length), "Allow", stageWideArn(event.methodArn));
  return unauthorized();
};

/** REQUEST authorizer keyed on the X-Session header (`allow-<user>` / `deny`). */
export function sessionRequestAuthorizer(scope: "method" | "stage"): AuthorizerFunction {
  return (event) => {
    if (event.type !== "REQUEST") return unauthorized();
    const header = Object.entries(event.headers).find(([name]) => name.toLowerCase() === "x-session")?.[1] ?? "";
    const resource = scope === "stage" ? stageWideArn(event.methodArn) : event.methodArn;
    if (header === "deny") return policy("denied-user", "Deny", resource);
    if (header.startsWith("allow-") && header.length > "allow-".length) return policy(header.slice("allow-".length), "Allow", resource);
    return unauthorized();
  };
}
