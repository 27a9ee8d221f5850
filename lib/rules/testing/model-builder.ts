import {
  HTTP_VERBS,
  MODEL_SCHEMA_VERSION,
  type ApiModel,
  type AuthorizationType,
  type AuthorizerModel,
  type AuthorizerType,
  type DeployedMethodSummary,
  type DriftItem,
  type EffectiveMethodSettings,
  type GatewayResponseModel,
  type HttpVerb,
  type IntegrationModel,
  type IntegrationResponseModel,
  type IntegrationType,
  type MethodModel,
  type MethodResponseModel,
  type MethodSettingsModel,
  type ModelPart,
  type ResourceModel,
  type StageModel,
} from "@/lib/model/types";
import { builtInGatewayResponse, GATEWAY_RESPONSE_TYPES } from "@/lib/model/gateway-responses";
import { parseIdentitySources } from "@/lib/model/identity-sources";
import { DEFAULT_METHOD_SETTINGS } from "@/lib/model/method-settings";
import { methodSettingsKey } from "@/lib/rules/support/stage-cache";

/**
 * A small fluent builder for ApiModel, used by rule tests only. It fills what the reader would:
 * parent resources, ids, the complete gateway response list, a deployment snapshot per stage
 * (the draft unless told otherwise), drift and per-method effective stage settings.
 *
 *   api().resource("/orders/{id}", (r) => r.method("PUT", (m) => m.authorizer("jwt")).cors())
 *     .authorizer("jwt", { type: "TOKEN" }).stage("prod").build()
 */
export function api(options: ApiOptions = {}): ApiBuilder {
  return new ApiBuilder(options);
}

export interface ApiOptions {
  id?: string;
  name?: string;
  region?: string;
  accountId?: string;
  apiKeySource?: "HEADER" | "AUTHORIZER";
}

export interface AuthorizerSpec {
  type: AuthorizerType;
  id?: string;
  /** Configured TTL; leave undefined for "unset" (API Gateway then applies 300 s). */
  ttl?: number;
  /** Comma-separated, as API Gateway stores it. Defaults to the Authorization header for TOKEN and Cognito. */
  identitySource?: string;
  lambdaFunctionArn?: string;
}

export interface CorsSpec {
  /** Literal values without quotes; undefined leaves the header out entirely. */
  allowOrigin?: string;
  allowMethods?: string;
  allowHeaders?: string;
  allowCredentials?: boolean;
}

// The console's suggested Access-Control-Allow-Headers (how-to-cors-console.html).
const CONSOLE_ALLOW_HEADERS = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token";

export class MethodBuilder {
  authorizationType: AuthorizationType = "NONE";
  authorizerName?: string;
  scopes: string[] = [];
  apiKeyRequired = false;
  requestParameters: Record<string, boolean> = {};
  requestModels: Record<string, string> = {};
  integration?: IntegrationModel = { type: "AWS_PROXY", httpMethod: "POST", uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:handler/invocations", cacheKeyParameters: [], requestTemplates: {}, requestParameters: {}, integrationResponses: [] };
  methodResponses: MethodResponseModel[] = [];
  /** Set by cors(): allow-methods computed from the resource at build time. */
  corsSpec?: CorsSpec & { computeMethods: boolean };

  constructor(readonly verb: HttpVerb) {}

  auth(type: AuthorizationType): this {
    this.authorizationType = type;
    return this;
  }

  /** CUSTOM or COGNITO_USER_POOLS, decided by the named authorizer's type at build time. */
  authorizer(name: string, scopes: string[] = []): this {
    this.authorizerName = name;
    this.scopes = scopes;
    this.authorizationType = "CUSTOM";
    return this;
  }

  apiKey(required = true): this {
    this.apiKeyRequired = required;
    return this;
  }

  integrationType(type: IntegrationType, uri?: string): this {
    const current = this.integration ?? emptyIntegration("MOCK");
    this.integration = { ...current, type, uri: type === "MOCK" ? undefined : (uri ?? current.uri), httpMethod: type === "MOCK" ? undefined : "POST" };
    return this;
  }

  mock(): this {
    this.integration = { ...emptyIntegration("MOCK"), requestTemplates: { "application/json": '{"statusCode": 200}' } };
    return this;
  }

  noIntegration(): this {
    this.integration = undefined;
    return this;
  }

  cacheKey(...parameters: string[]): this {
    const integration = this.integration ?? emptyIntegration("AWS_PROXY");
    this.integration = { ...integration, cacheKeyParameters: [...integration.cacheKeyParameters, ...parameters] };
    for (const parameter of parameters) this.requestParameters[parameter] = this.requestParameters[parameter] ?? false;
    return this;
  }

  requestParameter(name: string, required = false): this {
    this.requestParameters[name] = required;
    return this;
  }

  requestModel(contentType: string, model = "Empty"): this {
    this.requestModels[contentType] = model;
    return this;
  }

  /**
   * A method response and (for non-proxy integrations) its integration response. Header values are
   * mapping expressions as stored ("'*'"); null declares the header without mapping it.
   */
  response(statusCode: string, headers: Record<string, string | null> = {}, selectionPattern?: string): this {
    const declared: Record<string, boolean> = {};
    const mapped: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      declared[`method.response.header.${name}`] = false;
      if (value !== null) mapped[`method.response.header.${name}`] = value;
    }
    this.methodResponses = [...this.methodResponses.filter((r) => r.statusCode !== statusCode), { statusCode, responseParameters: declared }];
    if (this.integration) {
      const response: IntegrationResponseModel = { statusCode, responseParameters: mapped, ...(selectionPattern !== undefined ? { selectionPattern } : {}) };
      this.integration = { ...this.integration, integrationResponses: [...this.integration.integrationResponses.filter((r) => r.statusCode !== statusCode), response] };
    }
    return this;
  }

