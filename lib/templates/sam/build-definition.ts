/**
 * One SAM API under one condition variant → the OpenAPI definition SAM would hand to API Gateway, built in
 * the translator's order (api_generator.py `_construct_rest_api`): the body (DefinitionBody, an included or
 * local file, or SAM's own skeleton), the events' Lambda integrations and per-event Auth (push.py
 * `Api._add_swagger_integration`, `add_auth_to_swagger`), then `_add_cors`, `_add_auth`,
 * `_add_gateway_responses`, `_add_binary_media_types`. Every generated element remembers the template position
 * that produced it, so the OpenAPI reader's element positions point into the SAM template.
 */
import { parseTemplateDocument, type TemplateDocument, type ValuePath } from "@/lib/templates/document";
import type { SourcePosition, TemplateReadContext } from "@/lib/templates/types";
import { isRecord, placeholderText, type JsonRecord } from "@/lib/templates/openapi/values";
import { openApiVersion } from "@/lib/templates/openapi/detect";
import { chooseBranch, pyTruthy } from "@/lib/templates/sam/conditions";
import { copyResolved, IntrinsicResolver } from "@/lib/templates/cloudformation/intrinsics";
import { define, normalizeMethod, SamSwaggerEditor } from "@/lib/templates/sam/swagger-editor";
import { authorizerScheme } from "@/lib/templates/sam/authorizers";
import type { SamApiEvent, SamApiSource } from "@/lib/templates/sam/sources";

export interface BuildProblem {
  message: string;
  position: SourcePosition;
  /** True when the definition could not be built at all (then the API's resources are unknown). */
  fatal?: boolean;
}

export interface BuiltDefinition {
  /** Undefined when the API does not exist in this variant (its Condition is false, or no event survives). */
  definition?: JsonRecord;
  /** Maps a path inside the definition to where the template (or the included file) wrote it. */
  locate(path: ValuePath): SourcePosition;
  problems: BuildProblem[];
  /** Files read besides the template (AWS::Include, a local DefinitionUri). */
  files: string[];
  /** Set when the definition cannot be read (remote DefinitionUri, unreadable include). */
  unreadable?: string;
  /** The API's properties (Globals merged) with intrinsics resolved in this variant. */
  properties: JsonRecord;
  /** Conditions met in an included file that this variant did not fix (for exploreVariants). */
  unassigned: string[];
}

interface BuildInput {
  api: SamApiSource;
  /** The CloudFormation reader's resolver for this variant (lib/templates/cloudformation/intrinsics.ts). */
  resolver: IntrinsicResolver;
  document: TemplateDocument;
  context: TemplateReadContext;
}

interface OriginNode {
  position?: SourcePosition;
  children?: Map<string, OriginNode>;
}

/**
 * Where each generated part of the definition came from in the template (an event, Cors, Auth…), by its path in
 * the definition: a tree of path segments, so `locate` finds the deepest origin along a path in one walk.
 */
class Origins {
  private readonly root: OriginNode = {};

  set(path: ValuePath, position: SourcePosition): void {
    let node = this.root;
    for (const segment of path) {
      node.children ??= new Map();
      const key = String(segment);
      let child = node.children.get(key);
      if (!child) {
        child = {};
        node.children.set(key, child);
      }
      node = child;
    }
    node.position = position;
  }

  get(path: ValuePath): SourcePosition | undefined {
    let node: OriginNode | undefined = this.root;
    for (const segment of path) node = node?.children?.get(String(segment));
    return node?.position;
  }

  /** The origin of the longest non-empty prefix of `path` that has one, with that prefix's length. */
  deepest(path: ValuePath): { length: number; position: SourcePosition } | undefined {
    let found: { length: number; position: SourcePosition } | undefined;
    let node: OriginNode | undefined = this.root;
    for (let i = 0; i < path.length && node; i++) {
      node = node.children?.get(String(path[i]));
      if (node?.position) found = { length: i + 1, position: node.position };
    }
    return found;
  }
}

