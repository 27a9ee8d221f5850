import type { IncomingRequest } from "./incoming-request";

/** What a response-parameter mapping expression can read. */
export interface MappingSources {
  request?: IncomingRequest;
  pathParameters?: Record<string, string>;
  stageVariables?: Record<string, string>;
  integrationHeaders?: Record<string, string>;
  /** `$context` variables by name without the prefix, e.g. "requestId". */
  context?: Record<string, string>;
}

/**
 * Resolves one mapping value: a static value in single quotes, or a reference to the method request,
 * stage variables or the integration response. Unresolvable references yield undefined (the header is
 * then omitted, as API Gateway does for an absent source).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
export function resolveMappingValue(expression: string, sources: MappingSources): string | undefined {
  const trimmed = expression.trim();
  if (trimmed.length >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) return trimmed.slice(1, -1);
  const [prefix, name] = splitReference(trimmed);
  if (name === undefined) return undefined;
  switch (prefix) {
    case "method.request.header":
      return sources.request?.headers[name.toLowerCase()];
    case "method.request.multivalueheader":
      return sources.request?.multiValueHeaders[name.toLowerCase()]?.join(",");
    case "method.request.querystring":
      return sources.request?.queryStringParameters[name];
    case "method.request.multivaluequerystring":
      return sources.request?.multiValueQueryStringParameters[name]?.join(",");
    case "method.request.path":
      return sources.pathParameters?.[name];
    case "stageVariables":
      return sources.stageVariables?.[name];
    case "integration.response.header":
      return findHeader(sources.integrationHeaders, name);
    default:
      return undefined;
  }
}

function splitReference(expression: string): [string, string | undefined] {
  for (const prefix of [
    "method.request.multivalueheader",
    "method.request.header",
    "method.request.multivaluequerystring",
    "method.request.querystring",
    "method.request.path",
    "stageVariables",
    "integration.response.header",
  ]) {
    if (expression.startsWith(`${prefix}.`)) return [prefix, expression.slice(prefix.length + 1)];
  }
  return [expression, undefined];
}

function findHeader(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}
