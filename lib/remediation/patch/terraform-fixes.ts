/**
 * Fix intents as edits of Terraform configuration: attributes of the existing `aws_api_gateway_*` blocks are
 * replaced line for line, and new blocks reference the existing REST API by its address. Everything written from
 * the model is a Terraform string literal (`hclString`) or an identifier checked against Terraform's syntax.
 */
import type { SourcePosition, TemplateSource } from "@/lib/audit/source";
import { elementKey } from "@/lib/audit/element-key";
import type { FixIntent } from "@/lib/remediation/intents";
import { alignAttributes, hclIdentifier, offsetOf, scanBlock, type HclBlockRange } from "@/lib/remediation/patch/hcl-text";
import { hclString } from "@/lib/remediation/formats/literals/hcl";
import { corsHeaderValues, MOCK_REQUEST_TEMPLATE } from "@/lib/remediation/cors-headers";
import type { TextEdit } from "@/lib/remediation/patch/yaml-edits";

export interface TerraformOutcome {
  edits: Array<{ file: string; edit: TextEdit }>;
  note?: string;
}

function blockAt(
  readFile: (path: string) => string | undefined,
  position: SourcePosition | undefined,
): { file: string; text: string; block: HclBlockRange } | undefined {
  if (!position) return undefined;
  const text = readFile(position.file);
  if (text === undefined) return undefined;
  const start = offsetOf(text, position.line, position.column);
  const block = start === undefined ? undefined : scanBlock(text, start);
  return block ? { file: position.file, text, block } : undefined;
}

/** How new blocks refer to the API: `aws_api_gateway_rest_api.NAME.id`, or the module's `var.NAME` holding its id. */
function restApiReference(apiName: string): string | undefined {
  if (/^aws_api_gateway_rest_api\.[A-Za-z_][A-Za-z0-9_-]*$/.test(apiName)) return `${apiName}.id`;
  const variable = /^\$\{(var\.[A-Za-z_][A-Za-z0-9_-]*)\}$/.exec(apiName);
  return variable?.[1];
}

/** Replace the attribute's lines, or insert it before the block's closing brace. */
function setAttribute(
  file: string,
  text: string,
  block: HclBlockRange,
  name: string,
  literal: string,
): Array<{ file: string; edit: TextEdit }> {
  const existing = block.attributes.find((attribute) => attribute.name === name);
  const line = `${block.indent}${name} = ${literal}\n`;
  if (existing) {
    if (existing.value === literal) return [];
    // Keep the line's own `name   =` (its alignment with the attributes around it); only the value changes.
    const prefix = /^[ \t]*[A-Za-z_][A-Za-z0-9_-]*[ \t]*=[ \t]*/.exec(text.slice(existing.lineStart, existing.end))?.[0];
    return [{ file, edit: { start: existing.lineStart, end: existing.end, text: prefix ? `${prefix}${literal}\n` : line } }];
  }
  const at = text.lastIndexOf("\n", block.close - 1) + 1;
  return [{ file, edit: { start: at, end: at, text: line } }];
}

function removeAttribute(file: string, block: HclBlockRange, name: string): Array<{ file: string; edit: TextEdit }> {
  const existing = block.attributes.find((attribute) => attribute.name === name);
  return existing ? [{ file, edit: { start: existing.lineStart, end: existing.end, text: "" } }] : [];
}

function gatewayResponseHeaders(intent: Extract<FixIntent, { kind: "add-gateway-response-cors" }>): Array<[string, string]> {
  const headers: Array<[string, string]> = [[`gatewayresponse.header.Access-Control-Allow-Origin`, `'${intent.allowOrigin}'`]];
  if (intent.allowHeaders.length > 0)
    headers.push([`gatewayresponse.header.Access-Control-Allow-Headers`, `'${intent.allowHeaders.join(",")}'`]);
  if (intent.allowMethods && intent.allowMethods.length > 0)
    headers.push([`gatewayresponse.header.Access-Control-Allow-Methods`, `'${intent.allowMethods.join(",")}'`]);
  return headers;
}

