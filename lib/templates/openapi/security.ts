/**
 * Security schemes and requirements → API Gateway authorizers and each method's authorizationType,
 * authorizerId, authorizationScopes and apiKeyRequired, as API Gateway's import reads them:
 * - `x-amazon-apigateway-authtype` + `x-amazon-apigateway-authorizer` (type token | request | cognito_user_pools)
 *   make an authorizer named after the scheme
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html,
 *   https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authtype.html);
 * - `x-amazon-apigateway-authtype: awsSigv4` is IAM authorization (same authtype page);
 * - a plain `apiKey` scheme (`api_key`, header `x-api-key`) on a method sets apiKeyRequired
 *   (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-key-usage-plan-oas.html);
 * - SAM lists the authorizer and `api_key` as separate requirement objects (`[{Auth: []}, {api_key: []}]`) and
 *   API Gateway applies both, so every scheme named anywhere in an operation's `security` is applied.
 */
import type { RawAuthorizer } from "@/lib/model/raw-snapshot";
import type { ValuePath } from "@/lib/templates/document";
import { elementKey } from "@/lib/templates/types";
import { isRecord, type JsonRecord } from "@/lib/templates/openapi/values";
import { field, gap, keysOf, recordField, textField, textList, type Reading } from "@/lib/templates/openapi/reading";

export type SchemeKind =
  | { kind: "authorizer"; authorizer: RawAuthorizer; authorizationType: "CUSTOM" | "COGNITO_USER_POOLS" }
  | { kind: "iam" }
  | { kind: "apiKey"; unusual?: string }
  | { kind: "unsupported"; reason: string };

export interface SecuritySchemes {
  schemes: Map<string, SchemeKind>;
  authorizers: RawAuthorizer[];
}

const AUTHORIZER_TYPES: Record<string, RawAuthorizer["type"]> = {
  token: "TOKEN",
  request: "REQUEST",
  cognito_user_pools: "COGNITO_USER_POOLS",
};

/** Where the schemes live: `components.securitySchemes` (OpenAPI 3) or `securityDefinitions` (Swagger 2). */
function schemeMaps(reading: Reading, root: JsonRecord): Array<{ map: JsonRecord; path: ValuePath }> {
  const out: Array<{ map: JsonRecord; path: ValuePath }> = [];
  const components = recordField(reading, root, "components");
  const v3 = recordField(reading, components, "securitySchemes");
  if (v3) out.push({ map: v3, path: ["components", "securitySchemes"] });
  // Also read in an OpenAPI 3 document: real definitions mix them (and SAM writes securityDefinitions into
  // OpenAPI 3 bodies only when converting), so a scheme is found wherever the author put it.
  const v2 = recordField(reading, root, "securityDefinitions");
  if (v2) out.push({ map: v2, path: ["securityDefinitions"] });
  return out;
}

