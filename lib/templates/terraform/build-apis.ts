/**
 * `aws_api_gateway_*` resource instances (from .tf files or a plan) → one `TemplateApi` per REST API.
 * Argument names and defaults are the AWS provider's (https://registry.terraform.io/providers/hashicorp/aws/latest/docs,
 * resources aws_api_gateway_rest_api, _resource, _method, _integration, _method_response, _integration_response,
 * _authorizer, _gateway_response, _deployment, _stage, _method_settings). Ids are the resource addresses: stable,
 * readable, and equal wherever the configuration refers to the same resource, as Terraform's graph does.
 *
 * A template is what WILL be deployed, so every deployment's summary is the configured methods themselves: a stage
 * then shows no drift (lib/model/drift.ts compares the summary with the methods), which is what the stage serves
 * once `terraform apply` has run.
 */
import type { MissingPart, ModelPart } from "@/lib/model/types";
import type {
  RawApiSnapshot,
  RawAuthorizer,
  RawDeployment,
  RawGatewayResponse,
  RawMethod,
  RawMethodSetting,
  RawResource,
  RawStage,
} from "@/lib/model/raw-snapshot";
import { elementKey, type ElementLocations, type SourcePosition, type TemplateApi, type TemplateFormat, type TemplateGap } from "@/lib/templates/types";
import type { TfResourceInstance } from "./configuration";
import { firstUnknown, isKnown, isTfObject, placeholderText, TfRef, TfUnknown, type TfObject, type TfValue } from "./values";

const T = {
  api: "aws_api_gateway_rest_api",
  resource: "aws_api_gateway_resource",
  method: "aws_api_gateway_method",
  integration: "aws_api_gateway_integration",
  methodResponse: "aws_api_gateway_method_response",
  integrationResponse: "aws_api_gateway_integration_response",
  authorizer: "aws_api_gateway_authorizer",
  gatewayResponse: "aws_api_gateway_gateway_response",
  deployment: "aws_api_gateway_deployment",
  stage: "aws_api_gateway_stage",
  methodSettings: "aws_api_gateway_method_settings",
} as const;

export const API_GATEWAY_TYPES: ReadonlySet<string> = new Set(Object.values(T));

export interface BuildInput {
  instances: TfResourceInstance[];
  format: TemplateFormat;
  files: string[];
  region: string;
  /** The file whose position stands for an element with no position of its own (plan JSON). */
  fileOf: (instance: TfResourceInstance) => string;
}

/** Which REST API an element belongs to: the rest_api's address, a literal id, or the unresolved expression. */
function apiKeyOf(instance: TfResourceInstance): string {
  if (instance.type === T.api) return instance.address;
  const v = instance.values.rest_api_id;
  if (v instanceof TfRef && v.attribute === "id") return v.address;
  if (typeof v === "string") return v;
  return placeholderText(v) || "${rest_api_id}";
}

function refAddress(v: TfValue | undefined, attribute: string): string | undefined {
  return v instanceof TfRef && v.attribute === attribute ? v.address : undefined;
}

function typeOfAddress(address: string): string {
  return address.split(".")[0] ?? "";
}

export function buildApis(input: BuildInput): TemplateApi[] {
  const byApi = new Map<string, TfResourceInstance[]>();
  for (const instance of input.instances) {
    if (!API_GATEWAY_TYPES.has(instance.type)) continue;
    const key = apiKeyOf(instance);
    const list = byApi.get(key) ?? [];
    list.push(instance);
    byApi.set(key, list);
  }
  return [...byApi.entries()].map(([key, instances]) => new ApiBuilder(key, instances, input).build());
}

class ApiBuilder {
  private readonly gaps: TemplateGap[] = [];
  private readonly missing: MissingPart[] = [];
  private readonly locations: ElementLocations = {};
  private readonly files = new Set<string>();

  constructor(
    private readonly key: string,
    private readonly instances: TfResourceInstance[],
    private readonly input: BuildInput,
  ) {}

  private of(type: string): TfResourceInstance[] {
    return this.instances.filter((i) => i.type === type);
  }

  private pos(instance: TfResourceInstance, attribute?: string): SourcePosition {
    this.files.add(instance.position.file);
    return (attribute && instance.attributePositions[attribute]) || instance.position;
  }

