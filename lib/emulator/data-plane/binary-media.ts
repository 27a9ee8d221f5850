import type { MethodWire } from "../state";
import type { IncomingRequest } from "./incoming-request";

/**
 * Binary media types and a MOCK integration. API Gateway treats a request as binary when its
 * Content-Type (request side) or its first Accept media type (response side) matches the API's
 * binaryMediaTypes (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html:
 * "API Gateway only takes the first Accept media type"). A MOCK integration then has a binary payload to
 * run its mapping template on and fails with "Execution failed due to configuration error: Unable to
 * transform request" → 500 API_CONFIGURATION_ERROR, unless contentHandling is CONVERT_TO_TEXT on the
 * integration or its integration response. AWS does not document that failure; the field reports do
 * (aws/serverless-application-model#553 with the execution log, aws/chalice#1310,
 * squidfunk/terraform-aws-api-gateway-enable-cors#10). `*\/*` matches every request, a preflight without
 * Content-Type included, which is how those reports meet it.
 */
export function mockFailsOnBinary(method: MethodWire, request: IncomingRequest, binaryMediaTypes: readonly string[] | undefined): boolean {
  const integration = method.methodIntegration;
  if (integration?.type !== "MOCK" || !binaryMediaTypes || binaryMediaTypes.length === 0) return false;
  if (integration.contentHandling === "CONVERT_TO_TEXT") return false;
  if (Object.values(integration.integrationResponses ?? {}).some((r) => r.contentHandling === "CONVERT_TO_TEXT")) return false;
  const contentType = request.headers["content-type"]?.split(";")[0]?.trim();
  const firstAccept = request.headers["accept"]?.split(",")[0]?.split(";")[0]?.trim();
  return binaryMediaTypes.some(
    (pattern) =>
      pattern.trim() === "*/*" ||
      [contentType, firstAccept].some((type) => type !== undefined && type !== "" && mediaTypeMatches(pattern, type)),
  );
}

/** "image/*" matches "image/png"; a literal entry matches itself, case-insensitively. */
export function mediaTypeMatches(pattern: string, mediaType: string): boolean {
  const [pType = "", pSub = ""] = pattern.trim().toLowerCase().split("/");
  const [type = "", sub = ""] = mediaType.trim().toLowerCase().split("/");
  return (pType === "*" || pType === type) && (pSub === "*" || pSub === sub);
}
