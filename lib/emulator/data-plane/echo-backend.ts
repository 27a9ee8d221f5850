import type { BackendEvent, BackendResult } from "./integration-functions";

/**
 * The default backend for AWS_PROXY, HTTP_PROXY, HTTP and AWS integrations: answers 200 with the
 * request it received as JSON, so tests can see exactly what API Gateway forwarded.
 */
export function echoBackend(event: BackendEvent): BackendResult {
  return { statusCode: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ echo: event }) };
}