const CORS_KEYS = new Set(["AllowMethods", "AllowHeaders", "AllowOrigin", "MaxAge", "AllowCredentials"]);
const AUTH_KEYS = new Set([
  "Authorizers",
  "DefaultAuthorizer",
  "InvokeRole",
  "AddDefaultAuthorizerToCorsPreflight",
  "AddApiKeyRequiredToCorsPreflight",
  "ApiKeyRequired",
  "ResourcePolicy",
  "UsagePlan",
]);

export function buildSamDefinition({ api, resolver, document, context }: BuildInput): BuiltDefinition {
  const problems: BuildProblem[] = [];
  const files: string[] = [];
  const unassigned: string[] = [];
  /** Branch choices made so far (read lazily: conditions are fixed as the resolver meets them). */
  // Cached until the resolver meets another unassigned condition (the assumptions themselves never change).
  let chosenCache: { count: number; assumptions: Record<string, boolean> } | undefined;
  const chosen = () => {
    if (chosenCache?.count !== resolver.unassigned.length)
      chosenCache = { count: resolver.unassigned.length, assumptions: resolver.effectiveAssumptions() };
    return chosenCache.assumptions;
  };
  const origins = new Origins();
  const apiPosition = document.positionOf(api.resourcePath ?? api.events[0]?.path ?? ["Resources"]);
  /** Where a (possibly Globals-merged) property was written: the resource's own value first, else Globals.Api. */
  const propertyPosition = (propertyPath: ValuePath): SourcePosition => {
    const has = (root: unknown, path: ValuePath) => {
      let node = root;
      for (const key of path) {
        node = chooseBranch(node, chosen());
        if (!isRecord(node) || !Object.hasOwn(node, key)) return false;
        node = node[key as string];
      }
      return true;
    };
    if (api.resourcePath && has(api.own, propertyPath)) return document.positionOf([...api.resourcePath, "Properties", ...propertyPath]);
    if (api.globals && has(api.globals, propertyPath)) return document.positionOf(["Globals", "Api", ...propertyPath]);
    return apiPosition;
  };
  const problem = (message: string, position: SourcePosition, fatal = false) =>
    problems.push(fatal ? { message, position, fatal } : { message, position });

  const done = (extra: Partial<BuiltDefinition> & { locate: BuiltDefinition["locate"] }, properties: JsonRecord = {}): BuiltDefinition => ({
    problems,
    files,
    properties,
    unassigned,
    ...extra,
  });
  // The API exists in this variant only if its own Condition holds.
  if (api.condition && !resolver.condition(api.condition, [...(api.resourcePath ?? []), "Condition"]))
    return done({ locate: () => apiPosition });
  const props = resolveProperties(api, resolver);

  // --- the body
  let body: JsonRecord;
  let manage = false;
  let bodySource: { document: TemplateDocument; base: ValuePath; raw: unknown } | undefined;
  const definitionBody = props.DefinitionBody;
  if (definitionBody !== undefined) {
    const include = includeLocation(definitionBody);
    if (include !== undefined) {
      const position = propertyPosition(["DefinitionBody"]);
      const read = readLocal(include, "AWS::Include Location", document.file, context, resolver, unassigned);
      if ("error" in read) {
        problems.push({ message: read.error, position, fatal: true });
        return done({ locate: () => position, unreadable: read.error }, props);
      }
      files.push(read.document.file);
      body = read.value;
      bodySource = { document: read.document, base: [], raw: read.document.value };
    } else if (isRecord(definitionBody)) {
      // Resolved copy-on-write (resolveProperties): shared with the template until something below would edit it.
      body = bodyMayBeEdited(definitionBody, props, api) ? (copyResolved(definitionBody) as JsonRecord) : definitionBody;
      if (body !== definitionBody) define(props, "DefinitionBody", body);
      if (api.resourcePath) {
        const raw = (api.own as JsonRecord).DefinitionBody;
        bodySource = { document, base: [...api.resourcePath, "Properties", "DefinitionBody"], raw };
      }
    } else {
      const message = "DefinitionBody is not an object; not read";
      problems.push({ message, position: propertyPosition(["DefinitionBody"]), fatal: true });
      return done({ locate: () => apiPosition, unreadable: message }, props);
    }
  } else if (props.DefinitionUri !== undefined) {
    const uri = props.DefinitionUri;
    const position = propertyPosition(["DefinitionUri"]);
    if (typeof uri !== "string" || uri.startsWith("s3://")) {
      const message = "DefinitionUri points at S3 (a Bucket/Key object or an s3:// URI): the definition is not available to read";
      problems.push({ message, position, fatal: true });
      return done({ locate: () => position, unreadable: message }, props);
    }
    const read = readLocal(uri, "DefinitionUri", document.file, context, resolver, unassigned);
    if ("error" in read) {
      problems.push({ message: read.error, position, fatal: true });
      return done({ locate: () => position, unreadable: read.error }, props);
    }
    files.push(read.document.file);
    body = read.value;
    bodySource = { document: read.document, base: [], raw: read.document.value };
    // api_generator.py `_add_cors` / `_add_auth` / `_add_gateway_responses` refuse a DefinitionUri: "works only
    // with inline Swagger specified in 'DefinitionBody' property" (`sam deploy` uploads the file to S3 first).
    for (const key of ["Cors", "Auth", "GatewayResponses"]) {
      if (pyTruthy(props[key]))
        problem(
          `${key} works only with an inline DefinitionBody; SAM refuses it with DefinitionUri, so it is not applied`,
          propertyPosition([key]),
        );
    }
  } else {
    // default_definition_body_plugin.py / implicit_rest_api_plugin.py: SAM's skeleton (`gen_skeleton`) built from the events.
    body = { swagger: "2.0", info: { version: "1.0", title: { Ref: "AWS::StackName" } }, paths: {} };
    manage = true;
  }

  const editor = new SamSwaggerEditor(body);
  const valid = isRecord(body.paths) && openApiVersion(body) !== undefined;
  // MergeDefinitions: each event's generated method is merged over the DefinitionBody's own, the generated keys
  // winning (push.py `_get_merged_definitions`: `{**path_method_body, **generated_path_method_body}`, built on a
  // fresh skeleton per event, so there is no duplicate check).
  const merge = !manage && bodySource !== undefined && pyTruthy(props.MergeDefinitions) && valid;
  const apiAuth = isRecord(props.Auth) ? props.Auth : undefined;

  // --- events (only SAM-managed bodies get paths from events; push.py `to_cloudformation`)
  const conditionalOnly = new Map<string, boolean>();
  for (const event of api.events) {
    const eventProps = resolver.resolve(event.properties, [...event.path, "Properties"]);
    if (!isRecord(eventProps)) continue;
    const eventPosition = document.positionOf(event.path);
    const path = typeof eventProps.Path === "string" ? eventProps.Path : undefined;
    const method = typeof eventProps.Method === "string" ? eventProps.Method.toLowerCase() : undefined;
    if (!path || !method) {
      problem(`${event.functionId}.${event.eventId}: Path and Method must be literal strings; event not read`, eventPosition);
      continue;
    }
    const included = !(
      event.condition && !resolver.condition(event.condition, [event.path[0] as string, event.path[1] as string, "Condition"])
    );
    if (manage || merge) {
      if (manage) conditionalOnly.set(path, (conditionalOnly.get(path) ?? true) && event.condition !== undefined);
      if (!included) {
        // The method sits in Fn::If [condition, method, NoValue]: its path item stays (possibly empty).
        if (!editor.pathItem(path)) define(editor.paths, path, {});
        continue;
      }
      if (merge) {
        const existing = editor.pathItem(path)?.[normalizeMethod(method)];
        if (isRecord(existing)) {
          // Keys the generated method carries replace the written ones.
          for (const key of ["x-amazon-apigateway-integration", "responses"]) delete existing[key];
          if (isRecord(eventProps.Auth) && (pyTruthy(eventProps.Auth.Authorizer) || eventProps.Auth.ApiKeyRequired !== undefined))
            delete existing.security;
          if (Array.isArray(eventProps.RequestParameters)) delete existing.parameters;
        }
      } else if (editor.hasIntegration(path, method)) {
        problem(
          `${event.functionId}.${event.eventId}: API method "${method}" defined multiple times for path "${path}" (SAM refuses the template)`,
          eventPosition,
        );
        continue;
      }
      // push.py `_build_apigw_integration_uri`: the function's invocation ARN, resolved like any template value.
      const uri = resolver.resolve(
        {
          "Fn::Sub": `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${event.functionId}.Arn}/invocations`,
        },
        event.path,
      );
      editor.addLambdaIntegration(path, method, uri);
      origins.set(["paths", path], origins.get(["paths", path]) ?? eventPosition);
      origins.set(["paths", path, normalizeMethod(method)], eventPosition);
      if (isRecord(eventProps.Auth))
        applyEventAuth(editor, event, eventProps.Auth, apiAuth, path, method, (m) =>
          problem(m, document.positionOf([...event.path, "Properties", "Auth"])),
        );
      if (Array.isArray(eventProps.RequestParameters)) {
        const parameters = eventProps.RequestParameters.flatMap((p) => {
          if (typeof p === "string") return [{ name: p, required: false, caching: false }];
          if (isRecord(p)) {
            const [name] = Object.keys(p);
            const settings = name !== undefined && isRecord(p[name]) ? (p[name] as JsonRecord) : {};
            return name ? [{ name, required: settings.Required ?? false, caching: settings.Caching ?? false }] : [];
          }
          return [];
        });
        editor.addRequestParameters(path, method, parameters);
      }
    } else if (included && isRecord(eventProps.Auth) && pyTruthy(eventProps.Auth.OverrideApiAuth) && valid) {
      // push.py: OverrideApiAuth applies the event's Auth to a user-written DefinitionBody.
      applyEventAuth(editor, event, eventProps.Auth, apiAuth, path, method, (m) =>
        problem(m, document.positionOf([...event.path, "Properties", "Auth"])),
      );
    }
  }
  // implicit_api_plugin.py `_maybe_add_conditions_to_implicit_api_paths`: a path whose methods all depend on
  // conditions exists only when one of them holds.
  for (const [path, onlyConditional] of conditionalOnly) {
    const item = editor.pathItem(path);
    if (onlyConditional && item && Object.keys(item).length === 0) delete editor.paths[path];
  }
  if (manage && api.events.length > 0 && Object.keys(editor.paths).length === 0) {
    // Every event's function is switched off by its condition: SAM gives the API the same condition.
    return done({ locate: () => apiPosition }, props);
  }

  // --- Cors (api_generator.py `_add_cors`)
  if (pyTruthy(props.Cors) && props.DefinitionUri === undefined) {
    const corsPosition = propertyPosition(["Cors"]);
    const cors = readCors(props.Cors);
    if ("error" in cors) problem(`Cors: ${cors.error} (SAM refuses the template)`, corsPosition);
    else if (!valid)
      problem("Cors needs a DefinitionBody that is a Swagger/OpenAPI definition with paths (SAM refuses the template)", corsPosition);
    else {
      const seen = new Set<string>();
      for (const path of Object.keys(editor.paths)) {
        const normalized = path !== "/" ? path.replace(/\/+$/, "") : path;
        if (seen.has(normalized)) continue;
        seen.add(normalized);
        if (editor.addCors(path, cors)) origins.set(["paths", path, "options"], corsPosition);
      }
    }
  }

  // --- Auth (api_generator.py `_add_auth`)
  if (pyTruthy(props.Auth) && props.DefinitionUri === undefined) {
    const authPosition = propertyPosition(["Auth"]);
    if (!apiAuth || !Object.keys(apiAuth).every((k) => AUTH_KEYS.has(k)))
      problem("Auth has an unknown key (SAM refuses the template)", authPosition);
    else if (!valid)
      problem("Auth needs a DefinitionBody that is a Swagger/OpenAPI definition with paths (SAM refuses the template)", authPosition);
    else applyApiAuth(editor, apiAuth, resolver, propertyPosition, origins, problem);
  }

  // --- GatewayResponses (api_generator.py `_add_gateway_responses`, apigateway.py `ApiGatewayResponse`)
  if (pyTruthy(props.GatewayResponses) && props.DefinitionUri === undefined && isRecord(props.GatewayResponses)) {
    const responses: JsonRecord = isRecord(body["x-amazon-apigateway-gateway-responses"])
      ? (body["x-amazon-apigateway-gateway-responses"] as JsonRecord)
      : {};
    for (const type of Object.keys(props.GatewayResponses)) {
      const response = props.GatewayResponses[type];
      const position = propertyPosition(["GatewayResponses", type]);
      if (!isRecord(response)) {
        problem(`GatewayResponses.${type} is not a map (SAM refuses the template)`, position);
        continue;
      }
      const parameters: JsonRecord = {};
      const rp = isRecord(response.ResponseParameters) ? response.ResponseParameters : {};
      for (const [property, prefix] of [
        ["Headers", "header."],
        ["Paths", "path."],
        ["QueryStrings", "querystring."],
      ] as const) {
        const values = rp[property];
        if (isRecord(values)) for (const key of Object.keys(values)) define(parameters, `gatewayresponse.${prefix}${key}`, values[key]);
      }
      const generated: JsonRecord = {
        responseParameters: parameters,
        responseTemplates: isRecord(response.ResponseTemplates) ? response.ResponseTemplates : {},
      };
      if (response.StatusCode !== undefined && response.StatusCode !== null) generated.statusCode = String(response.StatusCode);
      define(responses, type, generated);
      origins.set(["x-amazon-apigateway-gateway-responses", type], position);
    }
    define(body, "x-amazon-apigateway-gateway-responses", responses);
  }

  // --- BinaryMediaTypes (swagger.py `add_binary_media_types`: "~1" stands for "/")
  if (Array.isArray(props.BinaryMediaTypes) && props.BinaryMediaTypes.length > 0) {
    define(
      body,
      "x-amazon-apigateway-binary-media-types",
      props.BinaryMediaTypes.map((t) => (typeof t === "string" ? t.replaceAll("~1", "/") : t)),
    );
    origins.set(["x-amazon-apigateway-binary-media-types"], propertyPosition(["BinaryMediaTypes"]));
  }

  origins.set([], apiPosition);
  // The first of, from the whole path to its shortest prefix: a generated element's origin, then the body's own
  // text (through the Fn::If branches this variant chose). Both are found in one walk down the path each.
  const locate = (path: ValuePath): SourcePosition => {
    const origin = origins.deepest(path);
    if (bodySource) {
      const raw = rawPrefix(bodySource.raw, path, chosen());
      if (!origin || raw.length > origin.length)
        return raw.path
          ? bodySource.document.positionOf([...bodySource.base, ...raw.path])
          : bodySource.document.positionBelow(bodySource.base, path, raw.length);
    }
    return origin?.position ?? apiPosition;
  };
  return done({ definition: body, locate }, props);
}

