import type { IncomingRequest } from "./incoming-request";

/** What identity-source expressions of a REQUEST authorizer can read. */
export interface IdentityInputs {
  request: IncomingRequest;
  stageVariables: Record<string, string>;
  context: Record<string, string>;
}

/** Splits an authorizer's comma-separated `identitySource` into its mapping expressions. */
export function parseIdentitySource(identitySource: string | undefined): string[] {
  return (identitySource ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * Reads one identity source (`method.request.header.X`, `method.request.querystring.X`,
 * `method.request.multivalueheader.X`, `method.request.multivaluequerystring.X`, `stageVariables.X`,
 * `context.X`). Undefined means absent; REQUEST authorizers also reject empty values.
 * https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html (identitySource)
 */
export function readIdentitySource(expression: string, inputs: IdentityInputs): string | undefined {
  const { request } = inputs;
  const after = (prefix: string) => (expression.startsWith(prefix) ? expression.slice(prefix.length) : undefined);
  let name: string | undefined;
  if ((name = after("method.request.header.")) !== undefined) return request.headers[name.toLowerCase()];
  if ((name = after("method.request.multivalueheader.")) !== undefined) return request.multiValueHeaders[name.toLowerCase()]?.join(",");
  if ((name = after("method.request.querystring.")) !== undefined) return request.queryStringParameters[name];
  if ((name = after("method.request.multivaluequerystring.")) !== undefined)
    return request.multiValueQueryStringParameters[name]?.join(",");
  if ((name = after("stageVariables.")) !== undefined) return inputs.stageVariables[name];
  if ((name = after("context.")) !== undefined) return inputs.context[name];
  return undefined;
}
