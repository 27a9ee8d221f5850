/**
 * What each fix intent changes in the template the API was read from, per format: the keys its own tool reads.
 * The result is a merge spec per file (applied as minimal edits) or a note saying why a change is not made
 * in the template. Intents are grouped first where one template setting serves several findings (SAM's `Cors`
 * is one setting for every path of the API).
 */
import type { TemplateFormat } from "@/lib/audit/source";
import type { SourcePosition } from "@/lib/audit/source";
import { elementKey } from "@/lib/audit/element-key";
import type { FixIntent } from "@/lib/remediation/intents";
import { startsWith, valueAt, type KeyPath } from "@/lib/remediation/patch/locate";
import { DELETE, InSeq, Replace, spec, specAt } from "@/lib/remediation/patch/spec";
import { plainOf, type MergeSpec } from "@/lib/remediation/patch/yaml-edits";
import { escapeResourcePath } from "@/lib/model/method-settings";

export interface FixContext {
  format: TemplateFormat;
  /** Logical id (SAM/CloudFormation/CDK) of the API; ignored for OpenAPI. */
  apiName: string;
  entryFile: string;
  /** Plain value of each file (long-form intrinsics), by path. */
  valueOf(file: string): unknown;
  /** The element's written position, by `elementKey`. */
  locations: Record<string, SourcePosition>;
  locate(position: SourcePosition): KeyPath | undefined;
}

export interface FileChange {
  file: string;
  spec: MergeSpec;
}

export type IntentOutcome = { changes: FileChange[]; note?: string } | { changes?: undefined; note: string };

/** API Gateway header mapping values are quoted literals: `'*'` (a static value), as in every AWS example. */
function quoted(value: string): string {
  return `'${value}'`;
}

interface Located {
  file: string;
  path: KeyPath;
}

function locateKey(ctx: FixContext, key: string): Located | undefined {
  const position = ctx.locations[key];
  if (!position) return undefined;
  const path = ctx.locate(position);
  return path ? { file: position.file, path } : undefined;
}

/** Where an OpenAPI definition inlined in the entry file starts (SAM `DefinitionBody`, CloudFormation `Body`). */
function inlineBodyRoot(ctx: FixContext): KeyPath | undefined {
  if (ctx.format === "openapi") return [];
  if (ctx.format === "sam") return ["Resources", ctx.apiName, "Properties", "DefinitionBody"];
  if (ctx.format === "cloudformation" || ctx.format === "cdk") return ["Resources", ctx.apiName, "Properties", "Body"];
  return undefined;
}

/** The OpenAPI document a located element belongs to, when it is in one. */
function openApiRoot(ctx: FixContext, at: Located): KeyPath | undefined {
  if (at.file !== ctx.entryFile) return []; // an included document (DefinitionUri, AWS::Include) is OpenAPI itself
  const root = inlineBodyRoot(ctx);
  return root && startsWith(at.path, root) ? root : undefined;
}

function documentRoot(ctx: FixContext, file: string): KeyPath {
  return file !== ctx.entryFile ? [] : (inlineBodyRoot(ctx) ?? []);
}

function corsHeaderValues(intent: {
  allowOrigin: string;
  allowMethods: string[];
  allowHeaders: string[];
  allowCredentials?: boolean;
  maxAgeSeconds?: number;
}): Array<[string, string]> {
  const headers: Array<[string, string]> = [["Access-Control-Allow-Origin", intent.allowOrigin]];
  if (intent.allowMethods.length > 0) headers.push(["Access-Control-Allow-Methods", intent.allowMethods.join(",")]);
  if (intent.allowHeaders.length > 0) headers.push(["Access-Control-Allow-Headers", intent.allowHeaders.join(",")]);
  if (intent.allowCredentials) headers.push(["Access-Control-Allow-Credentials", "true"]);
  if (intent.maxAgeSeconds !== undefined) headers.push(["Access-Control-Max-Age", String(intent.maxAgeSeconds)]);
  return headers;
}

function gatewayResponseHeaders(intent: Extract<FixIntent, { kind: "add-gateway-response-cors" }>): Array<[string, string]> {
  const headers: Array<[string, string]> = [["Access-Control-Allow-Origin", intent.allowOrigin]];
  if (intent.allowHeaders.length > 0) headers.push(["Access-Control-Allow-Headers", intent.allowHeaders.join(",")]);
  if (intent.allowMethods && intent.allowMethods.length > 0) headers.push(["Access-Control-Allow-Methods", intent.allowMethods.join(",")]);
  return headers;
}

// --- OpenAPI (a document, SAM DefinitionBody, CloudFormation Body) ------------------------------------------

/**
 * `security: []` on the operation overrides any document-level or default requirement, API key included.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
 */
