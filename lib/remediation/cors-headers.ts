import type { CorsHeaders } from "@/lib/remediation/intents";

/** Header name → literal value (unquoted) for a preflight answer, in a stable order. */
export function corsHeaderValues(cors: CorsHeaders): Array<[string, string]> {
  if (!cors.allowOrigin) throw new Error("A CORS fix needs an allowOrigin value.");
  if (cors.allowMethods.length === 0) throw new Error("A CORS preflight fix needs at least one allowed method.");
  const headers: Array<[string, string]> = [
    ["Access-Control-Allow-Origin", cors.allowOrigin],
    ["Access-Control-Allow-Methods", cors.allowMethods.join(",")],
  ];
  if (cors.allowHeaders.length > 0) headers.push(["Access-Control-Allow-Headers", cors.allowHeaders.join(",")]);
  if (cors.allowCredentials) headers.push(["Access-Control-Allow-Credentials", "true"]);
  if (cors.maxAgeSeconds !== undefined) headers.push(["Access-Control-Max-Age", String(cors.maxAgeSeconds)]);
  return headers;
}

/**
 * A static value in an API Gateway mapping expression is single-quoted: "'*'".
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
 */
export function staticMappingValue(value: string): string {
  if (value.includes("'")) throw new Error(`A static header value cannot contain a single quote: ${value}`);
  return `'${value}'`;
}

export const METHOD_RESPONSE_HEADER = "method.response.header.";
/** The method/integration response parameter key of Access-Control-Allow-Origin. */
export const ALLOW_ORIGIN_KEY = `${METHOD_RESPONSE_HEADER}Access-Control-Allow-Origin`;

/** The stored key of a response parameter, whatever its case (header names are case-insensitive). */
export function storedKey(parameters: Record<string, unknown>, key: string): string | undefined {
  return Object.keys(parameters).find((candidate) => candidate.toLowerCase() === key.toLowerCase());
}
export const GATEWAY_RESPONSE_HEADER = "gatewayresponse.header.";

/** The MOCK integration's request template that makes API Gateway answer with the 200 integration response. */
export const MOCK_REQUEST_TEMPLATE = '{"statusCode": 200}';