  /** Integration response mappings only (to model a mapping whose header the method response does not declare). */
  integrationResponse(statusCode: string, mapped: Record<string, string>, selectionPattern?: string): this {
    const integration = this.integration ?? emptyIntegration("MOCK");
    const responseParameters = Object.fromEntries(Object.entries(mapped).map(([name, value]) => [`method.response.header.${name}`, value]));
    const response: IntegrationResponseModel = { statusCode, responseParameters, ...(selectionPattern !== undefined ? { selectionPattern } : {}) };
    this.integration = { ...integration, integrationResponses: [...integration.integrationResponses.filter((r) => r.statusCode !== statusCode), response] };
    return this;
  }

  /**
   * A MOCK preflight answering 200 with the given CORS headers. Unset fields take the console's
   * defaults; allowMethods defaults to every method of the resource (computed at build time).
   */
  cors(spec: CorsSpec = {}): this {
    this.mock();
    this.corsSpec = { allowOrigin: "*", allowHeaders: CONSOLE_ALLOW_HEADERS, ...spec, computeMethods: !("allowMethods" in spec) };
    return this;
  }
}

export class ResourceBuilder {
  readonly methods = new Map<HttpVerb, MethodBuilder>();

  constructor(readonly path: string) {}

  method(verb: HttpVerb, configure?: (m: MethodBuilder) => void): this {
    const builder = this.methods.get(verb) ?? new MethodBuilder(verb);
    configure?.(builder);
    this.methods.set(verb, builder);
    return this;
  }

  /** An OPTIONS method configured freely (default: NONE with the default proxy integration). */
  options(configure?: (m: MethodBuilder) => void): this {
    return this.method("OPTIONS", configure);
  }

  /** A correct MOCK preflight (NONE, no key, complete headers); pass a spec to break it. */
  cors(spec: CorsSpec = {}): this {
    return this.method("OPTIONS", (m) => m.cors(spec));
  }
}

export class DeploymentBuilder {
  readonly overrides: Array<{ path: string; verb: HttpVerb; summary: DeployedMethodSummary | null }> = [];

  constructor(public id: string) {}

  /** The deployed summary of one method differs from the draft. */
  method(path: string, verb: HttpVerb, summary: Partial<DeployedMethodSummary> & { authorizationType?: AuthorizationType }): this {
    this.overrides.push({ path, verb, summary: { authorizationType: summary.authorizationType ?? "NONE", apiKeyRequired: summary.apiKeyRequired ?? false } });
    return this;
  }

  /** A draft method the deployment does not have yet. */
  without(path: string, verb: HttpVerb): this {
    this.overrides.push({ path, verb, summary: null });
    return this;
  }
}