function openApiOpenOperation(at: Located): FileChange {
  return { file: at.file, spec: specAt(at.path, spec([["security", new Replace([])]])) };
}

/** https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-gateway-responses.html */
function openApiGatewayResponse(
  file: string,
  root: KeyPath,
  intent: Extract<FixIntent, { kind: "add-gateway-response-cors" }>,
): FileChange {
  const parameters = spec(gatewayResponseHeaders(intent).map(([name, value]) => [`gatewayresponse.header.${name}`, quoted(value)]));
  const response = spec([
    ["responseParameters", parameters],
    ...(intent.statusCode ? ([["statusCode", intent.statusCode]] as Array<[string, string]>) : []),
  ]);
  return { file, spec: specAt([...root, "x-amazon-apigateway-gateway-responses", intent.responseType], response) };
}

function isSwagger2(ctx: FixContext, file: string, root: KeyPath): boolean {
  return typeof valueAt(ctx.valueOf(file), [...root, "swagger"]) === "string";
}

/**
 * A MOCK `options` operation answering the preflight, as API Gateway's own "Enable CORS" import example writes it.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/enable-cors-for-resource-using-swagger-importer-tool.html
 */
function openApiPreflightOperation(
  swagger2: boolean,
  intent: Extract<FixIntent, { kind: "add-cors-preflight" | "replace-preflight-integration-with-mock" }>,
): unknown {
  const headers = corsHeaderValues(intent);
  const declared = Object.fromEntries(headers.map(([name]) => [name, swagger2 ? { type: "string" } : { schema: { type: "string" } }]));
  return {
    security: [],
    responses: { "200": { description: "CORS preflight", headers: declared } },
    "x-amazon-apigateway-integration": {
      type: "mock",
      requestTemplates: { "application/json": '{"statusCode": 200}' },
      responses: {
        default: {
          statusCode: "200",
          responseParameters: Object.fromEntries(headers.map(([name, value]) => [`method.response.header.${name}`, quoted(value)])),
        },
      },
    },
  };
}

function openApiResponseHeaders(
  ctx: FixContext,
  at: Located,
  root: KeyPath,
  statusCode: string,
  headers: Array<[string, string]>,
): FileChange {
  const operation = valueAt(ctx.valueOf(at.file), at.path);
  const responses = valueAt(operation, ["x-amazon-apigateway-integration", "responses"]);
  let key = "default";
  if (responses && typeof responses === "object") {
    for (const [name, response] of Object.entries(responses)) {
      if (String(valueAt(response, ["statusCode"])) === statusCode) key = name;
    }
  }
  const swagger2 = isSwagger2(ctx, at.file, root);
  // API Gateway returns a mapped header only when the method response declares it, so every header the integration
  // response already maps is declared too. https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html
  const mapped = valueAt(responses, [key, "responseParameters"]);
  const alreadyMapped =
    mapped && typeof mapped === "object"
      ? Object.keys(mapped).flatMap((name) =>
          name.startsWith("method.response.header.") ? [name.slice("method.response.header.".length)] : [],
        )
      : [];
  const declaredNames = [...new Set([...headers.map(([name]) => name), ...alreadyMapped])];
  const integration = spec([
    [
      "responses",
      spec([
        [
          key,
          spec([
            ["statusCode", statusCode],
            ["responseParameters", spec(headers.map(([name, value]) => [`method.response.header.${name}`, quoted(value)]))],
          ]),
        ],
      ]),
    ],
  ]);
  const declared = spec(
    declaredNames.map((name) => [name, spec(swagger2 ? [["type", "string"]] : [["schema", spec([["type", "string"]])]])]),
  );
  return {
    file: at.file,
    spec: specAt(
      at.path,
      spec([
        ["responses", spec([[statusCode, spec([["headers", declared]])]])],
        ["x-amazon-apigateway-integration", integration],
      ]),
    ),
  };
}

// --- SAM -------------------------------------------------------------------------------------------------

/** Where the API's properties are written: its resource, or `Globals.Api` for the implicit API SAM creates. */
function samApiRoot(ctx: FixContext): KeyPath {
  const resource = valueAt(ctx.valueOf(ctx.entryFile), ["Resources", ctx.apiName]);
  return resource === undefined ? ["Globals", "Api"] : ["Resources", ctx.apiName, "Properties"];
}

