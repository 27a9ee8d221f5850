import { createAuthorizer, updateAuthorizer } from "../control-plane/authorizers";
import type { PatchOperation } from "../control-plane/patch";
import { ApiError, badRequest } from "../errors";
import type { AuthorizerWire } from "../state";
import type { Scope } from "../store";
import { isObject, type JsonObject, type OpenApiDocument } from "./openapi-document";

/**
 * Security schemes → authorizers, and a security requirement → a method's authorization.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authtype.html
 */
export interface MethodAuthorization {
  authorizationType: "NONE" | "AWS_IAM" | "CUSTOM" | "COGNITO_USER_POOLS";
  authorizerId?: string;
  apiKeyRequired: boolean;
  authorizationScopes?: string[];
}

const TYPES: Record<string, AuthorizerWire["type"]> = { token: "TOKEN", request: "REQUEST", cognito_user_pools: "COGNITO_USER_POOLS" };

/** Creates (or, when merging, updates by name) one authorizer per scheme with the extension. */
export function importAuthorizers(
  scope: Scope,
  apiId: string,
  document: OpenApiDocument,
  existing: AuthorizerWire[],
): Map<string, AuthorizerWire> {
  const byScheme = new Map<string, AuthorizerWire>();
  for (const [name, scheme] of Object.entries(document.securitySchemes)) {
    const extension = scheme["x-amazon-apigateway-authorizer"];
    if (!isObject(extension)) continue;
    const type = TYPES[String(extension.type ?? "token").toLowerCase()];
    if (!type)
      throw badRequest(`Invalid OpenAPI input: unsupported authorizer type '${String(extension.type)}' in security scheme ${name}`);
    const header = typeof scheme.name === "string" && scheme.in === "header" ? scheme.name : undefined;
    const input = {
      name,
      type,
      authorizerUri: extension.authorizerUri,
      authorizerCredentials: extension.authorizerCredentials,
      // A TOKEN authorizer's identity source defaults to the scheme's header.
      identitySource: extension.identitySource ?? (header ? `method.request.header.${header}` : undefined),
      identityValidationExpression: extension.identityValidationExpression,
      authorizerResultTtlInSeconds: extension.authorizerResultTtlInSeconds,
      providerARNs: extension.providerARNs,
      authType: scheme["x-amazon-apigateway-authtype"],
    };
    const previous = existing.find((authorizer) => authorizer.name === name);
    try {
      byScheme.set(name, previous ? replaceAuthorizer(scope, apiId, previous, input) : createAuthorizer(scope, apiId, input));
    } catch (error) {
      throw ApiError.is(error) ? badRequest(`Errors found during import: Unable to create authorizer '${name}': ${error.message}`) : error;
    }
  }
  return byScheme;
}

function replaceAuthorizer(scope: Scope, apiId: string, previous: AuthorizerWire, input: Record<string, unknown>): AuthorizerWire {
  const operations: PatchOperation[] = [];
  for (const field of ["authorizerUri", "authorizerCredentials", "identitySource", "identityValidationExpression", "authType"] as const) {
    const value = input[field];
    if (typeof value === "string") operations.push({ op: "replace", path: `/${field}`, value });
    else if (previous[field] !== undefined) operations.push({ op: "remove", path: `/${field}` });
  }
  if (input.authorizerResultTtlInSeconds !== undefined) {
    operations.push({ op: "replace", path: "/authorizerResultTtlInSeconds", value: String(input.authorizerResultTtlInSeconds) });
  }
  return updateAuthorizer(scope, apiId, previous.id, operations);
}

/** `security` of the operation, else the document's; `[]` (or none) means no authorization. */
export function methodAuthorization(
  document: OpenApiDocument,
  security: JsonObject[] | undefined,
  authorizers: Map<string, AuthorizerWire>,
  warnings: string[],
  where: string,
): MethodAuthorization {
  const result: MethodAuthorization = { authorizationType: "NONE", apiKeyRequired: false };
  for (const requirement of security ?? document.rootSecurity ?? []) {
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = document.securitySchemes[name];
      const authorizer = authorizers.get(name);
      if (authorizer) {
        result.authorizationType = authorizer.type === "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM";
        result.authorizerId = authorizer.id;
        if (authorizer.type === "COGNITO_USER_POOLS" && Array.isArray(scopes) && scopes.length > 0) {
          result.authorizationScopes = scopes.filter((entry): entry is string => typeof entry === "string");
        }
      } else if (scheme && String(scheme["x-amazon-apigateway-authtype"]).toLowerCase() === "awssigv4") {
        result.authorizationType = "AWS_IAM";
      } else if (scheme && scheme.type === "apiKey" && scheme.in === "header" && String(scheme.name).toLowerCase() === "x-api-key") {
        result.apiKeyRequired = true;
      } else {
        warnings.push(`${where}: security scheme '${name}' is not supported by API Gateway and was ignored`);
      }
    }
  }
  return result;
}