function readAuthorizer(reading: Reading, name: string, scheme: JsonRecord, path: ValuePath, authtype: string | undefined): SchemeKind {
  const ext = recordField(reading, scheme, "x-amazon-apigateway-authorizer");
  const extPath = [...path, "x-amazon-apigateway-authorizer"];
  let typeText = textField(reading, ext, "type", extPath)?.toLowerCase();
  // The authorizer's own `type` decides; a scheme that only says authtype cognito_user_pools means that type.
  if (typeText === undefined && authtype === "cognito_user_pools") typeText = "cognito_user_pools";
  const type = typeText === undefined ? undefined : AUTHORIZER_TYPES[typeText];
  if (!type) {
    gap(
      reading,
      extPath,
      `security scheme "${name}": authorizer type "${typeText ?? ""}" is not token, request or cognito_user_pools; not read`,
      "authorizers",
    );
    return { kind: "unsupported", reason: "unknown authorizer type" };
  }
  const authorizer: RawAuthorizer = { id: name, name, type };
  const uri = textField(reading, ext, "authorizerUri", extPath);
  if (uri !== undefined) authorizer.authorizerUri = uri;
  let identitySource = textField(reading, ext, "identitySource", extPath);
  // For TOKEN and Cognito authorizers the token header is the scheme's own `name` (`in: header`) when the
  // authorizer does not say otherwise: the authorizer page's examples declare it only there.
  if (identitySource === undefined && type !== "REQUEST") {
    const headerName = textField(reading, scheme, "name", path);
    const location = textField(reading, scheme, "in", path);
    if (headerName && (location === undefined || location === "header")) identitySource = `method.request.header.${headerName}`;
  }
  if (identitySource !== undefined) authorizer.identitySource = identitySource;
  const validation = textField(reading, ext, "identityValidationExpression", extPath);
  if (validation !== undefined) authorizer.identityValidationExpression = validation;
  const ttl = field(reading, ext, "authorizerResultTtlInSeconds");
  if (ttl !== undefined) {
    const seconds = typeof ttl === "number" ? ttl : typeof ttl === "string" && /^\d+$/.test(ttl) ? Number(ttl) : NaN;
    if (Number.isInteger(seconds) && seconds >= 0) authorizer.authorizerResultTtlInSeconds = seconds;
    else
      gap(
        reading,
        [...extPath, "authorizerResultTtlInSeconds"],
        `security scheme "${name}": authorizerResultTtlInSeconds is not a whole number of seconds`,
        "authorizers",
      );
  }
  const providers = textList(reading, ext, "providerARNs", extPath);
  if (providers) authorizer.providerARNs = providers;
  return { kind: "authorizer", authorizer, authorizationType: type === "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM" };
}

export function readSecuritySchemes(reading: Reading, root: JsonRecord): SecuritySchemes {
  const schemes = new Map<string, SchemeKind>();
  const authorizers: RawAuthorizer[] = [];
  for (const { map, path: mapPath } of schemeMaps(reading, root)) {
    for (const name of keysOf(map)) {
      if (schemes.has(name)) continue;
      const path = [...mapPath, name];
      const scheme = field(reading, map, name);
      if (!isRecord(scheme)) {
        gap(reading, path, `security scheme "${name}" is not an object; not read`, "authorizers");
        schemes.set(name, { kind: "unsupported", reason: "not an object" });
        continue;
      }
      const authtype = textField(reading, scheme, "x-amazon-apigateway-authtype", path)?.toLowerCase();
      const hasAuthorizer = isRecord(field(reading, scheme, "x-amazon-apigateway-authorizer"));
      let kind: SchemeKind;
      if (hasAuthorizer) {
        kind = readAuthorizer(reading, name, scheme, path, authtype);
        if (kind.kind === "authorizer") {
          authorizers.push(kind.authorizer);
          reading.locations[elementKey({ kind: "authorizer", id: name })] = reading.locate(path);
        }
      } else if (authtype === "awssigv4") {
        kind = { kind: "iam" };
      } else if (authtype !== undefined) {
        gap(
          reading,
          path,
          `security scheme "${name}": x-amazon-apigateway-authtype "${authtype}" without an x-amazon-apigateway-authorizer; not read`,
          "authorizers",
        );
        kind = { kind: "unsupported", reason: `authtype ${authtype} without authorizer` };
      } else if (textField(reading, scheme, "type", path) === "apiKey") {
        // API Gateway's documented API key scheme is `type: apiKey, name: x-api-key, in: header`; another header
        // name (a bearer token described as apiKey) is still read as the API key requirement, flagged uncertain.
        const headerName = textField(reading, scheme, "name", path) ?? "";
        const location = textField(reading, scheme, "in", path) ?? "";
        kind =
          headerName.toLowerCase() === "x-api-key" && location === "header"
            ? { kind: "apiKey" }
            : {
                kind: "apiKey",
                unusual: `security scheme "${name}" is an apiKey scheme for ${location || "?"} "${headerName}", not the x-api-key header; read as requiring an API key`,
              };
      } else {
        const type = textField(reading, scheme, "type", path) ?? "";
        kind = { kind: "unsupported", reason: `type "${type}" without API Gateway extensions` };
      }
      schemes.set(name, kind);
    }
  }
  return { schemes, authorizers };
}

