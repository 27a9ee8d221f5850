/**
 * Is this value an OpenAPI definition? `openapi: 3.x` (OpenAPI 3) or `swagger: "2.0"` (Swagger 2): the two
 * versions API Gateway imports (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-import-api.html).
 */
import { isRecord } from "@/lib/templates/openapi/values";

export function openApiVersion(value: unknown): "2" | "3" | undefined {
  if (!isRecord(value)) return undefined;
  const openapi = value.openapi;
  if (typeof openapi === "string" && /^3\.\d+(\.\d+)?$/.test(openapi.trim())) return "3";
  const swagger = value.swagger;
  // YAML 1.1 reads an unquoted `swagger: 2.0` as the number 2.
  if (swagger === "2.0" || swagger === 2) return "2";
  return undefined;
}

export function isOpenApiDefinition(value: unknown): boolean {
  return openApiVersion(value) !== undefined;
}