export class StageBuilder {
  cacheClusterEnabled = false;
  methodSettings: Record<string, MethodSettingsModel> = {};
  deployment?: DeploymentBuilder;
  deploymentKnown = true;
  variableNames: string[] = [];

  constructor(readonly name: string) {
    this.deployment = new DeploymentBuilder(`deploy-${name}`);
  }

  cacheCluster(enabled = true): this {
    this.cacheClusterEnabled = enabled;
    return this;
  }

  /** Stage-wide ("*\/*") settings. */
  settings(values: Partial<MethodSettingsModel>): this {
    this.methodSettings["*/*"] = { ...(this.methodSettings["*/*"] ?? DEFAULT_METHOD_SETTINGS), ...values };
    return this;
  }

  /** A method override; it starts from the stage-wide values, as UpdateStage does. */
  methodSetting(path: string, verb: HttpVerb, values: Partial<MethodSettingsModel>): this {
    this.methodSettings[methodSettingsKey(path, verb)] = { ...(this.methodSettings["*/*"] ?? DEFAULT_METHOD_SETTINGS), ...values };
    return this;
  }

  deployed(configure: (d: DeploymentBuilder) => void): this {
    const deployment = this.deployment ?? new DeploymentBuilder(`deploy-${this.name}`);
    configure(deployment);
    this.deployment = deployment;
    return this;
  }

  /** The stage's deployment could not be read. */
  deploymentUnknown(): this {
    this.deploymentKnown = false;
    return this;
  }

  variables(...names: string[]): this {
    this.variableNames = names;
    return this;
  }
}

export class ApiBuilder {
  private readonly resources = new Map<string, ResourceBuilder>();
  private readonly authorizers = new Map<string, AuthorizerSpec>();
  private readonly stages: StageBuilder[] = [];
  private readonly gatewayResponses = new Map<string, Omit<GatewayResponseModel, "responseType" | "isDefault">>();
  private readonly missingParts: ApiModel["missing"] = [];

  constructor(private readonly options: ApiOptions) {}

  resource(path: string, configure?: (r: ResourceBuilder) => void): this {
    const builder = this.resources.get(path) ?? new ResourceBuilder(path);
    configure?.(builder);
    this.resources.set(path, builder);
    return this;
  }

  authorizer(name: string, spec: AuthorizerSpec): this {
    this.authorizers.set(name, spec);
    return this;
  }

  stage(name: string, configure?: (s: StageBuilder) => void): this {
    const builder = new StageBuilder(name);
    configure?.(builder);
    this.stages.push(builder);
    return this;
  }

  /** Customise a gateway response; headers map header name → mapping expression ("'*'"). */
  gatewayResponse(responseType: string, spec: { statusCode?: string; headers?: Record<string, string>; templates?: Record<string, string> } = {}): this {
    this.gatewayResponses.set(responseType, {
      ...(spec.statusCode !== undefined ? { statusCode: spec.statusCode } : {}),
      responseParameters: Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [`gatewayresponse.header.${name}`, value])),
      responseTemplates: spec.templates ?? {},
    });
    return this;
  }

  missing(part: ModelPart, operation = "Get", reason = "AccessDenied"): this {
    this.missingParts.push({ part, operation, reason });
    return this;
  }

  build(): ApiModel {
    const region = this.options.region ?? "us-east-1";
    const authorizers = [...this.authorizers.entries()].map(([name, spec]) => buildAuthorizer(name, spec));
    const authorizerByName = new Map(authorizers.map((a) => [a.name, a]));
    const resources = this.buildResources(authorizerByName);
    const draft = summarize(resources);
    return {
      schemaVersion: MODEL_SCHEMA_VERSION,
      api: {
        id: this.options.id ?? "a1b2c3d4e5",
        name: this.options.name ?? "test-api",
        region,
        ...(this.options.accountId !== undefined ? { accountId: this.options.accountId } : { accountId: "123456789012" }),
        endpointTypes: ["REGIONAL"],
        apiKeySource: this.options.apiKeySource ?? "HEADER",
        disableExecuteApiEndpoint: false,
      },
      resources,
      authorizers,
      stages: this.stages.map((stage) => buildStage(stage, draft)),
      gatewayResponses: GATEWAY_RESPONSE_TYPES.map((responseType) => {
        const custom = this.gatewayResponses.get(responseType);
        return custom ? { responseType, ...custom, isDefault: false } : builtInGatewayResponse(responseType);
      }),
      missing: this.missingParts,
    };
  }

  private buildResources(authorizers: Map<string, AuthorizerModel>): ResourceModel[] {
    const paths = new Set<string>(["/"]);
    for (const path of this.resources.keys()) {
      const parts = path.split("/").filter(Boolean);
      for (let i = 1; i <= parts.length; i++) paths.add(`/${parts.slice(0, i).join("/")}`);
    }
    const ids = new Map<string, string>();
    for (const path of paths) ids.set(path, path === "/" ? "root" : resourceIdFor(path, ids));
    return [...paths]
      .sort((a, b) => (a === "/" ? -1 : b === "/" ? 1 : a.localeCompare(b)))
      .map((path) => {
        const id = ids.get(path) ?? "root";
        const parentPath = path === "/" ? undefined : path.slice(0, path.lastIndexOf("/")) || "/";
        const builder = this.resources.get(path);
        const verbsOnResource = [...(builder?.methods.keys() ?? [])];
        const methods = [...(builder?.methods.values() ?? [])]
          .sort((a, b) => HTTP_VERBS.indexOf(a.verb) - HTTP_VERBS.indexOf(b.verb))
          .map((m) => buildMethod(m, id, path, authorizers, verbsOnResource));
        return {
          id,
          ...(parentPath !== undefined ? { parentId: ids.get(parentPath) ?? "root" } : {}),
          path,
          pathPart: path === "/" ? "" : (path.split("/").pop() ?? ""),
          methods,
        };
      });
  }
}