export function terraformChangeFor(
  source: TemplateSource,
  intent: FixIntent,
  readFile: (path: string) => string | undefined,
  taken: Set<string>,
): TerraformOutcome {
  switch (intent.kind) {
    case "set-method-authorization":
    case "set-method-api-key-required": {
      const at = blockAt(readFile, source.locations[elementKey({ kind: "method", path: intent.path, httpMethod: intent.httpMethod })]);
      if (!at || !/^resource\s+"aws_api_gateway_method"/.test(at.text.slice(at.block.start, at.block.open)))
        return { edits: [], note: `${intent.httpMethod} ${intent.path}: its aws_api_gateway_method block is not located` };
      // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method
      if (intent.kind === "set-method-api-key-required")
        return { edits: setAttribute(at.file, at.text, at.block, "api_key_required", String(intent.value)) };
      return {
        edits: [
          ...setAttribute(at.file, at.text, at.block, "authorization", hclString(intent.to)),
          ...removeAttribute(at.file, at.block, "authorizer_id"),
          ...removeAttribute(at.file, at.block, "authorization_scopes"),
        ],
      };
    }
    case "add-gateway-response-cors": {
      const headers = gatewayResponseHeaders(intent);
      const existing = blockAt(readFile, source.locations[elementKey({ kind: "gatewayResponse", responseType: intent.responseType })]);
      if (
        existing &&
        /^resource\s+"aws_api_gateway_gateway_response"/.test(existing.text.slice(existing.block.start, existing.block.open))
      ) {
        const parameters = existing.block.attributes.find((attribute) => attribute.name === "response_parameters");
        if (parameters)
          return {
            edits: [],
            note: `gateway response ${intent.responseType}: add ${headers.map(([name]) => name).join(", ")} to its response_parameters`,
          };
        const map = `{\n${headers.map(([name, value]) => `${existing.block.indent}  ${hclString(name)} = ${hclString(value)}\n`).join("")}${existing.block.indent}}`;
        return { edits: setAttribute(existing.file, existing.text, existing.block, "response_parameters", map) };
      }
      const reference = restApiReference(source.apiName);
      const file = source.locations.api?.file ?? source.files[0];
      const text = file === undefined ? undefined : readFile(file);
      if (!reference || file === undefined || text === undefined)
        return {
          edits: [],
          note: `gateway response ${intent.responseType}: the REST API's address (${source.apiName}) cannot be referenced from a new block`,
        };
      let name = hclIdentifier(`cors_${intent.responseType.toLowerCase()}`);
      for (let n = 2; taken.has(name) || text.includes(`"aws_api_gateway_gateway_response" "${name}"`); n++)
        name = hclIdentifier(`cors_${intent.responseType.toLowerCase()}_${n}`);
      taken.add(name);
      // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_gateway_response
      const block = [
        "",
        `resource "aws_api_gateway_gateway_response" "${name}" {`,
        `  rest_api_id   = ${reference}`,
        `  response_type = ${hclString(intent.responseType)}`,
        ...(intent.statusCode ? [`  status_code   = ${hclString(intent.statusCode)}`] : []),
        "",
        "  response_parameters = {",
        ...headers.map(([header, value]) => `    ${hclString(header)} = ${hclString(value)}`),
        "  }",
        "}",
        "",
      ];
      return {
        edits: [
          {
            file,
            edit: {
              start: text.length,
              end: text.length,
              text: (text.endsWith("\n") || text === "" ? "" : "\n") + alignAttributes(block).join("\n"),
            },
          },
        ],
      };
    }
    case "add-cors-preflight":
      return terraformPreflight(source, intent, readFile, taken);
    case "add-method-response-cors-origin":
      return terraformResponseHeaders(
        source,
        intent.path,
        intent.httpMethod,
        intent.statusCode,
        [["Access-Control-Allow-Origin", intent.allowOrigin]],
        readFile,
      );
    case "set-preflight-headers": {
      const headers: Array<[string, string]> = [["Access-Control-Allow-Origin", intent.allowOrigin]];
      if (intent.allowMethods.length > 0) headers.push(["Access-Control-Allow-Methods", intent.allowMethods.join(",")]);
      if (intent.allowHeaders.length > 0) headers.push(["Access-Control-Allow-Headers", intent.allowHeaders.join(",")]);
      if (intent.allowCredentials) headers.push(["Access-Control-Allow-Credentials", "true"]);
      if (intent.maxAgeSeconds !== undefined) headers.push(["Access-Control-Max-Age", String(intent.maxAgeSeconds)]);
      return terraformResponseHeaders(source, intent.path, "OPTIONS", intent.statusCode, headers, readFile);
    }
    case "redeploy-stage":
      // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_deployment (triggers)
      return {
        edits: [],
        note: `stage ${intent.stage}: Terraform redeploys only when the aws_api_gateway_deployment is replaced (its triggers)`,
      };
    case "flush-authorizer-cache":
      return {
        edits: [],
        note: `authorizer cache of stage ${intent.stage}: flush it after apply (aws apigateway flush-stage-authorizers-cache)`,
      };
    case "remove-stage-canary":
      return {
        edits: [],
        note: `stage ${intent.stage}: its canary (deployment ${intent.canaryDeploymentId}) serves the problem; delete the canary_settings block of its aws_api_gateway_stage, or run aws apigateway update-stage --patch-operations op=remove,path=/canarySettings`,
      };
    case "widen-authorizer-policy":
      return {
        edits: [],
        note: `authorizer ${intent.authorizerName}: its Lambda function's policy code must change, which no configuration holds; use --format authorizer-node or authorizer-python`,
      };
    case "add-cache-key-parameter":
      return terraformCacheKey(source, intent, readFile);
    case "set-stage-method-setting":
      return terraformMethodSetting(source, intent, readFile);
    case "replace-preflight-integration-with-mock":
      return terraformMockPreflight(source, intent, readFile, taken);
    default:
      return {
        edits: [],
        note: `${intent.kind}${"path" in intent ? ` ${intent.path}` : ""}: not yet written as a Terraform patch; see --format terraform`,
      };
  }
}