export interface MethodSecurity {
  authorizationType: "NONE" | "AWS_IAM" | "CUSTOM" | "COGNITO_USER_POOLS";
  authorizerId?: string;
  authorizationScopes?: string[];
  apiKeyRequired: boolean;
  /** Set when the reading is not certain (shown on the method so findings can lower their confidence). */
  uncertainty?: string;
}

/**
 * One method's security from its requirement list. `fromDocument` says the list is the document-level
 * `security` inherited by an operation without its own.
 */
export function methodSecurity(
  reading: Reading,
  schemes: SecuritySchemes,
  requirements: unknown,
  path: ValuePath,
  where: string,
): MethodSecurity {
  const result: MethodSecurity = { authorizationType: "NONE", apiKeyRequired: false };
  if (requirements === undefined || requirements === null) return result;
  if (!Array.isArray(requirements)) {
    gap(reading, path, `${where}: security is not a list; not read`, "resources");
    result.uncertainty = "its security list could not be read";
    return result;
  }
  const applied: Array<{ name: string; kind: SchemeKind; scopes: string[] }> = [];
  requirements.forEach((raw, index) => {
    const requirement = reading.hooks.resolve(raw);
    if (!isRecord(requirement)) {
      gap(reading, [...path, index], `${where}: security requirement ${index} is not an object; not read`, "resources");
      return;
    }
    for (const name of keysOf(requirement)) {
      const kind = schemes.schemes.get(name);
      if (!kind) {
        // SAM leaves its `NONE` marker (Auth.Authorizer: NONE under a DefaultAuthorizer) in the definition it deploys
        // (samtranslator/swagger/swagger.py `set_path_default_authorizer` keeps `[{NONE: []}]` when nothing else is
        // left), and such APIs deploy: the import ignores a requirement naming no scheme. Read as no authorization.
        if (name === "NONE") continue;
        gap(
          reading,
          [...path, index, name],
          `${where}: security names "${name}", which no security scheme defines; read as adding no authorization`,
        );
        result.uncertainty = `security names an undefined scheme "${name}"`;
        continue;
      }
      const scopes = textList(reading, requirement, name, [...path, index]) ?? [];
      applied.push({ name, kind, scopes });
    }
  });
  result.apiKeyRequired = applied.some((a) => a.kind.kind === "apiKey");
  const unusualKey = applied.find((a) => a.kind.kind === "apiKey" && a.kind.unusual);
  if (unusualKey && unusualKey.kind.kind === "apiKey" && unusualKey.kind.unusual) result.uncertainty = unusualKey.kind.unusual;
  const authorizing = applied.filter((a) => a.kind.kind === "authorizer" || a.kind.kind === "iam");
  const unsupported = applied.filter((a) => a.kind.kind === "unsupported");
  if (unsupported.length > 0) {
    const first = unsupported[0]!;
    gap(
      reading,
      path,
      `${where}: security scheme "${first.name}" has no API Gateway equivalent (${(first.kind as { reason: string }).reason}); API Gateway's import ignores it`,
    );
    result.uncertainty = `security scheme "${first.name}" has no API Gateway equivalent`;
  }
  const distinct = [...new Set(authorizing.map((a) => a.name))];
  if (distinct.length > 1) {
    // A method has one authorizationType and at most one authorizer; which alternative the import keeps is undocumented.
    result.uncertainty = `security lists several authorizers (${distinct.join(", ")}); a method has only one, the first is assumed`;
    gap(reading, path, `${where}: ${result.uncertainty}`);
  }
  const chosen = authorizing[0];
  if (chosen) {
    if (chosen.kind.kind === "iam") {
      result.authorizationType = "AWS_IAM";
    } else if (chosen.kind.kind === "authorizer") {
      result.authorizationType = chosen.kind.authorizationType;
      result.authorizerId = chosen.kind.authorizer.id;
      // Scopes apply to Cognito authorizers only (Method.authorizationScopes, API reference).
      if (chosen.kind.authorizationType === "COGNITO_USER_POOLS" && chosen.scopes.length > 0) result.authorizationScopes = chosen.scopes;
    }
  }
  return result;
}