function resourceIdFor(path: string, taken: Map<string, string>): string {
  const base = path.replace(/[{}+]/g, "").replace(/^\//, "").replace(/[^A-Za-z0-9]+/g, "-") || "r";
  const used = new Set(taken.values());
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

function emptyIntegration(type: IntegrationType): IntegrationModel {
  return { type, cacheKeyParameters: [], requestTemplates: {}, requestParameters: {}, integrationResponses: [] };
}

function buildMethod(m: MethodBuilder, resourceId: string, path: string, authorizers: Map<string, AuthorizerModel>, verbs: HttpVerb[]): MethodModel {
  let authorizationType = m.authorizationType;
  let authorizerId: string | undefined;
  if (m.authorizerName !== undefined) {
    const authorizer = authorizers.get(m.authorizerName);
    if (!authorizer) throw new Error(`model-builder: unknown authorizer "${m.authorizerName}" on ${m.verb} ${path}`);
    authorizerId = authorizer.id;
    authorizationType = authorizer.type === "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM";
  }
  if (m.corsSpec) {
    const spec = m.corsSpec;
    const allowMethods = spec.computeMethods ? [...new Set([...verbs.filter((v) => v !== "ANY"), "OPTIONS"])].join(",") : spec.allowMethods;
    const headers: Record<string, string> = {};
    if (spec.allowOrigin !== undefined) headers["Access-Control-Allow-Origin"] = `'${spec.allowOrigin}'`;
    if (allowMethods !== undefined) headers["Access-Control-Allow-Methods"] = `'${allowMethods}'`;
    if (spec.allowHeaders !== undefined) headers["Access-Control-Allow-Headers"] = `'${spec.allowHeaders}'`;
    if (spec.allowCredentials !== undefined) headers["Access-Control-Allow-Credentials"] = `'${String(spec.allowCredentials)}'`;
    m.response("200", headers);
    m.corsSpec = undefined;
  }
  return {
    resourceId,
    path,
    httpMethod: m.verb,
    authorizationType,
    ...(authorizerId !== undefined ? { authorizerId } : {}),
    apiKeyRequired: m.apiKeyRequired,
    authorizationScopes: m.scopes,
    requestParameters: { ...m.requestParameters },
    requestModels: { ...m.requestModels },
    ...(m.integration ? { integration: m.integration } : {}),
    methodResponses: m.methodResponses,
  };
}

function buildAuthorizer(name: string, spec: AuthorizerSpec): AuthorizerModel {
  const identitySource = spec.identitySource ?? (spec.type === "REQUEST" ? undefined : "method.request.header.Authorization");
  const lambda = spec.lambdaFunctionArn ?? (spec.type === "COGNITO_USER_POOLS" ? undefined : `arn:aws:lambda:us-east-1:123456789012:function:${name}`);
  return {
    id: spec.id ?? name,
    name,
    type: spec.type,
    ...(lambda !== undefined
      ? { authorizerUri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${lambda}/invocations`, lambdaFunctionArn: lambda }
      : {}),
    providerArns: spec.type === "COGNITO_USER_POOLS" ? ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_example"] : [],
    identitySources: parseIdentitySources(identitySource),
    ...(spec.ttl !== undefined ? { configuredTtlSeconds: spec.ttl } : {}),
    // API_Authorizer: unset TTL means 300; the model records Cognito as uncached.
    effectiveTtlSeconds: spec.type === "COGNITO_USER_POOLS" ? 0 : (spec.ttl ?? 300),
  };
}

type Summary = Record<string, Partial<Record<HttpVerb, DeployedMethodSummary>>>;

function summarize(resources: ResourceModel[]): Summary {
  const summary: Summary = {};
  for (const resource of resources) {
    if (resource.methods.length === 0) continue;
    summary[resource.path] = Object.fromEntries(
      resource.methods.map((m) => [m.httpMethod, { authorizationType: m.authorizationType, apiKeyRequired: m.apiKeyRequired }]),
    );
  }
  return summary;
}

function buildStage(stage: StageBuilder, draft: Summary): StageModel {
  const apiSummary: Summary = structuredClone(draft);
  for (const override of stage.deployment?.overrides ?? []) {
    const verbs = (apiSummary[override.path] ??= {});
    if (override.summary === null) delete verbs[override.verb];
    else verbs[override.verb] = override.summary;
    if (Object.keys(verbs).length === 0) delete apiSummary[override.path];
  }
  const known = stage.deploymentKnown && stage.deployment !== undefined;
  const basis = known ? apiSummary : draft;
  const effectiveSettings: EffectiveMethodSettings[] = [];
  for (const [path, verbs] of Object.entries(basis)) {
    for (const verb of Object.keys(verbs) as HttpVerb[]) {
      const own = stage.methodSettings[methodSettingsKey(path, verb)];
      const wide = stage.methodSettings["*/*"];
      const values = own ?? wide ?? DEFAULT_METHOD_SETTINGS;
      effectiveSettings.push({ ...values, path, httpMethod: verb, source: own ? "method" : wide ? "stage" : "default" });
    }
  }
  return {
    name: stage.name,
    deploymentId: stage.deployment?.id ?? `deploy-${stage.name}`,
    cacheClusterEnabled: stage.cacheClusterEnabled,
    ...(stage.cacheClusterEnabled ? { cacheClusterSize: "0.5", cacheClusterStatus: "AVAILABLE" } : {}),
    tracingEnabled: false,
    variableNames: stage.variableNames,
    methodSettings: stage.methodSettings,
    effectiveSettings,
    ...(known && stage.deployment ? { deployment: { id: stage.deployment.id, apiSummary } } : {}),
    drift: known ? computeDrift(apiSummary, draft) : [],
  };
}

function computeDrift(deployed: Summary, current: Summary): DriftItem[] {
  const drift: DriftItem[] = [];
  const paths = new Set([...Object.keys(deployed), ...Object.keys(current)]);
  for (const path of [...paths].sort()) {
    const d = deployed[path] ?? {};
    const c = current[path] ?? {};
    for (const verb of HTTP_VERBS) {
      const dm = d[verb];
      const cm = c[verb];
      if (dm && !cm) drift.push({ kind: "method-removed", path, httpMethod: verb });
      else if (!dm && cm) drift.push({ kind: "method-added", path, httpMethod: verb });
      else if (dm && cm) {
        if (dm.authorizationType !== cm.authorizationType)
          drift.push({ kind: "authorizationType", path, httpMethod: verb, deployed: dm.authorizationType, current: cm.authorizationType });
        if (dm.apiKeyRequired !== cm.apiKeyRequired)
          drift.push({ kind: "apiKeyRequired", path, httpMethod: verb, deployed: dm.apiKeyRequired, current: cm.apiKeyRequired });
      }
    }
  }
  return drift;
}