  private gap(instance: TfResourceInstance, attribute: string, value: TfValue | undefined, consequence: string, part?: ModelPart): void {
    const u = firstUnknown(value);
    const why = u instanceof TfUnknown ? u.reason : u instanceof TfRef ? `${u.address}.${u.attribute} is only known after apply` : "not a static value";
    const message = `attribute ${attribute} of ${instance.address} could not be resolved statically (${why}); ${consequence}`;
    const gap: TemplateGap = { message, position: this.pos(instance, attribute) };
    if (part) {
      gap.part = part;
      this.missing.push({ part, operation: "Terraform static evaluation", reason: message, detail: instance.address });
    }
    this.gaps.push(gap);
  }

  /** Says which variable defaults the value of `attribute` came from. */
  private noteDefaults(instance: TfResourceInstance, attribute: string): void {
    for (const note of instance.notes[attribute] ?? []) {
      this.gaps.push({ message: `${attribute} of ${instance.address}: ${note}`, position: this.pos(instance, attribute) });
    }
  }

  private str(instance: TfResourceInstance, attribute: string, part: ModelPart | undefined, consequence: string): string | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    this.gap(instance, attribute, v, consequence, part);
    return undefined;
  }

  /** A response's status code; an unresolved one keeps its headers under a placeholder code (rules read the headers). */
  private statusCode(instance: TfResourceInstance): string | undefined {
    const v = instance.values.status_code;
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, "status_code");
    if (typeof v === "string" || typeof v === "number") return String(v);
    const shown = placeholderText(v);
    this.gap(instance, "status_code", v, `shown as ${shown}`);
    return shown;
  }

  /** A display-only string: placeholders stand in for what is unknown, and a gap says so. */
  private text(instance: TfResourceInstance, attribute: string): string | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    return placeholderText(v);
  }

  private bool(instance: TfResourceInstance, attribute: string, part: ModelPart, consequence: string): boolean | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "false") return v === "true";
    this.gap(instance, attribute, v, consequence, part);
    return undefined;
  }

  private num(instance: TfResourceInstance, attribute: string, part: ModelPart, consequence: string): number | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (typeof v === "number") return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    this.gap(instance, attribute, v, consequence, part);
    return undefined;
  }

  /** A map whose values are strings (templates in it may hold placeholders: display values, not decisions). */
  private stringMap(instance: TfResourceInstance, attribute: string): Record<string, string> | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    if (!isTfObject(v)) {
      this.gap(instance, attribute, v, "left out");
      return undefined;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, placeholderText(x)]));
  }

  private boolMap(instance: TfResourceInstance, attribute: string): Record<string, boolean> | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    this.noteDefaults(instance, attribute);
    if (!isTfObject(v) || !isKnown(v)) {
      this.gap(instance, attribute, v, "left out");
      return undefined;
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === true || x === "true"]));
  }

  private stringList(instance: TfResourceInstance, attribute: string): string[] | undefined {
    const v = instance.values[attribute];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.gap(instance, attribute, v, "left out");
      return undefined;
    }
    return v.map((x) => placeholderText(x));
  }

  build(): TemplateApi {
    const apiInstance = this.of(T.api)[0];
    const restApi: RawApiSnapshot["restApi"] = { id: this.key, name: this.key };
    if (apiInstance) {
      this.locations[elementKey({ kind: "api" })] = this.pos(apiInstance);
      restApi.name = this.text(apiInstance, "name") ?? this.key;
      const description = this.text(apiInstance, "description");
      if (description !== undefined) restApi.description = description;
      const keySource = this.str(apiInstance, "api_key_source", undefined, "read as HEADER, the default");
      if (keySource !== undefined) restApi.apiKeySource = keySource;
      const endpoint = apiInstance.values.endpoint_configuration;
      const types = Array.isArray(endpoint) && isTfObject(endpoint[0]) ? endpoint[0].types : undefined;
      if (Array.isArray(types)) restApi.endpointTypes = types.map((t) => placeholderText(t));
      const disabled = this.bool(apiInstance, "disable_execute_api_endpoint", "resources", "left unknown");
      if (disabled !== undefined) restApi.disableExecuteApiEndpoint = disabled;
      restApi.rootResourceId = `${this.key}.root_resource_id`;
      if (apiInstance.values.body !== undefined && apiInstance.values.body !== null) {
        const message = `${apiInstance.address} defines its API with an OpenAPI body, which this reader does not read yet: the methods the body defines are not in this audit`;
        this.gaps.push({ message, position: this.pos(apiInstance, "body"), part: "resources" });
        this.missing.push({ part: "resources", operation: "Terraform static evaluation", reason: message, detail: apiInstance.address });
      }
      if (apiInstance.values.policy !== undefined) {
        this.gaps.push({ message: `the resource policy of ${apiInstance.address} is not part of the audit model`, position: this.pos(apiInstance, "policy") });
      }
    } else if (typeOfAddress(this.key) === T.api) {
      this.gaps.push({ message: `${this.key} is referenced but not declared in the files read: its name and settings are unknown` });
    } else {
      this.gaps.push({
        message: `these resources belong to the REST API ${this.key}, which is given to this module from outside: audit the calling configuration or a terraform plan to see the whole API`,
      });
    }

    const resources = this.buildResources();
    const authorizers = this.of(T.authorizer).map((a) => this.buildAuthorizer(a));
    const gatewayResponses = this.of(T.gatewayResponse).flatMap((g) => this.buildGatewayResponse(g));
    const summary = this.apiSummary(resources);
    const { stages, deployments } = this.buildStages(summary);

    const snapshot: RawApiSnapshot = {
      region: this.input.region,
      restApi,
      resources,
      authorizers,
      stages,
      gatewayResponses,
      deployments,
      missing: this.missing,
    };
    for (const instance of this.instances) this.files.add(this.input.fileOf(instance));
    return {
      name: this.key,
      format: this.input.format,
      files: [...this.files].sort(),
      variants: [{ assumptions: {}, snapshot, locations: this.locations }],
      gaps: this.gaps,
    };
  }

  private buildResources(): RawResource[] {
    const rootId = `${this.key}.root_resource_id`;
    const byId = new Map<string, RawResource>();
    byId.set(rootId, { id: rootId, path: "/", resourceMethods: {} });
    if (this.of(T.api)[0]) this.locations[elementKey({ kind: "resource", path: "/" })] = this.pos(this.of(T.api)[0] as TfResourceInstance);
    const declared = new Map(this.of(T.resource).map((r) => [r.address, r]));

    const pathOf = (id: string, seen: string[]): string => {
      const known = byId.get(id);
      if (known) return known.path;
      const r = declared.get(id);
      if (!r || seen.includes(id)) {
        const path = `/\${${id}}`;
        if (!r) this.gaps.push({ message: `${id} is referenced but not declared in the files read: its path is unknown (shown as ${path})` });
        else this.gaps.push({ message: `resource parents form a cycle through ${id}`, position: this.pos(r) });
        byId.set(id, { id, path, resourceMethods: {} });
        return path;
      }
      const parent = r.values.parent_id;
      const parentId =
        refAddress(parent, "root_resource_id") !== undefined ? `${refAddress(parent, "root_resource_id")}.root_resource_id` : refAddress(parent, "id");
      let parentPath: string;
      if (parentId !== undefined) parentPath = pathOf(parentId === `${this.key}.root_resource_id` ? rootId : parentId, [...seen, id]);
      else {
        parentPath = `/${placeholderText(parent) || "${parent_id}"}`;
        this.gap(r, "parent_id", parent, `its path starts with the placeholder ${parentPath}`);
      }
      this.noteDefaults(r, "path_part");
      const partValue = r.values.path_part;
      const pathPart = typeof partValue === "string" ? partValue : placeholderText(partValue) || "${path_part}";
      if (typeof partValue !== "string") this.gap(r, "path_part", partValue, `shown as ${pathPart}`);
      const path = `${parentPath === "/" ? "" : parentPath}/${pathPart}`;
      const resource: RawResource = { id, path, pathPart, resourceMethods: {} };
      if (parentId !== undefined) resource.parentId = parentId;
      byId.set(id, resource);
      this.locations[elementKey({ kind: "resource", path })] = this.pos(r);
      return path;
    };
    for (const r of declared.keys()) pathOf(r, []);

    const resourceIdOf = (instance: TfResourceInstance): string | undefined => {
      const v = instance.values.resource_id;
      const root = refAddress(v, "root_resource_id");
      if (root !== undefined) return root === this.key ? rootId : `${root}.root_resource_id`;
      const id = refAddress(v, "id");
      if (id !== undefined) {
        pathOf(id, []);
        return id;
      }
      this.gap(instance, "resource_id", v, "left out: its resource is unknown", "resources");
      return undefined;
    };

    const methodKey = (instance: TfResourceInstance): { resource: RawResource; verb: string } | undefined => {
      const id = resourceIdOf(instance);
      if (id === undefined) return undefined;
      const verb = this.str(instance, "http_method", "resources", "left out: its verb is unknown");
      const resource = byId.get(id) ?? byId.get(rootId);
      if (verb === undefined || !resource) return undefined;
      return { resource, verb: verb.toUpperCase() };
    };

    for (const m of this.of(T.method)) {
      const key = methodKey(m);
      if (!key) continue;
      const method: RawMethod = { httpMethod: key.verb };
      const authorization = this.str(m, "authorization", "resources", "the method's authorization is unknown");
      if (authorization !== undefined) method.authorizationType = authorization;
      const authorizer = m.values.authorizer_id;
      if (authorizer !== undefined && authorizer !== null) {
        const id = refAddress(authorizer, "id");
        if (id !== undefined) method.authorizerId = id;
        else if (typeof authorizer === "string") method.authorizerId = authorizer;
        else {
          method.authorizerId = placeholderText(authorizer);
          this.gap(m, "authorizer_id", authorizer, `the authorizer is shown as ${method.authorizerId}`);
        }
      }
      // api_key_required defaults to false (provider docs, aws_api_gateway_method).
      const apiKey = this.bool(m, "api_key_required", "resources", "whether the method needs an API key is unknown");
      method.apiKeyRequired = apiKey ?? false;
      const scopes = this.stringList(m, "authorization_scopes");
      if (scopes) method.authorizationScopes = scopes;
      const params = this.boolMap(m, "request_parameters");
      if (params) method.requestParameters = params;
      const models = this.stringMap(m, "request_models");
      if (models) method.requestModels = models;
      const operation = this.text(m, "operation_name");
      if (operation !== undefined) method.operationName = operation;
      const methods = (key.resource.resourceMethods ??= {});
      if (methods[key.verb]) {
        this.gaps.push({ message: `${m.address} defines ${key.verb} ${key.resource.path} again; the later definition is read`, position: this.pos(m) });
      }
      methods[key.verb] = method;
      this.locations[elementKey({ kind: "method", path: key.resource.path, httpMethod: key.verb })] = this.pos(m);
    }

    const methodFor = (instance: TfResourceInstance, what: string): RawMethod | undefined => {
      const key = methodKey(instance);
      if (!key) return undefined;
      const method = key.resource.resourceMethods?.[key.verb];
      if (!method) this.gaps.push({ message: `${instance.address} belongs to ${key.verb} ${key.resource.path}, which no aws_api_gateway_method defines; its ${what} is left out`, position: this.pos(instance) });
      return method;
    };

    for (const i of this.of(T.integration)) {
      const method = methodFor(i, "integration");
      if (!method) continue;
      const integration: NonNullable<RawMethod["methodIntegration"]> = { ...(method.methodIntegration ?? {}) };
      const type = this.str(i, "type", "resources", "the integration type is unknown");
      if (type !== undefined) integration.type = type;
      const httpMethod = this.text(i, "integration_http_method");
      if (httpMethod !== undefined) integration.httpMethod = httpMethod;
      const uri = this.text(i, "uri");
      if (uri !== undefined) integration.uri = uri;
      const templates = this.stringMap(i, "request_templates");
      if (templates) integration.requestTemplates = templates;
      const params = this.stringMap(i, "request_parameters");
      if (params) integration.requestParameters = params;
      const cacheKeys = this.stringList(i, "cache_key_parameters");
      if (cacheKeys) integration.cacheKeyParameters = cacheKeys;
      const namespace = this.text(i, "cache_namespace");
      if (namespace !== undefined) integration.cacheNamespace = namespace;
      method.methodIntegration = integration;
    }

    for (const r of this.of(T.methodResponse)) {
      const method = methodFor(r, "method response");
      const status = method ? this.statusCode(r) : undefined;
      if (!method || status === undefined) continue;
      const response: NonNullable<RawMethod["methodResponses"]>[string] = { statusCode: status };
      const params = this.boolMap(r, "response_parameters");
      if (params) response.responseParameters = params;
      (method.methodResponses ??= {})[status] = response;
    }

    for (const r of this.of(T.integrationResponse)) {
      const method = methodFor(r, "integration response");
      const status = method ? this.statusCode(r) : undefined;
      if (!method || status === undefined) continue;
      const integration = (method.methodIntegration ??= {});
      const response: NonNullable<NonNullable<RawMethod["methodIntegration"]>["integrationResponses"]>[string] = { statusCode: status };
      const pattern = this.text(r, "selection_pattern");
      if (pattern !== undefined) response.selectionPattern = pattern;
      const params = this.stringMap(r, "response_parameters");
      if (params) response.responseParameters = params;
      (integration.integrationResponses ??= {})[status] = response;
    }
    return [...byId.values()];
  }

  private buildAuthorizer(a: TfResourceInstance): RawAuthorizer {
    this.locations[elementKey({ kind: "authorizer", id: a.address })] = this.pos(a);
    // Provider defaults (aws_api_gateway_authorizer): type TOKEN, identity_source
    // "method.request.header.Authorization", authorizer_result_ttl_in_seconds 300. Terraform sends the 300, so the
    // deployed authorizer has it configured (the API's own default is also 300: API_Authorizer.html).
    const authorizer: RawAuthorizer = {
      id: a.address,
      name: this.text(a, "name") ?? a.address,
      type: this.str(a, "type", "authorizers", "the authorizer type is unknown") ?? "TOKEN",
      identitySource: this.text(a, "identity_source") ?? "method.request.header.Authorization",
      authorizerResultTtlInSeconds: this.num(a, "authorizer_result_ttl_in_seconds", "authorizers", "its cache TTL is unknown") ?? 300,
    };
    const uri = this.text(a, "authorizer_uri");
    if (uri !== undefined) authorizer.authorizerUri = uri;
    const arns = this.stringList(a, "provider_arns");
    if (arns) authorizer.providerARNs = arns;
    const validation = this.text(a, "identity_validation_expression");
    if (validation !== undefined) authorizer.identityValidationExpression = validation;
    return authorizer;
  }

  private buildGatewayResponse(g: TfResourceInstance): RawGatewayResponse[] {
    const type = this.str(g, "response_type", "gatewayResponses", "left out");
    if (type === undefined) return [];
    this.locations[elementKey({ kind: "gatewayResponse", responseType: type })] = this.pos(g);
    const response: RawGatewayResponse = { responseType: type, defaultResponse: false };
    const status = this.text(g, "status_code");
    if (status !== undefined) response.statusCode = status;
    const params = this.stringMap(g, "response_parameters");
    if (params) response.responseParameters = params;
    const templates = this.stringMap(g, "response_templates");
    if (templates) response.responseTemplates = templates;
    return [response];
  }

  private apiSummary(resources: RawResource[]): NonNullable<RawDeployment["apiSummary"]> {
    const summary: NonNullable<RawDeployment["apiSummary"]> = {};
    for (const r of resources) {
      for (const [verb, m] of Object.entries(r.resourceMethods ?? {})) {
        const entry: { authorizationType?: string; apiKeyRequired?: boolean } = { apiKeyRequired: m.apiKeyRequired ?? false };
        if (m.authorizationType !== undefined) entry.authorizationType = m.authorizationType;
        (summary[r.path] ??= {})[verb] = entry;
      }
    }
    return summary;
  }

  private buildStages(summary: NonNullable<RawDeployment["apiSummary"]>): { stages: RawStage[]; deployments: Record<string, RawDeployment> } {
    const deployments: Record<string, RawDeployment> = {};
    const deploymentFor = (id: string): string => {
      deployments[id] ??= { id, apiSummary: summary };
      return id;
    };
    for (const d of this.of(T.deployment)) deploymentFor(d.address);
    const stages = new Map<string, RawStage>();
    const variableNames = (instance: TfResourceInstance): string[] => {
      const v = instance.values.variables;
      return isTfObject(v) ? Object.keys(v) : [];
    };
    // The deprecated stage_name of aws_api_gateway_deployment creates a stage too.
    for (const d of this.of(T.deployment)) {
      const name = this.str(d, "stage_name", "stages", "the stage it creates is left out");
      if (name === undefined) continue;
      stages.set(name, { stageName: name, deploymentId: d.address, variableNames: variableNames(d) });
      this.locations[elementKey({ kind: "stage", name })] = this.pos(d, "stage_name");
    }
    for (const s of this.of(T.stage)) {
      const name = this.str(s, "stage_name", "stages", "the stage is left out");
      if (name === undefined) continue;
      const deployment = s.values.deployment_id;
      const deploymentId = deploymentFor(refAddress(deployment, "id") ?? (typeof deployment === "string" ? deployment : placeholderText(deployment) || `${s.address}.deployment_id`));
      const stage: RawStage = { stageName: name, deploymentId, variableNames: variableNames(s) };
      const cache = this.bool(s, "cache_cluster_enabled", "stages", "whether it has a cache cluster is unknown");
      if (cache !== undefined) stage.cacheClusterEnabled = cache;
      const size = this.text(s, "cache_cluster_size");
      if (size !== undefined) stage.cacheClusterSize = size;
      const tracing = this.bool(s, "xray_tracing_enabled", "stages", "left unknown");
      if (tracing !== undefined) stage.tracingEnabled = tracing;
      const description = this.text(s, "description");
      if (description !== undefined) stage.description = description;
      stages.set(name, stage);
      this.locations[elementKey({ kind: "stage", name })] = this.pos(s);
    }
    for (const ms of this.of(T.methodSettings)) this.applyMethodSettings(ms, stages);
    return { stages: [...stages.values()], deployments };
  }

  private applyMethodSettings(ms: TfResourceInstance, stages: Map<string, RawStage>): void {
    const stageName = this.str(ms, "stage_name", "stages", "its settings are left out");
    const methodPath = this.str(ms, "method_path", "stages", "its settings are left out");
    if (stageName === undefined || methodPath === undefined) return;
    const stage = stages.get(stageName);
    if (!stage) {
      this.gaps.push({ message: `${ms.address} sets methods of stage "${stageName}", which is not declared in the files read`, position: this.pos(ms, "stage_name") });
      return;
    }
    const block = ms.values.settings;
    const settings = Array.isArray(block) && isTfObject(block[0]) ? block[0] : undefined;
    if (!settings) return;
    const setting: RawMethodSetting = {};
    const fields: Array<[keyof RawMethodSetting, string, "boolean" | "number" | "string"]> = [
      ["metricsEnabled", "metrics_enabled", "boolean"],
      ["loggingLevel", "logging_level", "string"],
      ["dataTraceEnabled", "data_trace_enabled", "boolean"],
      ["throttlingBurstLimit", "throttling_burst_limit", "number"],
      ["throttlingRateLimit", "throttling_rate_limit", "number"],
      ["cachingEnabled", "caching_enabled", "boolean"],
      ["cacheTtlInSeconds", "cache_ttl_in_seconds", "number"],
      ["cacheDataEncrypted", "cache_data_encrypted", "boolean"],
      ["requireAuthorizationForCacheControl", "require_authorization_for_cache_control", "boolean"],
      ["unauthorizedCacheControlHeaderStrategy", "unauthorized_cache_control_header_strategy", "string"],
    ];
    const view: TfResourceInstance = { ...ms, values: settings as TfObject };
    for (const [key, name, kind] of fields) {
      const consequence = "the stage's settings are unknown";
      const v = kind === "boolean" ? this.bool(view, name, "stages", consequence) : kind === "number" ? this.num(view, name, "stages", consequence) : this.str(view, name, "stages", consequence);
      if (v !== undefined) (setting as Record<string, unknown>)[key] = v;
    }
    const key = awsMethodSettingsKey(methodPath);
    stage.methodSettings = { ...(stage.methodSettings ?? {}), [key]: { ...(stage.methodSettings?.[key] ?? {}), ...setting } };
  }
}

/**
 * method_path is `{resource_path}/{http_method}` without the leading slash, or `*\/*` (provider docs,
 * aws_api_gateway_method_settings); API Gateway keys a stage's methodSettings by the path with "/" escaped as
 * "~1" (https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html: "/{resource_path}/{http_method}").
 */
export function awsMethodSettingsKey(methodPath: string): string {
  if (methodPath === "*/*") return "*/*";
  const cut = methodPath.lastIndexOf("/");
  if (cut <= 0) return methodPath;
  const path = methodPath.slice(0, cut).replace(/^\/+/, "");
  return `~1${path.split("/").join("~1")}/${methodPath.slice(cut + 1).toUpperCase()}`;
}