/**
 * The merged properties, each resolved where it was written (the resource's own value, else Globals.Api) so a
 * gap points at the right line. DefinitionBody's AWS::Include is kept for the caller (the resolver does not run macros).
 */
function resolveProperties(api: SamApiSource, resolver: IntrinsicResolver): JsonRecord {
  const out: JsonRecord = {};
  for (const key of Object.keys(api.properties)) {
    const path: ValuePath =
      api.resourcePath && Object.hasOwn(api.own, key) ? [...api.resourcePath, "Properties", key] : ["Globals", "Api", key];
    let raw = api.properties[key];
    if (key === "DefinitionBody") {
      raw = chooseBranch(raw, resolver.effectiveAssumptions());
      if (includeLocation(raw) !== undefined) {
        const transform = (raw as JsonRecord)["Fn::Transform"] as JsonRecord;
        const parameters = isRecord(transform.Parameters) ? transform.Parameters : {};
        const location = resolver.resolve(parameters.Location, [...path, "Fn::Transform", "Parameters", "Location"]);
        define(out, key, { "Fn::Transform": { Name: "AWS::Include", Parameters: { Location: location } } });
        continue;
      }
    }
    // DefinitionBody (thousands of nodes in a large API, mostly without intrinsics) is resolved copy-on-write;
    // buildSamDefinition copies it before the swagger editor changes anything in it.
    const value = key === "DefinitionBody" ? resolver.resolveShared(raw, path) : resolver.resolve(raw, path);
    if (value !== undefined) define(out, key, value);
  }
  return out;
}