/** A name no block of the configuration uses yet (any type: the four new blocks share it). */
function freeName(source: TemplateSource, readFile: (path: string) => string | undefined, taken: Set<string>, base: string): string {
  const used = (name: string) => taken.has(name) || source.files.some((file) => (readFile(file) ?? "").includes(`" "${name}"`));
  let name = hclIdentifier(base);
  for (let n = 2; used(name); n++) name = hclIdentifier(`${base}_${n}`);
  taken.add(name);
  return name;
}

/**
 * A MOCK OPTIONS method answering the preflight, as four blocks (method, integration, method response, integration
 * response) that reference the existing resource, the shape of the provider's CORS example.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration_response
 */
function terraformPreflight(
  source: TemplateSource,
  intent: Extract<FixIntent, { kind: "add-cors-preflight" }>,
  readFile: (path: string) => string | undefined,
  taken: Set<string>,
): TerraformOutcome {
  const api = restApiReference(source.apiName);
  const position = source.locations[elementKey({ kind: "resource", path: intent.path })];
  const at = blockAt(readFile, position);
  const label = at
    ? /^resource\s+"aws_api_gateway_resource"\s+"([A-Za-z_][A-Za-z0-9_-]*)"/.exec(at.text.slice(at.block.start, at.block.open))
    : null;
  const rootOf = /^aws_api_gateway_rest_api\.[A-Za-z_][A-Za-z0-9_-]*$/.test(source.apiName)
    ? `${source.apiName}.root_resource_id`
    : undefined;
  const resource = label ? `aws_api_gateway_resource.${label[1]}.id` : intent.path === "/" ? rootOf : undefined;
  const file = at?.file ?? source.locations.api?.file;
  const text = file === undefined ? undefined : readFile(file);
  if (!api || !resource || file === undefined || text === undefined)
    return {
      edits: [],
      note: `OPTIONS ${intent.path}: its aws_api_gateway_resource cannot be referenced from a new block; see --format terraform`,
    };
  const name = freeName(source, readFile, taken, `${label?.[1] ?? "root"}_options`);
  const headers: Array<[string, string]> = [["Access-Control-Allow-Origin", intent.allowOrigin]];
  if (intent.allowMethods.length > 0) headers.push(["Access-Control-Allow-Methods", intent.allowMethods.join(",")]);
  if (intent.allowHeaders.length > 0) headers.push(["Access-Control-Allow-Headers", intent.allowHeaders.join(",")]);
  if (intent.allowCredentials) headers.push(["Access-Control-Allow-Credentials", "true"]);
  if (intent.maxAgeSeconds !== undefined) headers.push(["Access-Control-Max-Age", String(intent.maxAgeSeconds)]);
  const common = [`  rest_api_id = ${api}`, `  resource_id = ${resource}`];
  const lines = [
    "",
    `resource "aws_api_gateway_method" "${name}" {`,
    ...common,
    `  http_method   = "OPTIONS"`,
    `  authorization = "NONE"`,
    "}",
    "",
    `resource "aws_api_gateway_integration" "${name}" {`,
    ...common,
    `  http_method = aws_api_gateway_method.${name}.http_method`,
    `  type        = "MOCK"`,
    `  request_templates = {`,
    `    "application/json" = ${hclString('{"statusCode": 200}')}`,
    "  }",
    "}",
    "",
    `resource "aws_api_gateway_method_response" "${name}" {`,
    ...common,
    `  http_method = aws_api_gateway_method.${name}.http_method`,
    `  status_code = "200"`,
    "  response_parameters = {",
    ...headers.map(([header]) => `    ${hclString(`method.response.header.${header}`)} = true`),
    "  }",
    "}",
    "",
    `resource "aws_api_gateway_integration_response" "${name}" {`,
    ...common,
    `  http_method = aws_api_gateway_method.${name}.http_method`,
    `  status_code = aws_api_gateway_method_response.${name}.status_code`,
    "  response_parameters = {",
    ...headers.map(([header, value]) => `    ${hclString(`method.response.header.${header}`)} = ${hclString(`'${value}'`)}`),
    "  }",
    `  depends_on = [aws_api_gateway_integration.${name}]`,
    "}",
    "",
  ];
  return {
    edits: [
      {
        file,
        edit: {
          start: text.length,
          end: text.length,
          text: (text.endsWith("\n") || text === "" ? "" : "\n") + alignAttributes(lines).join("\n"),
        },
      },
    ],
  };
}

