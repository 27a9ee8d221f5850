import {
  type ApiModel,
  type AuthorizationType,
  type AuthorizerType,
  type DeployedMethodSummary,
  type GatewayResponseModel,
  type HttpVerb,
  type IntegrationModel,
  type IntegrationResponseModel,
  type IntegrationType,
  type MethodResponseModel,
  type MethodSettingsModel,
  type ModelPart,
} from "@/lib/model/types";
import type {
  RawApiSnapshot,
  RawAuthorizer,
  RawDeployment,
  RawGatewayResponse,
  RawIntegration,
  RawMethod,
  RawResource,
  RawStage,
} from "@/lib/model/raw-snapshot";
import { GATEWAY_RESPONSE_TYPES } from "@/lib/model/gateway-responses";
import { DEFAULT_METHOD_SETTINGS, methodSettingsKey } from "@/lib/model/method-settings";
import { normalizeApi } from "@/lib/model/normalize";

/**
 * A small fluent builder for ApiModel, for every test that needs a model (rules, remediation, views,
 * stored audits). It writes what API Gateway would answer, as the RawApiSnapshot the reader produces:
 * parent resources, ids, the complete gateway response list (built-in ones flagged defaultResponse), and a
 * deployment per stage (the draft unless told otherwise). `build()` then runs the real `normalizeApi`, so
 * drift, effective stage settings, TTL defaults and sorting are lib/model's, never a second implementation.
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
  /** Default 123456789012; null when the audit could not learn the account. */
  accountId?: string | null;
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
  unlistedAuthorizerId?: string;
  scopes: string[] = [];
  apiKeyRequired = false;
  requestParameters: Record<string, boolean> = {};
  requestModels: Record<string, string> = {};
  integration?: IntegrationModel = {
    type: "AWS_PROXY",
    httpMethod: "POST",
    uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:handler/invocations",
    cacheKeyParameters: [],
    requestTemplates: {},
    requestParameters: {},
    integrationResponses: [],
  };
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

  /** CUSTOM with an authorizer id the API does not list (its authorizer was deleted). */
  unlistedAuthorizer(authorizerId: string): this {
    this.authorizerName = undefined;
    this.unlistedAuthorizerId = authorizerId;
    this.authorizationType = "CUSTOM";
    return this;
  }

  apiKey(required = true): this {
    this.apiKeyRequired = required;
    return this;
  }

  integrationType(type: IntegrationType, uri?: string): this {
    const current = this.integration ?? emptyIntegration("MOCK");
    this.integration = {
      ...current,
      type,
      uri: type === "MOCK" ? undefined : (uri ?? current.uri),
      httpMethod: type === "MOCK" ? undefined : "POST",
    };
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
    this.methodResponses = [
      ...this.methodResponses.filter((r) => r.statusCode !== statusCode),
      { statusCode, responseParameters: declared },
    ];
    if (this.integration) {
      // A template set by responseTemplate() before cors() is resolved at build time stays.
      const templates = this.integration.integrationResponses.find((r) => r.statusCode === statusCode)?.responseTemplates;
      const response: IntegrationResponseModel = {
        statusCode,
        responseParameters: mapped,
        ...(selectionPattern !== undefined ? { selectionPattern } : {}),
        ...(templates ? { responseTemplates: templates } : {}),
      };
      this.integration = {
        ...this.integration,
        integrationResponses: [...this.integration.integrationResponses.filter((r) => r.statusCode !== statusCode), response],
      };
    }
    return this;
  }

  /** Integration response mappings only (to model a mapping whose header the method response does not declare). */
  integrationResponse(statusCode: string, mapped: Record<string, string>, selectionPattern?: string): this {
    const integration = this.integration ?? emptyIntegration("MOCK");
    const responseParameters = Object.fromEntries(Object.entries(mapped).map(([name, value]) => [`method.response.header.${name}`, value]));
    const response: IntegrationResponseModel = {
      statusCode,
      responseParameters,
      ...(selectionPattern !== undefined ? { selectionPattern } : {}),
    };
    this.integration = {
      ...integration,
      integrationResponses: [...integration.integrationResponses.filter((r) => r.statusCode !== statusCode), response],
    };
    return this;
  }

  /** A mapping template on the integration response of that status (created, without mappings, when absent). */
  responseTemplate(statusCode: string, template: string, contentType = "application/json"): this {
    const integration = this.integration ?? emptyIntegration("MOCK");
    const existing = integration.integrationResponses.find((r) => r.statusCode === statusCode);
    const response: IntegrationResponseModel = {
      ...(existing ?? { statusCode, responseParameters: {} }),
      responseTemplates: { ...(existing?.responseTemplates ?? {}), [contentType]: template },
    };
    this.integration = {
      ...integration,
      integrationResponses: [...integration.integrationResponses.filter((r) => r.statusCode !== statusCode), response],
    };
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
  /** Set by id(); otherwise derived from the path. */
  resourceId?: string;

  constructor(readonly path: string) {}

  /** A fixed resource id (as GetResources returns it), e.g. for snippets that name real ids. */
  id(resourceId: string): this {
    this.resourceId = resourceId;
    return this;
  }

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
    this.overrides.push({
      path,
      verb,
      summary: { authorizationType: summary.authorizationType ?? "NONE", apiKeyRequired: summary.apiKeyRequired ?? false },
    });
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

  /** The id of the deployment the stage points at. */
  deploymentId(id: string): this {
    (this.deployment ??= new DeploymentBuilder(id)).id = id;
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
  gatewayResponse(
    responseType: string,
    spec: { statusCode?: string; headers?: Record<string, string>; templates?: Record<string, string> } = {},
  ): this {
    this.gatewayResponses.set(responseType, {
      ...(spec.statusCode !== undefined ? { statusCode: spec.statusCode } : {}),
      responseParameters: Object.fromEntries(
        Object.entries(spec.headers ?? {}).map(([name, value]) => [`gatewayresponse.header.${name}`, value]),
      ),
      responseTemplates: spec.templates ?? {},
    });
    return this;
  }

  missing(part: ModelPart, operation = "Get", reason = "AccessDenied"): this {
    this.missingParts.push({ part, operation, reason });
    return this;
  }

  /** The model, through the same normaliser a live read goes through; throws on any normaliser warning. */
  build(): ApiModel {
    const { model, warnings } = normalizeApi(this.snapshot());
    if (warnings.length > 0) throw new Error(`model-builder: the normaliser warned: ${warnings.join("; ")}`);
    return model;
  }

  /** What the reader would hand to lib/model for this API. Parts listed with missing() are left unread. */
  snapshot(): RawApiSnapshot {
    const region = this.options.region ?? "us-east-1";
    const unread = new Set(this.missingParts.map((m) => m.part));
    const authorizers = [...this.authorizers.entries()].map(([name, spec]) => rawAuthorizer(name, spec, region));
    const resources = this.rawResources(new Map(authorizers.map((a) => [a.name ?? a.id, a])));
    const draft = summarize(resources);
    const deployments: Record<string, RawDeployment> = {};
    for (const stage of this.stages) {
      if (stage.deploymentKnown && stage.deployment) deployments[stage.deployment.id] = deployed(stage.deployment, draft);
    }
    return {
      region,
      ...(this.options.accountId === null ? {} : { accountId: this.options.accountId ?? "123456789012" }),
      restApi: {
        id: this.options.id ?? "a1b2c3d4e5",
        name: this.options.name ?? "test-api",
        apiKeySource: this.options.apiKeySource ?? "HEADER",
        endpointTypes: ["REGIONAL"],
        disableExecuteApiEndpoint: false,
        rootResourceId: this.resources.get("/")?.resourceId ?? "root",
      },
      ...(unread.has("resources") ? {} : { resources }),
      ...(unread.has("authorizers") ? {} : { authorizers }),
      ...(unread.has("stages") ? {} : { stages: this.stages.map(rawStage) }),
      ...(unread.has("gatewayResponses") ? {} : { gatewayResponses: this.rawGatewayResponses() }),
      deployments: unread.has("deployments") ? {} : deployments,
      missing: [...this.missingParts],
    };
  }

  // GetGatewayResponses lists every response type, customised or not, with defaultResponse telling which
  // (https://docs.aws.amazon.com/apigateway/latest/api/API_GatewayResponse.html).
  private rawGatewayResponses(): RawGatewayResponse[] {
    return GATEWAY_RESPONSE_TYPES.map((responseType) => {
      const custom = this.gatewayResponses.get(responseType);
      return custom ? { responseType, ...custom, defaultResponse: false } : { responseType, defaultResponse: true };
    });
  }

  private rawResources(authorizers: Map<string, RawAuthorizer>): RawResource[] {
    const paths = new Set<string>(["/"]);
    for (const path of this.resources.keys()) {
      const parts = path.split("/").filter(Boolean);
      for (let i = 1; i <= parts.length; i++) paths.add(`/${parts.slice(0, i).join("/")}`);
    }
    const ids = new Map<string, string>();
    for (const path of paths) ids.set(path, this.resources.get(path)?.resourceId ?? (path === "/" ? "root" : resourceIdFor(path, ids)));
    return [...paths].map((path) => {
      const id = ids.get(path) ?? "root";
      const parentPath = path === "/" ? undefined : path.slice(0, path.lastIndexOf("/")) || "/";
      const builder = this.resources.get(path);
      const verbsOnResource = [...(builder?.methods.keys() ?? [])];
      const methods = [...(builder?.methods.values() ?? [])].map(
        (m) => [m.verb, rawMethod(m, path, authorizers, verbsOnResource)] as const,
      );
      return {
        id,
        ...(parentPath !== undefined ? { parentId: ids.get(parentPath) ?? "root" } : {}),
        path,
        pathPart: path === "/" ? "" : (path.split("/").pop() ?? ""),
        ...(methods.length > 0 ? { resourceMethods: Object.fromEntries(methods) } : {}),
      };
    });
  }
}

function resourceIdFor(path: string, taken: Map<string, string>): string {
  const base =
    path
      .replace(/[{}+]/g, "")
      .replace(/^\//, "")
      .replace(/[^A-Za-z0-9]+/g, "-") || "r";
  const used = new Set(taken.values());
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

function emptyIntegration(type: IntegrationType): IntegrationModel {
  return { type, cacheKeyParameters: [], requestTemplates: {}, requestParameters: {}, integrationResponses: [] };
}

function rawIntegration(integration: IntegrationModel): RawIntegration {
  const { integrationResponses, ...rest } = integration;
  return { ...rest, integrationResponses: Object.fromEntries(integrationResponses.map((r) => [r.statusCode, r])) };
}

function rawMethod(m: MethodBuilder, path: string, authorizers: Map<string, RawAuthorizer>, verbs: HttpVerb[]): RawMethod {
  let authorizationType = m.authorizationType;
  let authorizerId = m.unlistedAuthorizerId;
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
    httpMethod: m.verb,
    authorizationType,
    ...(authorizerId !== undefined ? { authorizerId } : {}),
    apiKeyRequired: m.apiKeyRequired,
    authorizationScopes: m.scopes,
    requestParameters: { ...m.requestParameters },
    requestModels: { ...m.requestModels },
    ...(m.integration ? { methodIntegration: rawIntegration(m.integration) } : {}),
    methodResponses: Object.fromEntries(m.methodResponses.map((r) => [r.statusCode, r])),
  };
}

function rawAuthorizer(name: string, spec: AuthorizerSpec, region: string): RawAuthorizer {
  const identitySource = spec.identitySource ?? (spec.type === "REQUEST" ? undefined : "method.request.header.Authorization");
  const lambda =
    spec.lambdaFunctionArn ?? (spec.type === "COGNITO_USER_POOLS" ? undefined : `arn:aws:lambda:${region}:123456789012:function:${name}`);
  return {
    id: spec.id ?? name,
    name,
    type: spec.type,
    ...(lambda !== undefined
      ? { authorizerUri: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${lambda}/invocations` }
      : {}),
    ...(spec.type === "COGNITO_USER_POOLS"
      ? { providerARNs: [`arn:aws:cognito-idp:${region}:123456789012:userpool/${region}_example`] }
      : {}),
    ...(identitySource !== undefined ? { identitySource } : {}),
    ...(spec.ttl !== undefined ? { authorizerResultTtlInSeconds: spec.ttl } : {}),
  };
}

type Summary = Record<string, Partial<Record<HttpVerb, DeployedMethodSummary>>>;

/** The draft as GetDeployment embed=apisummary would list it right after a deployment. */
function summarize(resources: RawResource[]): Summary {
  const summary: Summary = {};
  for (const resource of resources) {
    const methods = Object.entries(resource.resourceMethods ?? {});
    if (methods.length === 0) continue;
    summary[resource.path] = Object.fromEntries(
      methods.map(([verb, m]) => [
        verb,
        { authorizationType: (m.authorizationType ?? "NONE") as AuthorizationType, apiKeyRequired: m.apiKeyRequired ?? false },
      ]),
    );
  }
  return summary;
}

function deployed(deployment: DeploymentBuilder, draft: Summary): RawDeployment {
  const apiSummary: Summary = structuredClone(draft);
  for (const override of deployment.overrides) {
    const verbs = (apiSummary[override.path] ??= {});
    if (override.summary === null) delete verbs[override.verb];
    else verbs[override.verb] = override.summary;
    if (Object.keys(verbs).length === 0) delete apiSummary[override.path];
  }
  return { id: deployment.id, apiSummary: apiSummary as RawDeployment["apiSummary"] };
}

function rawStage(stage: StageBuilder): RawStage {
  return {
    stageName: stage.name,
    deploymentId: stage.deployment?.id ?? `deploy-${stage.name}`,
    cacheClusterEnabled: stage.cacheClusterEnabled,
    ...(stage.cacheClusterEnabled ? { cacheClusterSize: "0.5", cacheClusterStatus: "AVAILABLE" } : {}),
    tracingEnabled: false,
    variableNames: stage.variableNames,
    methodSettings: stage.methodSettings,
  };
}