/**
 * Whether building the definition may edit an inline DefinitionBody: the swagger editor adds `paths` when it is
 * missing, events add methods (or Auth to written ones), and Cors, Auth, GatewayResponses and BinaryMediaTypes each
 * add to it. Generous on purpose: a body edited without a copy would change the template's own value (shared by
 * every variant and the parse cache).
 */
function bodyMayBeEdited(body: JsonRecord, props: JsonRecord, api: SamApiSource): boolean {
  return (
    !isRecord(body.paths) ||
    api.events.length > 0 ||
    pyTruthy(props.Cors) ||
    pyTruthy(props.Auth) ||
    pyTruthy(props.GatewayResponses) ||
    (Array.isArray(props.BinaryMediaTypes) && props.BinaryMediaTypes.length > 0)
  );
}

/**
 * The longest prefix of `path` that exists in the raw (unresolved) value, as its length and its path in the raw value
 * (stepping through the `Fn::If` branches this variant chose, including those right below the prefix). `path` is
 * undefined when no branch was stepped through: the raw path is then the prefix itself (the common case, which then
 * builds no array).
 */
function rawPrefix(raw: unknown, path: ValuePath, assumptions: Record<string, boolean>): { length: number; path?: ValuePath } {
  let out: Array<string | number> | undefined;
  let node = raw;
  for (let i = 0; ; i++) {
    for (let hops = 0; hops < 50; hops++) {
      // Object.keys last: the paths object of a large definition has thousands of keys, and this runs per lookup.
      if (!isRecord(node) || !Array.isArray(node["Fn::If"]) || Object.keys(node).length !== 1) break;
      const args = node["Fn::If"] as unknown[];
      if (typeof args[0] !== "string" || !Object.hasOwn(assumptions, args[0])) break;
      const index = assumptions[args[0]] ? 1 : 2;
      out ??= path.slice(0, i);
      out.push("Fn::If", index);
      node = args[index];
    }
    if (i === path.length) return out ? { length: i, path: out } : { length: i };
    const key = path[i];
    if (isRecord(node) && typeof key === "string" && Object.hasOwn(node, key)) node = node[key];
    else if (Array.isArray(node) && typeof key === "number" && key < node.length) node = node[key];
    else return out ? { length: i, path: out } : { length: i };
    out?.push(key as string | number);
  }
}