interface FoundBlock {
  file: string;
  text: string;
  name: string;
  block: HclBlockRange;
}

/** Every `resource "<type>" "<name>"` block of the configuration's files. */
function blocksOfType(source: TemplateSource, type: string, readFile: (path: string) => string | undefined): FoundBlock[] {
  const found: FoundBlock[] = [];
  for (const file of source.files) {
    const text = readFile(file);
    if (text === undefined) continue;
    const pattern = /^resource[ \t]+"([a-z0-9_]+)"[ \t]+"([A-Za-z_][A-Za-z0-9_-]*)"[ \t]*\{/gm;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[1] !== type) continue;
      const block = scanBlock(text, match.index);
      if (block) found.push({ file, text, name: match[2] as string, block });
    }
  }
  return found;
}

function attributeValue(block: HclBlockRange, name: string): string | undefined {
  return block.attributes.find((attribute) => attribute.name === name)?.value.replace(/\s*(#|\/\/).*$/, "");
}

/** Set entries of a map attribute (`response_parameters`): replace a key's line, add missing keys before its `}`. */
function setMapEntries(found: FoundBlock, attribute: string, entries: Array<[string, string]>): Array<{ file: string; edit: TextEdit }> {
  const { file, text, block } = found;
  const existing = block.attributes.find((a) => a.name === attribute);
  const inner = `${block.indent}  `;
  if (!existing) {
    const map = `{\n${entries.map(([key, literal]) => `${inner}${hclString(key)} = ${literal}\n`).join("")}${block.indent}}`;
    return setAttribute(file, text, block, attribute, map);
  }
  const close = text.lastIndexOf("\n", text.lastIndexOf("}", existing.end - 1) - 1) + 1;
  if (close <= existing.lineStart) throw new Error("single-line map");
  const edits: Array<{ file: string; edit: TextEdit }> = [];
  const added: string[] = [];
  for (const [key, literal] of entries) {
    const line = `${inner}${hclString(key)} = ${literal}\n`;
    let at = text.indexOf("\n", existing.lineStart) + 1;
    let replaced = false;
    while (at > 0 && at < close) {
      const next = text.indexOf("\n", at) + 1 || close;
      if (text.slice(at, next).trimStart().startsWith(hclString(key))) {
        if (text.slice(at, next) !== line) edits.push({ file, edit: { start: at, end: next, text: line } });
        replaced = true;
        break;
      }
      at = next;
    }
    if (!replaced) added.push(line);
  }
  if (added.length > 0) edits.push({ file, edit: { start: close, end: close, text: added.join("") } });
  return edits;
}

/**
 * CORS headers on a method's response: declared in its `aws_api_gateway_method_response` (`true`) and mapped as a
 * static value in the `aws_api_gateway_integration_response` of the same status code, found by their references.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_response
 */
function terraformResponseHeaders(
  source: TemplateSource,
  path: string,
  httpMethod: string,
  statusCode: string,
  headers: Array<[string, string]>,
  readFile: (path: string) => string | undefined,
): TerraformOutcome {
  const method = blockAt(readFile, source.locations[elementKey({ kind: "method", path, httpMethod })]);
  const label = method
    ? /^resource\s+"aws_api_gateway_method"\s+"([A-Za-z_][A-Za-z0-9_-]*)"/.exec(method.text.slice(method.block.start, method.block.open))
    : null;
  const missing = {
    edits: [],
    note: `${httpMethod} ${path}: its ${statusCode} method and integration response blocks are not located; see --format terraform`,
  };
  if (!label) return missing;
  const methodRef = `aws_api_gateway_method.${label[1]}.http_method`;
  const ofMethod = (found: FoundBlock) => attributeValue(found.block, "http_method") === methodRef;
  const methodResponse = blocksOfType(source, "aws_api_gateway_method_response", readFile).find(
    (found) => ofMethod(found) && attributeValue(found.block, "status_code") === hclString(statusCode),
  );
  if (!methodResponse) return missing;
  const integrationResponse = blocksOfType(source, "aws_api_gateway_integration_response", readFile).find((found) => {
    const code = attributeValue(found.block, "status_code");
    return (
      ofMethod(found) && (code === hclString(statusCode) || code === `aws_api_gateway_method_response.${methodResponse.name}.status_code`)
    );
  });
  if (!integrationResponse) return missing;
  try {
    return {
      edits: [
        ...setMapEntries(
          methodResponse,
          "response_parameters",
          headers.map(([name]) => [`method.response.header.${name}`, "true"]),
        ),
        ...setMapEntries(
          integrationResponse,
          "response_parameters",
          headers.map(([name, value]) => [`method.response.header.${name}`, hclString(`'${value}'`)]),
        ),
      ],
    };
  } catch {
    return {
      edits: [],
      note: `${httpMethod} ${path}: its response_parameters are written on one line; add ${headers.map(([name]) => name).join(", ")} by hand`,
    };
  }
}

/** `["a", "b"]`: a list of plain string literals only (anything else is left to the user). */
const STRING_LIST = /^\[\s*(?:"(?:[^"\\\n]|\\.)*"\s*(?:,\s*)?)*\]$/;

/**
 * The caller's identity in a method's cache key: the `aws_api_gateway_integration`'s `cache_key_parameters` gains the
 * parameter, and the `aws_api_gateway_method` declares it in `request_parameters` (API Gateway refuses a cache key
 * that is not a method request parameter).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration (cache_key_parameters)
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method (request_parameters)
 */
function terraformCacheKey(
  source: TemplateSource,
  intent: Extract<FixIntent, { kind: "add-cache-key-parameter" }>,
  readFile: (path: string) => string | undefined,
): TerraformOutcome {
  const where = `${intent.httpMethod} ${intent.path}`;
  const method = blockAt(readFile, source.locations[elementKey({ kind: "method", path: intent.path, httpMethod: intent.httpMethod })]);
  const label = method
    ? /^resource\s+"aws_api_gateway_method"\s+"([A-Za-z_][A-Za-z0-9_-]*)"/.exec(method.text.slice(method.block.start, method.block.open))
    : null;
  if (!method || !label)
    return { edits: [], note: `${where}: its aws_api_gateway_method block is not located; add ${intent.parameter} to its cache key` };
  const methodRef = `aws_api_gateway_method.${label[1]}.http_method`;
  const integration = blocksOfType(source, "aws_api_gateway_integration", readFile).find(
    (found) => attributeValue(found.block, "http_method") === methodRef,
  );
  if (!integration)
    return { edits: [], note: `${where}: its aws_api_gateway_integration block is not located; add ${intent.parameter} to its cache key` };
  const current = attributeValue(integration.block, "cache_key_parameters")?.trim();
  if (current !== undefined && !STRING_LIST.test(current))
    return { edits: [], note: `${where}: cache_key_parameters is an expression; add ${hclString(intent.parameter)} to it` };
  const keys: string[] = [];
  for (const match of current?.matchAll(/"((?:[^"\\\n]|\\.)*)"/g) ?? []) {
    try {
      keys.push(JSON.parse(`"${match[1]}"`) as string);
    } catch {
      return {
        edits: [],
        note: `${where}: cache_key_parameters holds an escape Preflight does not read; add ${hclString(intent.parameter)} to it`,
      };
    }
  }
  const list = `[${[...keys.filter((key) => key !== intent.parameter), intent.parameter].map(hclString).join(", ")}]`;
  const declared = attributeValue(method.block, "request_parameters")?.includes(hclString(intent.parameter)) ?? false;
  const methodFound: FoundBlock = { file: method.file, text: method.text, name: label[1] as string, block: method.block };
  try {
    return {
      edits: [
        ...(declared
          ? []
          : setMapEntries(methodFound, "request_parameters", [
              [intent.parameter, intent.parameter.startsWith("method.request.path.") ? "true" : "false"],
            ])),
        ...setAttribute(integration.file, integration.text, integration.block, "cache_key_parameters", list),
      ],
    };
  } catch {
    return { edits: [], note: `${where}: request_parameters is written on one line; declare ${intent.parameter} by hand` };
  }
}

