import { parse } from "yaml";

/**
 * Reads an OpenAPI 3 or Swagger 2 definition (JSON or YAML; JSON is valid YAML 1.2) into the few
 * parts API Gateway's importer uses, hiding the differences between the two versions.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 */
export type JsonObject = Record<string, unknown>;

export interface OpenApiOperation {
  verb: string;
  operation: JsonObject;
  /** Path-level parameters followed by the operation's own. */
  parameters: JsonObject[];
}

export interface OpenApiDocument {
  version: "swagger2" | "openapi3";
  root: JsonObject;
  title?: string;
  description?: string;
  apiVersion?: string;
  paths: { path: string; operations: OpenApiOperation[] }[];
  securitySchemes: Record<string, JsonObject>;
  rootSecurity?: JsonObject[];
}

export type ParseResult = { ok: true; document: OpenApiDocument } | { ok: false; error: string };

const VERBS: Record<string, string> = {
  get: "GET",
  put: "PUT",
  post: "POST",
  delete: "DELETE",
  options: "OPTIONS",
  head: "HEAD",
  patch: "PATCH",
  "x-amazon-apigateway-any-method": "ANY",
};

export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

export function parseOpenApi(text: string): ParseResult {
  let root: unknown;
  try {
    root = parse(text, { maxAliasCount: 1000 });
  } catch (error) {
    return { ok: false, error: `Invalid OpenAPI input: ${(error as Error).message.split("\n")[0]}` };
  }
  if (!isObject(root)) return { ok: false, error: "Invalid OpenAPI input: the document is not an object" };
  const version =
    typeof root.openapi === "string" && root.openapi.startsWith("3.")
      ? "openapi3"
      : String(root.swagger) === "2.0"
        ? "swagger2"
        : undefined;
  if (!version) return { ok: false, error: "Invalid OpenAPI input: expected 'swagger: \"2.0\"' or 'openapi: 3.x'" };
  if (!isObject(root.paths)) return { ok: false, error: "Invalid OpenAPI input: 'paths' must be an object" };
  const info = isObject(root.info) ? root.info : {};
  const schemes =
    version === "openapi3"
      ? isObject(root.components) && isObject(root.components.securitySchemes)
        ? root.components.securitySchemes
        : {}
      : isObject(root.securityDefinitions)
        ? root.securityDefinitions
        : {};
  const securitySchemes: Record<string, JsonObject> = {};
  for (const [name, scheme] of Object.entries(schemes)) {
    const resolved = resolveRef(root, scheme);
    if (isObject(resolved)) securitySchemes[name] = resolved;
  }
  const paths: OpenApiDocument["paths"] = [];
  for (const [path, item] of Object.entries(root.paths)) {
    if (!path.startsWith("/")) return { ok: false, error: `Invalid OpenAPI input: path '${path}' must start with '/'` };
    if (!isObject(item)) continue;
    const shared = readParameters(root, item.parameters);
    const operations: OpenApiOperation[] = [];
    for (const [key, operation] of Object.entries(item)) {
      const verb = VERBS[key.toLowerCase()];
      if (!verb || !isObject(operation)) continue;
      operations.push({ verb, operation, parameters: [...shared, ...readParameters(root, operation.parameters)] });
    }
    paths.push({ path: path.length > 1 ? path.replace(/\/+$/, "") : path, operations });
  }
  return {
    ok: true,
    document: {
      version,
      root,
      title: typeof info.title === "string" ? info.title : undefined,
      description: typeof info.description === "string" ? info.description : undefined,
      apiVersion: typeof info.version === "string" ? info.version : undefined,
      paths,
      securitySchemes,
      rootSecurity: Array.isArray(root.security) ? root.security.filter(isObject) : undefined,
    },
  };
}

function readParameters(root: JsonObject, value: unknown): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => resolveRef(root, entry)).filter(isObject);
}

/** Resolves a local `$ref` ("#/components/parameters/Id"); anything else is returned unchanged. */
export function resolveRef(root: JsonObject, value: unknown): unknown {
  if (!isObject(value) || typeof value.$ref !== "string" || !value.$ref.startsWith("#/")) return value;
  let current: unknown = root;
  for (const segment of value.$ref.slice(2).split("/")) {
    if (!isObject(current)) return undefined;
    current = current[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return current;
}