function includeLocation(value: unknown): string | undefined {
  if (!isRecord(value) || Object.keys(value).length !== 1) return undefined;
  const transform = value["Fn::Transform"];
  if (!isRecord(transform) || transform.Name !== "AWS::Include") return undefined;
  const parameters = isRecord(transform.Parameters) ? transform.Parameters : {};
  return placeholderText(parameters.Location) ?? "";
}

/**
 * A file the template references. CloudFormation runs an embedded `Fn::Transform` (AWS::Include) before the
 * template's own Transform ("from the most deeply nested outward",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-macros.html), so SAM sees the included body.
 */
function readLocal(
  location: string,
  what: string,
  from: string,
  context: TemplateReadContext,
  resolver: IntrinsicResolver,
  unassigned: string[],
): { document: TemplateDocument; value: JsonRecord } | { error: string } {
  if (location === "" || /^[a-z][a-z0-9+.-]*:\/\//i.test(location) || location.includes("${")) {
    return { error: `${what} "${location.slice(0, 200)}" is not a local file (S3 or computed): the definition is not available to read` };
  }
  const read = context.readRelative(from, location);
  if (!read.ok) return { error: `${what} "${location.slice(0, 200)}": ${read.error.message}` };
  const parsed = parseTemplateDocument(read.file.path, read.file.text);
  if (!parsed.ok) return { error: parsed.error.message };
  // CloudFormation resolves the included text's intrinsics like the template's own; gaps point into the included file.
  const own = new IntrinsicResolver(resolver.template, {
    region: context.region,
    assumptions: resolver.effectiveAssumptions(),
    document: parsed.document,
  });
  const value = own.resolve(parsed.document.value, []);
  for (const gap of own.gaps) resolver.gaps.push(gap);
  for (const name of own.unassigned) if (!unassigned.includes(name)) unassigned.push(name);
  if (!isRecord(value)) return { error: `${read.file.path}: not a Swagger/OpenAPI definition` };
  return { document: parsed.document, value };
}