/** UpdateStage setting path → the `settings` block's attribute of aws_api_gateway_method_settings. */
const TERRAFORM_SETTINGS: Record<Extract<FixIntent, { kind: "set-stage-method-setting" }>["setting"], string> = {
  "caching/enabled": "caching_enabled",
  "caching/ttlInSeconds": "cache_ttl_in_seconds",
  "caching/dataEncrypted": "cache_data_encrypted",
  "caching/requireAuthorizationForCacheControl": "require_authorization_for_cache_control",
  "caching/unauthorizedCacheControlHeaderStrategy": "unauthorized_cache_control_header_strategy",
};

/**
 * A stage's method setting, edited in the existing `aws_api_gateway_method_settings` block of that stage and
 * `method_path` ("products/{id}/GET", or "*\/*" stage-wide). No block is added: the provider writes every field of a
 * new block's `settings`, defaults included, which would change more than the one setting.
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_method_settings
 */
function terraformMethodSetting(
  source: TemplateSource,
  intent: Extract<FixIntent, { kind: "set-stage-method-setting" }>,
  readFile: (path: string) => string | undefined,
): TerraformOutcome {
  const attribute = TERRAFORM_SETTINGS[intent.setting];
  const methodPath = intent.path === "*" ? "*/*" : `${intent.path.replace(/^\//, "")}/${intent.httpMethod}`;
  const stageNames = new Set([
    hclString(intent.stage),
    ...blocksOfType(source, "aws_api_gateway_stage", readFile)
      .filter((found) => attributeValue(found.block, "stage_name") === hclString(intent.stage))
      .map((found) => `aws_api_gateway_stage.${found.name}.stage_name`),
  ]);
  const found = blocksOfType(source, "aws_api_gateway_method_settings", readFile).find(
    (candidate) =>
      attributeValue(candidate.block, "method_path") === hclString(methodPath) &&
      stageNames.has(attributeValue(candidate.block, "stage_name") ?? ""),
  );
  const missing = {
    edits: [],
    note: `stage ${intent.stage} ${methodPath}: no aws_api_gateway_method_settings block for it; set ${attribute} = ${String(intent.value)} in one`,
  };
  if (!found) return missing;
  const body = found.text.slice(found.block.open, found.block.close);
  const nested = /\n([ \t]*)settings[ \t]*\{/.exec(body);
  const settings = nested ? scanBlock(found.text, found.block.open + nested.index + 1 + (nested[1] as string).length) : undefined;
  if (!settings) return missing;
  const literal = typeof intent.value === "string" ? hclString(intent.value) : String(intent.value);
  return { edits: setAttribute(found.file, found.text, settings, attribute, literal) };
}

/**
 * Arguments of `aws_api_gateway_integration` that only a backend uses: a MOCK integration calls none, so they go with
 * the proxy (the CloudFormation form replaces the whole Integration the same way). `content_handling` stays: a MOCK
 * preflight of an API with binary media types needs it (binary-media-breaks-mock-preflight).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration
 */
const BACKEND_ARGUMENTS = [
  "integration_http_method",
  "uri",
  "credentials",
  "connection_type",
  "connection_id",
  "request_parameters",
  "passthrough_behavior",
  "timeout_milliseconds",
  "cache_key_parameters",
  "cache_namespace",
];

/**
 * A preflight proxied to a backend, answered by API Gateway instead: the OPTIONS method's `aws_api_gateway_integration`
 * becomes `type = "MOCK"` with the request template that selects the 200 response, and its 200
 * `aws_api_gateway_method_response` / `_integration_response` declare and map the CORS headers (edited when they
 * exist, added beside the method otherwise, referring to it by its own attributes).
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_integration_response (the CORS example)
 */
function terraformMockPreflight(
  source: TemplateSource,
  intent: Extract<FixIntent, { kind: "replace-preflight-integration-with-mock" }>,
  readFile: (path: string) => string | undefined,
  taken: Set<string>,
): TerraformOutcome {
  const where = `OPTIONS ${intent.path}`;
  const method = blockAt(readFile, source.locations[elementKey({ kind: "method", path: intent.path, httpMethod: "OPTIONS" })]);
  const label = method
    ? /^resource\s+"aws_api_gateway_method"\s+"([A-Za-z_][A-Za-z0-9_-]*)"/.exec(method.text.slice(method.block.start, method.block.open))
    : null;
  const manual = (why: string) => ({ edits: [], note: `${where}: ${why}; answer it with a MOCK integration (see --format terraform)` });
  if (!method || !label) return manual("its aws_api_gateway_method block is not located");
  const methodName = label[1] as string;
  // A counted or for_each method is many methods: a new block would need its index, which is the user's to choose.
  if (method.block.attributes.some((attribute) => attribute.name === "count" || attribute.name === "for_each"))
    return manual("its aws_api_gateway_method uses count or for_each");
  const methodRef = `aws_api_gateway_method.${methodName}.http_method`;
  const ofMethod = (found: FoundBlock) => attributeValue(found.block, "http_method") === methodRef;
  const integration = blocksOfType(source, "aws_api_gateway_integration", readFile).find(ofMethod);
  if (!integration) return manual("its aws_api_gateway_integration block is not located");
  const body = integration.text.slice(integration.block.open, integration.block.close);
  if (/\n[ \t]*tls_config[ \t]*\{/.test(body)) return manual("its aws_api_gateway_integration has a tls_config block");

  const headers = corsHeaderValues(intent);
  const edits: Array<{ file: string; edit: TextEdit }> = [
    ...setAttribute(integration.file, integration.text, integration.block, "type", hclString("MOCK")),
    ...BACKEND_ARGUMENTS.flatMap((name) => removeAttribute(integration.file, integration.block, name)),
    ...setAttribute(
      integration.file,
      integration.text,
      integration.block,
      "request_templates",
      `{\n${integration.block.indent}  ${hclString("application/json")} = ${hclString(MOCK_REQUEST_TEMPLATE)}\n${integration.block.indent}}`,
    ),
  ];

  const methodResponse = blocksOfType(source, "aws_api_gateway_method_response", readFile).find(
    (found) => ofMethod(found) && attributeValue(found.block, "status_code") === hclString("200"),
  );
  const integrationResponse = blocksOfType(source, "aws_api_gateway_integration_response", readFile).find((found) => {
    const code = attributeValue(found.block, "status_code");
    return (
      ofMethod(found) &&
      (code === hclString("200") || (methodResponse && code === `aws_api_gateway_method_response.${methodResponse.name}.status_code`))
    );
  });
  const declared = headers.map(([name]): [string, string] => [`method.response.header.${name}`, "true"]);
  const mapped = headers.map(([name, value]): [string, string] => [`method.response.header.${name}`, hclString(`'${value}'`)]);
  try {
    if (methodResponse) edits.push(...setMapEntries(methodResponse, "response_parameters", declared));
    if (integrationResponse) edits.push(...setMapEntries(integrationResponse, "response_parameters", mapped));
  } catch {
    return manual("the response_parameters of its 200 responses are written on one line");
  }
  if (methodResponse && integrationResponse) return { edits };

  // The missing responses, after the method's block in its file, addressed through the method's own attributes.
  const name = freeName(source, readFile, taken, `${methodName}_200`);
  const common = [
    `  rest_api_id = aws_api_gateway_method.${methodName}.rest_api_id`,
    `  resource_id = aws_api_gateway_method.${methodName}.resource_id`,
    `  http_method = ${methodRef}`,
  ];
  const methodResponseName = methodResponse?.name ?? name;
  const lines = [
    "",
    ...(methodResponse
      ? []
      : [
          `resource "aws_api_gateway_method_response" "${name}" {`,
          ...common,
          `  status_code = "200"`,
          "  response_parameters = {",
          ...declared.map(([key, literal]) => `    ${hclString(key)} = ${literal}`),
          "  }",
          "}",
          "",
        ]),
    ...(integrationResponse
      ? []
      : [
          `resource "aws_api_gateway_integration_response" "${name}" {`,
          ...common,
          `  status_code = aws_api_gateway_method_response.${methodResponseName}.status_code`,
          "  response_parameters = {",
          ...mapped.map(([key, literal]) => `    ${hclString(key)} = ${literal}`),
          "  }",
          `  depends_on = [aws_api_gateway_integration.${integration.name}]`,
          "}",
          "",
        ]),
  ];
  const after = method.text.indexOf("\n", method.block.close);
  const at = after < 0 ? method.text.length : after + 1;
  const prefix = after < 0 ? "\n" : "";
  edits.push({ file: method.file, edit: { start: at, end: at, text: prefix + alignAttributes(lines).join("\n") } });
  return { edits };
}