/** SAM's CORS values are header values, quoted inside the string ("'GET,POST'"); strip the quotes to read them. */
function unquoteList(value: unknown): string[] {
  if (typeof value !== "string") return [];
  return value
    .replace(/^'|'$/g, "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * One `Cors` for every preflight finding of the API (SAM writes one OPTIONS per path from it). Where `Cors` is
 * written in `Globals.Api` and not on the API, the change goes there. AllowMethods is left to SAM (it lists each
 * path's own methods) unless the template sets it.
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-corsconfiguration.html
 */
function samCors(
  ctx: FixContext,
  intents: Array<Extract<FixIntent, { kind: "set-preflight-headers" | "add-cors-preflight" }>>,
): FileChange {
  const root = samApiRoot(ctx);
  const value = ctx.valueOf(ctx.entryFile);
  const onApi = valueAt(value, [...root, "Cors"]);
  const inGlobals = valueAt(value, ["Globals", "Api", "Cors"]);
  const where = onApi === undefined && inGlobals !== undefined ? ["Globals", "Api"] : root;
  const current = onApi ?? inGlobals;
  const map =
    current &&
    typeof current === "object" &&
    !Array.isArray(current) &&
    !Object.keys(current).some((key) => key.startsWith("Fn::") || key === "Ref")
      ? (current as Record<string, unknown>)
      : undefined;
  const currentOrigin = map ? map.AllowOrigin : typeof current === "string" ? current : undefined;
  const headers = [...new Set([...unquoteList(map?.AllowHeaders), ...intents.flatMap((intent) => intent.allowHeaders)])];
  const entries: Array<[string, string | boolean]> = [];
  if (currentOrigin === undefined) entries.push(["AllowOrigin", quoted((intents[0] as (typeof intents)[number]).allowOrigin)]);
  else if (!map) entries.push(["AllowOrigin", currentOrigin as string]);
  if (headers.length > 0) entries.push(["AllowHeaders", quoted(headers.join(","))]);
  if (map?.AllowMethods !== undefined)
    entries.push([
      "AllowMethods",
      quoted([...new Set([...unquoteList(map.AllowMethods), ...intents.flatMap((intent) => intent.allowMethods)])].join(",")),
    ]);
  const maxAge = intents.find((intent) => intent.maxAgeSeconds !== undefined)?.maxAgeSeconds;
  if (maxAge !== undefined) entries.push(["MaxAge", quoted(String(maxAge))]);
  if (intents.some((intent) => intent.allowCredentials)) entries.push(["AllowCredentials", true]);
  const cors = map ? spec(entries) : new Replace(Object.fromEntries(entries));
  return { file: ctx.entryFile, spec: specAt(where, spec([["Cors", cors]])) };
}

/** A function event's own `Auth` when the method is an explicit `Api` event; else the API's CORS-preflight switch. */
function samMethodSwitch(
  ctx: FixContext,
  intent: Extract<FixIntent, { kind: "set-method-authorization" | "set-method-api-key-required" }>,
): IntentOutcome {
  const at = locateKey(ctx, elementKey({ kind: "method", path: intent.path, httpMethod: intent.httpMethod }));
  if (at) {
    if (openApiRoot(ctx, at)) return { changes: [openApiOpenOperation(at)] };
    const events = at.path.indexOf("Events");
    const method = valueAt(ctx.valueOf(at.file), [...at.path, "Properties", "Method"]);
    // Only an explicit OPTIONS event: SAM's generated preflight is placed on the path's first event.
    if (
      at.path[0] === "Resources" &&
      events > 0 &&
      at.path.length === events + 2 &&
      typeof method === "string" &&
      method.toLowerCase() === "options"
    ) {
      // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-apifunctionauth.html
      const auth = intent.kind === "set-method-authorization" ? spec([["Authorizer", "NONE"]]) : spec([["ApiKeyRequired", false]]);
      return { changes: [{ file: at.file, spec: specAt([...at.path, "Properties", "Auth"], auth) }] };
    }
  }
  if (intent.httpMethod !== "OPTIONS") return { note: `${intent.httpMethod} ${intent.path}: not located in the template` };
  // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiauth.html
  const key = intent.kind === "set-method-authorization" ? "AddDefaultAuthorizerToCorsPreflight" : "AddApiKeyRequiredToCorsPreflight";
  return { changes: [{ file: ctx.entryFile, spec: specAt([...samApiRoot(ctx), "Auth"], spec([[key, false]])) }] };
}

/** https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-gatewayresponse.html */
function samGatewayResponse(ctx: FixContext, intent: Extract<FixIntent, { kind: "add-gateway-response-cors" }>): FileChange {
  const headers = spec(gatewayResponseHeaders(intent).map(([name, value]) => [name, quoted(value)]));
  const response = spec([
    ["ResponseParameters", spec([["Headers", headers]])],
    ...(intent.statusCode ? ([["StatusCode", intent.statusCode]] as Array<[string, string]>) : []),
  ]);
  return { file: ctx.entryFile, spec: specAt([...samApiRoot(ctx), "GatewayResponses", intent.responseType], response) };
}

// --- CloudFormation / CDK-synthesised ----------------------------------------------------------------------

function isResource(at: Located, ctx: FixContext): boolean {
  return at.file === ctx.entryFile && at.path.length === 2 && at.path[0] === "Resources";
}

/** A plain `AWS::ApiGateway::*` resource (also found in SAM templates beside `AWS::Serverless::Api`). */
function isApiGatewayResource(at: Located | undefined, ctx: FixContext, type?: string): at is Located {
  if (!at || !isResource(at, ctx)) return false;
  const written = valueAt(ctx.valueOf(at.file), [...at.path, "Type"]);
  return typeof written === "string" && (type ? written === type : written.startsWith("AWS::ApiGateway::"));
}

/** Whether any method of `path` is written as an `AWS::ApiGateway::Method` resource. */
function pathHasMethodResources(ctx: FixContext, path: string): boolean {
  const prefix = elementKey({ kind: "method", path, httpMethod: "GET" }).replace(/GET$/, "");
  return Object.keys(ctx.locations).some(
    (key) =>
      key.startsWith(prefix) &&
      !key.slice(prefix.length).includes(" ") &&
      isApiGatewayResource(locateKey(ctx, key), ctx, "AWS::ApiGateway::Method"),
  );
}

function logicalIdFor(ctx: FixContext, base: string): string {
  const resources = valueAt(ctx.valueOf(ctx.entryFile), ["Resources"]);
  // Logical ids are alphanumeric: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
  const clean = base.replace(/[^A-Za-z0-9]/g, "").slice(0, 200) || "Preflight";
  let id = clean;
  for (let n = 2; resources && typeof resources === "object" && Object.hasOwn(resources, id); n++) id = `${clean}${n}`;
  return id;
}

function cfnPreflightParameters(intent: {
  allowOrigin: string;
  allowMethods: string[];
  allowHeaders: string[];
  allowCredentials?: boolean;
  maxAgeSeconds?: number;
}) {
  return cfnResponseParameters(corsHeaderValues(intent));
}

function cfnResponseParameters(headers: Array<[string, string]>) {
  return {
    method: spec(headers.map(([name]) => [`method.response.header.${name}`, true])),
    integration: spec(headers.map(([name, value]) => [`method.response.header.${name}`, quoted(value)])),
  };
}

// --- dispatch ----------------------------------------------------------------------------------------------

type CorsIntent = Extract<FixIntent, { kind: "set-preflight-headers" | "add-cors-preflight" }>;

const IN_DEPLOYMENT = "applied by deploying the patched template";

export function templateChangesFor(ctx: FixContext, intents: readonly FixIntent[]): Array<{ intent: FixIntent; outcome: IntentOutcome }> {
  const results: Array<{ intent: FixIntent; outcome: IntentOutcome }> = [];
  const samCorsIntents: CorsIntent[] = [];
  for (const intent of intents) {
    const outcome = changeFor(ctx, intent, samCorsIntents);
    if (outcome) results.push({ intent, outcome });
  }
  if (samCorsIntents.length > 0) {
    const change = samCors(ctx, samCorsIntents);
    for (const intent of samCorsIntents) results.push({ intent, outcome: { changes: [change] } });
  }
  return results;
}

function changeFor(ctx: FixContext, intent: FixIntent, samCorsIntents: CorsIntent[]): IntentOutcome | undefined {
  const isSam = ctx.format === "sam";
  const isCfn = ctx.format === "cloudformation" || ctx.format === "cdk";
  switch (intent.kind) {
    case "redeploy-stage":
      return ctx.format === "cloudformation" || ctx.format === "cdk"
        ? // A stack update does not redeploy a stage for changed methods alone: the Deployment must be replaced.
          // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-deployment.html
          {
            note: `stage ${intent.stage}: CloudFormation does not redeploy it for method changes alone; give the AWS::ApiGateway::Deployment a new logical id (CDK's RestApi does this itself)`,
          }
        : { note: `stage ${intent.stage}: ${IN_DEPLOYMENT}` };
    case "flush-authorizer-cache":
      return {
        note: `authorizer cache of stage ${intent.stage}: flush it after the deploy (aws apigateway flush-stage-authorizers-cache)`,
      };
    case "remove-stage-canary":
      // The canary's deployment is the live stage's, not the template's; a CanarySetting the template holds is the user's call.
      return {
        note: `stage ${intent.stage}: its canary (deployment ${intent.canaryDeploymentId}) serves the problem; delete CanarySetting from the stage${isSam ? " (the AWS::Serverless::Api)" : ""} if the template sets one, and remove a live canary with aws apigateway update-stage --patch-operations op=remove,path=/canarySettings`,
      };
    case "widen-authorizer-policy":
      return {
        note: `authorizer ${intent.authorizerName}: its Lambda function's policy code must change, which no template holds; use --format authorizer-node or authorizer-python`,
      };
    case "set-method-authorization":
    case "set-method-api-key-required": {
      const at = locateKey(ctx, elementKey({ kind: "method", path: intent.path, httpMethod: intent.httpMethod }));
      if (isSam && !isApiGatewayResource(at, ctx, "AWS::ApiGateway::Method")) return samMethodSwitch(ctx, intent);
      if (!at) return { note: `${intent.httpMethod} ${intent.path}: not located in the template` };
      if (openApiRoot(ctx, at)) return { changes: [openApiOpenOperation(at)] };
      if ((isCfn || isSam) && isApiGatewayResource(at, ctx, "AWS::ApiGateway::Method")) {
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-method.html
        const properties =
          intent.kind === "set-method-authorization"
            ? spec([
                ["AuthorizationType", intent.to],
                ["AuthorizerId", DELETE],
                ["AuthorizationScopes", DELETE],
              ])
            : spec([["ApiKeyRequired", intent.value]]);
        return { changes: [{ file: at.file, spec: specAt([...at.path, "Properties"], properties) }] };
      }
      return { note: `${intent.httpMethod} ${intent.path}: written where Preflight cannot edit it` };
    }
    case "set-preflight-headers":
    case "add-cors-preflight": {
      const methodAt = locateKey(ctx, elementKey({ kind: "method", path: intent.path, httpMethod: "OPTIONS" }));
      const resourceAt = locateKey(ctx, elementKey({ kind: "resource", path: intent.path }));
      const bodyAt = intent.kind === "set-preflight-headers" ? methodAt : resourceAt;
      const root = bodyAt ? openApiRoot(ctx, bodyAt) : ctx.format === "openapi" ? [] : undefined;
      if (bodyAt && root) {
        if (intent.kind === "set-preflight-headers")
          return { changes: [openApiResponseHeaders(ctx, bodyAt, root, intent.statusCode, corsHeaderValues(intent))] };
        const operation = openApiPreflightOperation(isSwagger2(ctx, bodyAt.file, root), intent);
        return { changes: [{ file: bodyAt.file, spec: specAt(bodyAt.path, spec([["options", new Replace(operation)]])) }] };
      }
      // SAM writes OPTIONS from `Cors` for its own paths; paths written as AWS::ApiGateway resources get CloudFormation edits.
      const cfnStyle =
        isCfn || (isSam && (isApiGatewayResource(methodAt, ctx, "AWS::ApiGateway::Method") || pathHasMethodResources(ctx, intent.path)));
      if (isSam && !cfnStyle) {
        samCorsIntents.push(intent);
        return undefined;
      }
      if (cfnStyle && intent.kind === "set-preflight-headers" && isApiGatewayResource(methodAt, ctx, "AWS::ApiGateway::Method")) {
        const { method, integration } = cfnPreflightParameters(intent);
        const code = intent.statusCode;
        const properties = spec([
          ["MethodResponses", [new InSeq("StatusCode", code, spec([["ResponseParameters", method]]))]],
          ["Integration", spec([["IntegrationResponses", [new InSeq("StatusCode", code, spec([["ResponseParameters", integration]]))]]])],
        ]);
        return { changes: [{ file: methodAt.file, spec: specAt([...methodAt.path, "Properties"], properties) }] };
      }
      if (cfnStyle && intent.kind === "add-cors-preflight") {
        // Fn::GetAtt RootResourceId: AWS::ApiGateway::RestApi and AWS::Serverless::Api both return it.
        // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-api.html#sam-resource-api-return-values
        const resourceId =
          intent.path === "/"
            ? { "Fn::GetAtt": [ctx.apiName, "RootResourceId"] }
            : isApiGatewayResource(resourceAt, ctx, "AWS::ApiGateway::Resource")
              ? { Ref: resourceAt.path[1] }
              : undefined;
        if (!resourceId) return { note: `OPTIONS ${intent.path}: its resource is not located in the template` };
        const { method, integration } = cfnPreflightParameters(intent);
        const id = logicalIdFor(ctx, `${intent.path === "/" ? ctx.apiName + "Root" : (resourceAt?.path[1] ?? "")}Options`);
        // A MOCK OPTIONS method, as the console's "Enable CORS" creates it.
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
        const resource = {
          Type: "AWS::ApiGateway::Method",
          Properties: {
            RestApiId: { Ref: ctx.apiName },
            ResourceId: resourceId,
            HttpMethod: "OPTIONS",
            AuthorizationType: "NONE",
            ApiKeyRequired: false,
            Integration: {
              Type: "MOCK",
              RequestTemplates: { "application/json": '{"statusCode": 200}' },
              IntegrationResponses: [{ StatusCode: "200", ResponseParameters: integration }],
            },
            MethodResponses: [{ StatusCode: "200", ResponseParameters: method }],
          },
        };
        return { changes: [{ file: ctx.entryFile, spec: specAt(["Resources"], spec([[id, new Replace(resource)]])) }] };
      }
      return { note: `OPTIONS ${intent.path}: written where Preflight cannot edit it` };
    }
    case "add-gateway-response-cors": {
      if (isSam) return { changes: [samGatewayResponse(ctx, intent)] };
      const at = locateKey(ctx, elementKey({ kind: "gatewayResponse", responseType: intent.responseType }));
      const root = at ? openApiRoot(ctx, at) : undefined;
      if (ctx.format === "openapi") return { changes: [openApiGatewayResponse(at?.file ?? ctx.entryFile, [], intent)] };
      if (at && root) return { changes: [openApiGatewayResponse(at.file, root, intent)] };
      const parameters = spec(gatewayResponseHeaders(intent).map(([name, value]) => [`gatewayresponse.header.${name}`, quoted(value)]));
      if (at && isResource(at, ctx))
        return { changes: [{ file: at.file, spec: specAt([...at.path, "Properties"], spec([["ResponseParameters", parameters]])) }] };
      if (isCfn) {
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-gatewayresponse.html
        const id = logicalIdFor(
          ctx,
          `${ctx.apiName}${intent.responseType.toLowerCase().replace(/(^|_)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase())}Response`,
        );
        const resource = {
          Type: "AWS::ApiGateway::GatewayResponse",
          Properties: {
            RestApiId: { Ref: ctx.apiName },
            ResponseType: intent.responseType,
            ResponseParameters: Object.fromEntries(Object.entries(parameters)),
            ...(intent.statusCode ? { StatusCode: intent.statusCode } : {}),
          },
        };
        return { changes: [{ file: ctx.entryFile, spec: specAt(["Resources"], spec([[id, new Replace(resource)]])) }] };
      }
      return { note: `gateway response ${intent.responseType}: not patched for ${ctx.format}` };
    }
    case "set-authorizer-ttl": {
      const at = locateKey(ctx, elementKey({ kind: "authorizer", id: intent.authorizerId }));
      if (isCfn && at && isResource(at, ctx))
        return {
          changes: [
            { file: at.file, spec: specAt([...at.path, "Properties"], spec([["AuthorizerResultTtlInSeconds", intent.toSeconds]])) },
          ],
        };
      const authorizers = isSam ? [...samApiRoot(ctx), "Auth", "Authorizers", intent.authorizerName] : undefined;
      if (authorizers && valueAt(ctx.valueOf(ctx.entryFile), authorizers) !== undefined) {
        // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-lambdarequestauthorizationidentity.html
        return {
          changes: [{ file: ctx.entryFile, spec: specAt([...authorizers, "Identity"], spec([["ReauthorizeEvery", intent.toSeconds]])) }],
        };
      }
      return {
        note: `authorizer ${intent.authorizerName}: its TTL is not written where Preflight can edit it; set it to ${intent.toSeconds} s`,
      };
    }
    case "add-method-response-cors-origin": {
      // The header is declared on the method response and mapped, as a static value, in the integration response.
      // https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
      const headers: Array<[string, string]> = [["Access-Control-Allow-Origin", intent.allowOrigin]];
      const at = locateKey(ctx, elementKey({ kind: "method", path: intent.path, httpMethod: intent.httpMethod }));
      const root = at ? openApiRoot(ctx, at) : undefined;
      if (at && root) return { changes: [openApiResponseHeaders(ctx, at, root, intent.statusCode, headers)] };
      if ((isCfn || isSam) && isApiGatewayResource(at, ctx, "AWS::ApiGateway::Method")) {
        const { method, integration } = cfnResponseParameters(headers);
        const properties = spec([
          ["MethodResponses", [new InSeq("StatusCode", intent.statusCode, spec([["ResponseParameters", method]]))]],
          [
            "Integration",
            spec([["IntegrationResponses", [new InSeq("StatusCode", intent.statusCode, spec([["ResponseParameters", integration]]))]]]),
          ],
        ]);
        return { changes: [{ file: at.file, spec: specAt([...at.path, "Properties"], properties) }] };
      }
      return { note: `${intent.httpMethod} ${intent.path}: its response is not written where Preflight can edit it` };
    }
    case "add-cache-key-parameter":
      return cacheKeyChange(ctx, intent);
    case "set-stage-method-setting":
      return methodSettingChange(ctx, intent);
    case "replace-preflight-integration-with-mock":
      return mockPreflightChange(ctx, intent);
  }
}

// --- stage cache: cache keys and method settings ------------------------------------------------------------

/** "method.request.header.Authorization" → where and what the request parameter is. */
function requestParameterOf(parameter: string): { location: "header" | "querystring" | "path"; name: string } | undefined {
  const match = /^method\.request\.(header|querystring|path)\.([^\s]+)$/.exec(parameter);
  return match ? { location: match[1] as "header" | "querystring" | "path", name: match[2] as string } : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * A cache key parameter must also be a declared method request parameter, or API Gateway refuses the integration
 * ("Invalid cache key parameter specified"): the OpenAPI operation gets the parameter and the integration's
 * `cacheKeyParameters` the key; an `AWS::ApiGateway::Method` gets `RequestParameters` and `Integration.CacheKeyParameters`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html#enable-api-gateway-cache-keys
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html (cacheKeyParameters)
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-method-integration.html (CacheKeyParameters)
 */
function cacheKeyChange(ctx: FixContext, intent: Extract<FixIntent, { kind: "add-cache-key-parameter" }>): IntentOutcome {
  const where = `${intent.httpMethod} ${intent.path}`;
  const parameter = requestParameterOf(intent.parameter);
  if (!parameter) return { note: `${where}: cache key ${intent.parameter} is not a method request parameter` };
  const at = locateKey(ctx, elementKey({ kind: "method", path: intent.path, httpMethod: intent.httpMethod }));
  if (!at) return { note: `${where}: not located in the template; add ${intent.parameter} to its cache key` };
  const root = openApiRoot(ctx, at);
  const operation = valueAt(ctx.valueOf(at.file), at.path);
  if (root) {
    const keys = stringList(valueAt(operation, ["x-amazon-apigateway-integration", "cacheKeyParameters"]));
    const swagger2 = isSwagger2(ctx, at.file, root);
    const declared = {
      name: parameter.name,
      in: parameter.location === "querystring" ? "query" : parameter.location,
      // OpenAPI requires path parameters to be required; a header or query parameter the browser may omit is not.
      required: parameter.location === "path",
      ...(swagger2 ? { type: "string" } : { schema: { type: "string" } }),
    };
    const params = valueAt(operation, ["parameters"]);
    const alreadyDeclared =
      Array.isArray(params) && params.some((item) => valueAt(item, ["name"]) === declared.name && valueAt(item, ["in"]) === declared.in);
    const entries: Array<[string, MergeSpec[string]]> = [
      [
        "x-amazon-apigateway-integration",
        spec([["cacheKeyParameters", new Replace([...keys.filter((key) => key !== intent.parameter), intent.parameter])]]),
      ],
    ];
    if (!alreadyDeclared)
      entries.unshift([
        "parameters",
        Array.isArray(params) && params.length > 0
          ? [new InSeq("name", declared.name, {}, declared, { in: declared.in })]
          : new Replace([declared]),
      ]);
    return { changes: [{ file: at.file, spec: specAt(at.path, spec(entries)) }] };
  }
  if (
    (ctx.format === "cloudformation" || ctx.format === "cdk" || ctx.format === "sam") &&
    isApiGatewayResource(at, ctx, "AWS::ApiGateway::Method")
  ) {
    const keys = stringList(valueAt(operation, ["Properties", "Integration", "CacheKeyParameters"]));
    const properties = spec([
      // true = required: only a path parameter always comes with the request.
      ["RequestParameters", spec([[intent.parameter, parameter.location === "path"]])],
      ["Integration", spec([["CacheKeyParameters", new Replace([...keys.filter((key) => key !== intent.parameter), intent.parameter])]])],
    ]);
    return { changes: [{ file: at.file, spec: specAt([...at.path, "Properties"], properties) }] };
  }
  return { note: `${where}: its integration is not written where Preflight can edit it; add ${intent.parameter} to its cache key` };
}

/** UpdateStage setting path → CloudFormation's MethodSetting property; the others have none. */
const METHOD_SETTING_PROPERTIES: Partial<Record<Extract<FixIntent, { kind: "set-stage-method-setting" }>["setting"], string>> = {
  "caching/enabled": "CachingEnabled",
  "caching/ttlInSeconds": "CacheTtlInSeconds",
  "caching/dataEncrypted": "CacheDataEncrypted",
};

/** The stage's `MethodSettings` list: a SAM Api's own stage, or an `AWS::ApiGateway::Stage` resource of this API. */
function methodSettingsHome(ctx: FixContext, stage: string): KeyPath | undefined {
  const template = ctx.valueOf(ctx.entryFile);
  if (ctx.format === "sam") {
    const root = samApiRoot(ctx);
    if (valueAt(template, [...root, "StageName"]) === stage) return root;
  }
  const resources = valueAt(template, ["Resources"]);
  if (!resources || typeof resources !== "object") return undefined;
  for (const [id, resource] of Object.entries(resources)) {
    if (valueAt(resource, ["Type"]) !== "AWS::ApiGateway::Stage" || valueAt(resource, ["Properties", "StageName"]) !== stage) continue;
    const api = valueAt(resource, ["Properties", "RestApiId"]);
    if (api && typeof api === "object" && valueAt(api, ["Ref"]) === ctx.apiName) return ["Resources", id, "Properties"];
  }
  return undefined;
}

/**
 * One MethodSetting entry, keyed by its ResourcePath (encoded as CloudFormation documents it: "/~1orders~1{id}") and
 * HttpMethod; "/*" and "*" for the stage-wide entry.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html
 */
function methodSettingChange(ctx: FixContext, intent: Extract<FixIntent, { kind: "set-stage-method-setting" }>): IntentOutcome {
  const property = METHOD_SETTING_PROPERTIES[intent.setting];
  const where = `stage ${intent.stage} ${intent.httpMethod} ${intent.path}`;
  if (!property)
    return {
      note: `${where}: ${intent.setting} has no CloudFormation MethodSetting property; set it after the deploy (aws apigateway update-stage)`,
    };
  if (ctx.format === "openapi") return { note: `${where}: method settings belong to the stage, which an OpenAPI document does not hold` };
  const home = methodSettingsHome(ctx, intent.stage);
  if (!home) return { note: `${where}: the stage is not written where Preflight can edit it; set ${property} in its MethodSettings` };
  const resourcePath = intent.path === "*" ? "/*" : intent.path === "/" ? "/" : `/${escapeResourcePath(intent.path)}`;
  const httpMethod = intent.httpMethod;
  const existing = valueAt(ctx.valueOf(ctx.entryFile), [...home, "MethodSettings"]);
  const entry = { ResourcePath: resourcePath, HttpMethod: httpMethod, [property]: intent.value };
  const settings =
    Array.isArray(existing) && existing.length > 0
      ? [new InSeq("ResourcePath", resourcePath, spec([[property, intent.value]]), entry, { HttpMethod: httpMethod })]
      : new Replace([entry]);
  return { changes: [{ file: ctx.entryFile, spec: specAt(home, spec([["MethodSettings", settings]])) }] };
}

// --- a preflight proxied to a backend ---------------------------------------------------------------------

/**
 * The OPTIONS method answered by API Gateway itself (MOCK with the CORS headers), as the console's "Enable CORS" and
 * API Gateway's import example write it, instead of reaching the backend: the OpenAPI `options` operation is replaced
 * as a whole; an `AWS::ApiGateway::Method` gets a MOCK `Integration` and the matching `MethodResponses`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/enable-cors-for-resource-using-swagger-importer-tool.html
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
 */
function mockPreflightChange(
  ctx: FixContext,
  intent: Extract<FixIntent, { kind: "replace-preflight-integration-with-mock" }>,
): IntentOutcome {
  const at = locateKey(ctx, elementKey({ kind: "method", path: intent.path, httpMethod: "OPTIONS" }));
  if (!at) return { note: `OPTIONS ${intent.path}: not located in the template; answer it with a MOCK integration` };
  const root = openApiRoot(ctx, at);
  const key = at.path.at(-1);
  if (root && typeof key === "string" && key.toLowerCase() === "options" && at.path.length > root.length + 2) {
    const operation = openApiPreflightOperation(isSwagger2(ctx, at.file, root), intent);
    return { changes: [{ file: at.file, spec: specAt(at.path.slice(0, -1), spec([[key, new Replace(operation)]])) }] };
  }
  if (
    (ctx.format === "cloudformation" || ctx.format === "cdk" || ctx.format === "sam") &&
    isApiGatewayResource(at, ctx, "AWS::ApiGateway::Method")
  ) {
    const { method, integration } = cfnPreflightParameters(intent);
    const properties = spec([
      [
        "Integration",
        new Replace({
          Type: "MOCK",
          RequestTemplates: { "application/json": '{"statusCode": 200}' },
          IntegrationResponses: [{ StatusCode: "200", ResponseParameters: plainOf(integration) }],
        }),
      ],
      ["MethodResponses", new Replace([{ StatusCode: "200", ResponseParameters: plainOf(method) }])],
    ]);
    return { changes: [{ file: at.file, spec: specAt([...at.path, "Properties"], properties) }] };
  }
  // A SAM Api event is always a Lambda proxy integration: its preflight belongs to the API's Cors instead.
  return {
    note: `OPTIONS ${intent.path}: written where Preflight cannot make it MOCK (an Api event is always a Lambda proxy); use Cors on the API`,
  };
}

export { documentRoot };