type Cors = { allowOrigin: unknown; allowHeaders: unknown; allowMethods: unknown; maxAge: unknown; allowCredentials: unknown };

/** api_generator.py `_add_cors`: a string (or intrinsic) is AllowOrigin; a map names the five properties; AllowOrigin defaults to "'*'". */
function readCors(value: unknown): Cors | { error: string } {
  const cors: Cors = { allowOrigin: "'*'", allowHeaders: undefined, allowMethods: undefined, maxAge: undefined, allowCredentials: false };
  if (
    typeof value === "string" ||
    (isRecord(value) &&
      placeholderText(value) !== undefined &&
      Object.keys(value).length === 1 &&
      !Object.keys(value).some((k) => CORS_KEYS.has(k)))
  ) {
    cors.allowOrigin = value;
    return cors;
  }
  if (!isRecord(value)) return { error: "invalid value" };
  for (const key of Object.keys(value)) if (!CORS_KEYS.has(key)) return { error: `invalid key '${key}'` };
  if (Object.hasOwn(value, "AllowOrigin")) cors.allowOrigin = value.AllowOrigin;
  cors.allowHeaders = value.AllowHeaders;
  cors.allowMethods = value.AllowMethods;
  cors.maxAge = value.MaxAge;
  if (Object.hasOwn(value, "AllowCredentials")) cors.allowCredentials = value.AllowCredentials;
  if (cors.allowCredentials === true && cors.allowOrigin === "'*'")
    return { error: "AllowCredentials can not be true when AllowOrigin is \"'*'\" or not set" };
  if (!pyTruthy(cors.allowOrigin)) return { error: "AllowOrigin is required" };
  return cors;
}

/** push.py `Api.add_auth_to_swagger` (validation) and swagger.py `add_auth_to_method`. */
function applyEventAuth(
  editor: SamSwaggerEditor,
  event: SamApiEvent,
  auth: JsonRecord,
  apiAuth: JsonRecord | undefined,
  path: string,
  method: string,
  fail: (m: string) => void,
): void {
  const where = `${event.functionId}.${event.eventId}`;
  const methodAuthorizer = auth.Authorizer;
  const authorizers = apiAuth && isRecord(apiAuth.Authorizers) ? apiAuth.Authorizers : undefined;
  if (pyTruthy(methodAuthorizer) && methodAuthorizer !== "AWS_IAM") {
    if (methodAuthorizer !== "NONE") {
      if (typeof methodAuthorizer !== "string" || !authorizers || !Object.hasOwn(authorizers, methodAuthorizer)) {
        fail(`${where}: Authorizer "${String(methodAuthorizer)}" is not defined in the API's Auth.Authorizers (SAM refuses the template)`);
        return;
      }
    } else if (!apiAuth || !pyTruthy(apiAuth.DefaultAuthorizer)) {
      fail(`${where}: Authorizer NONE is only valid when the API has a DefaultAuthorizer (SAM refuses the template)`);
      return;
    }
  }
  if (pyTruthy(auth.AuthorizationScopes) && !pyTruthy(methodAuthorizer)) {
    fail(`${where}: AuthorizationScopes works only when Authorizer is set (SAM refuses the template)`);
    return;
  }
  const apiKey = auth.ApiKeyRequired;
  if (apiKey !== undefined && apiKey !== null && !pyTruthy(apiKey) && !(apiAuth && pyTruthy(apiAuth.ApiKeyRequired))) {
    fail(`${where}: ApiKeyRequired false needs ApiKeyRequired on the API (SAM refuses the template)`);
    return;
  }
  if (pyTruthy(methodAuthorizer)) {
    const name = methodAuthorizer as string;
    let scopes: unknown[] | undefined;
    if (name !== "NONE" && authorizers) {
      const authorizer = authorizers[name];
      let methodScopes: unknown = isRecord(authorizer) ? authorizer.AuthorizationScopes : undefined;
      if (auth.AuthorizationScopes !== undefined && auth.AuthorizationScopes !== null) methodScopes = auth.AuthorizationScopes;
      if (authorizer !== undefined && authorizer !== null && Array.isArray(methodScopes)) scopes = methodScopes;
    }
    editor.setMethodAuthorizer(path, method, name, scopes);
  }
  if (apiKey !== undefined && apiKey !== null) editor.setMethodApiKey(path, method, pyTruthy(apiKey));
}

/** api_generator.py `_add_auth`, `_get_authorizers`, `_set_default_authorizer`, `_set_default_apikey_required`. */
function applyApiAuth(
  editor: SamSwaggerEditor,
  auth: JsonRecord,
  resolver: IntrinsicResolver,
  propertyPosition: (path: ValuePath) => SourcePosition,
  origins: Origins,
  problem: (message: string, position: SourcePosition) => void,
): void {
  const defaultAuthorizer = auth.DefaultAuthorizer;
  const configured = isRecord(auth.Authorizers) ? auth.Authorizers : undefined;
  const schemes: Record<string, JsonRecord> = {};
  const scopes: Record<string, unknown[]> = {};
  if (defaultAuthorizer === "AWS_IAM")
    schemes.AWS_IAM = { "x-amazon-apigateway-authtype": "awsSigv4", type: "apiKey", name: "Authorization", in: "header" };
  if (configured) {
    for (const name of Object.keys(configured)) {
      const authorizer = configured[name];
      const position = propertyPosition(["Auth", "Authorizers", name]);
      if (!isRecord(authorizer)) {
        problem(`Auth.Authorizers.${name} is not a map (SAM refuses the template)`, position);
        continue;
      }
      const scheme = authorizerScheme(name, authorizer);
      if ("error" in scheme) {
        problem(`${scheme.error} (SAM refuses the template)`, position);
        continue;
      }
      const ext = scheme["x-amazon-apigateway-authorizer"];
      if (isRecord(ext) && ext.authorizerUri !== undefined) ext.authorizerUri = resolver.resolve(ext.authorizerUri, ["Resources"]);
      Object.defineProperty(schemes, name, { value: scheme, enumerable: true, writable: true, configurable: true });
      scopes[name] = Array.isArray(authorizer.AuthorizationScopes) ? authorizer.AuthorizationScopes : [];
      origins.set(["securityDefinitions", name], position);
    }
  }
  const names = Object.keys(schemes);
  if (names.length > 0) {
    for (const name of names) editor.addSecurityDefinition(name, schemes[name] as JsonRecord, false);
    if (pyTruthy(defaultAuthorizer)) {
      if (typeof defaultAuthorizer !== "string")
        problem("DefaultAuthorizer is not a string (SAM refuses the template)", propertyPosition(["Auth", "DefaultAuthorizer"]));
      else if (!Object.hasOwn(schemes, defaultAuthorizer))
        problem(
          `DefaultAuthorizer "${defaultAuthorizer}" is not defined in Authorizers (SAM refuses the template)`,
          propertyPosition(["Auth", "DefaultAuthorizer"]),
        );
      else {
        // AddDefaultAuthorizerToCorsPreflight defaults to true (api_generator.py AuthProperties defaults).
        const toPreflight = Object.hasOwn(auth, "AddDefaultAuthorizerToCorsPreflight")
          ? pyTruthy(auth.AddDefaultAuthorizerToCorsPreflight)
          : true;
        for (const path of Object.keys(editor.paths)) {
          editor.setPathDefaultAuthorizer(path, defaultAuthorizer, names, (n) => scopes[n] ?? [], toPreflight);
        }
        if (defaultAuthorizer === "AWS_IAM")
          origins.set(["securityDefinitions", "AWS_IAM"], propertyPosition(["Auth", "DefaultAuthorizer"]));
      }
    }
  }
  if (pyTruthy(auth.ApiKeyRequired)) {
    editor.addApiKeySecurityDefinition();
    const toPreflight = Object.hasOwn(auth, "AddApiKeyRequiredToCorsPreflight") ? pyTruthy(auth.AddApiKeyRequiredToCorsPreflight) : true;
    for (const path of Object.keys(editor.paths)) editor.setPathDefaultApiKeyRequired(path, toPreflight);
  }
  if (pyTruthy(auth.ResourcePolicy)) {
    problem(
      "Auth.ResourcePolicy: resource policies are not modelled; who can reach the API beyond authorizers and API keys is not checked",
      propertyPosition(["Auth", "ResourcePolicy"]),
    );
  }
}
