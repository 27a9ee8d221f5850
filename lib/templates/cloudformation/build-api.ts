/**
 * One REST API of a CloudFormation template, in one condition variant → the RawApiSnapshot API Gateway would hold
 * after the stack is created, with the position of every element. The members of the API are the
 * AWS::ApiGateway::* resources whose RestApiId resolves to it and whose `Condition` holds in the variant.
 * Each stage's deployment serves the template's own methods (deployment-summary.ts says why).
 */
import type {
  RawApiSnapshot,
  RawAuthorizer,
  RawDeployment,
  RawGatewayResponse,
  RawResource,
  RawRestApi,
  RawStage,
} from "@/lib/model/raw-snapshot";
import type { ModelPart } from "@/lib/model/types";
import type { TemplateDocument, ValuePath } from "@/lib/templates/document";
import { elementKey, type ElementLocations, type TemplateGap } from "@/lib/templates/types";
import type { IntrinsicResolver } from "@/lib/templates/cloudformation/intrinsics";
import { setOwn } from "@/lib/model/set-own";
import { templateDeploymentSummary } from "@/lib/templates/cloudformation/deployment-summary";
import { Fields } from "@/lib/templates/cloudformation/fields";
import { physicalIdPlaceholder, rootResourceIdPlaceholder } from "@/lib/templates/cloudformation/placeholders";
import { authorizerOf, deploymentStageOf, gatewayResponseOf, methodOf, stageOf } from "@/lib/templates/cloudformation/element-parts";
import { readBody } from "@/lib/templates/cloudformation/body";
import { cdkPathOf } from "@/lib/templates/cloudformation/detect";
import type { BasePathMode } from "@/lib/templates/openapi/paths";

export const API_GATEWAY_MEMBER_TYPES = [
  "AWS::ApiGateway::Resource",
  "AWS::ApiGateway::Method",
  "AWS::ApiGateway::Authorizer",
  "AWS::ApiGateway::GatewayResponse",
  "AWS::ApiGateway::Deployment",
  "AWS::ApiGateway::Stage",
] as const;

/** What an OpenAPI definition creates (the shape of the OpenAPI reader's reading), for `buildOn`. */
export interface BaseDefinition {
  restApi?: Omit<RawRestApi, "id">;
  /** Ids are free (the OpenAPI reader uses paths); the root is path "/". */
  resources: RawResource[];
  authorizers: RawAuthorizer[];
  gatewayResponses: RawGatewayResponse[];
  locations: ElementLocations;
  uncertainties?: Record<string, string>;
  gaps?: TemplateGap[];
}

export interface ApiBuild {
  /** False when the RestApi's own `Condition` is false in this variant (then nothing else is meaningful). */
  exists: boolean;
  snapshot: RawApiSnapshot;
  locations: ElementLocations;
  uncertainties: Record<string, string>;
  /** elementKey → CDK construct path of the resource that defines the element. */
  constructPaths: Record<string, string>;
  /** Gaps of the OpenAPI Body (the resolver holds the rest). */
  bodyGaps: TemplateGap[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const BASE_PATH_MODES: readonly BasePathMode[] = ["ignore", "prepend", "split"];

export class ApiBuilder {
  private readonly resources: Record<string, unknown>;
  private readonly locations: ElementLocations = {};
  private readonly constructPaths: Record<string, string> = {};
  /** "LogicalId.Property" of properties whose resolution met a gap. */
  private readonly unresolved = new Set<string>();

  constructor(
    private readonly document: TemplateDocument,
    private readonly resolver: IntrinsicResolver,
    private readonly apiId: string,
    private readonly region: string,
  ) {
    this.resources = resolver.template.Resources;
  }

  private resource(logicalId: string): Record<string, unknown> {
    const value = own(this.resources, logicalId);
    return isRecord(value) ? value : {};
  }

  private mark(key: string, logicalId: string, path: ValuePath = ["Resources", logicalId]): void {
    this.locations[key] = this.document.positionOf(path);
    const cdkPath = cdkPathOf(own(this.resources, logicalId));
    if (cdkPath !== undefined) this.constructPaths[key] = cdkPath;
  }

  /** Does the resource's `Condition` attribute hold in this variant? */
  exists(logicalId: string): boolean {
    const condition = own(this.resource(logicalId), "Condition");
    if (condition === undefined) return true;
    const path = ["Resources", logicalId, "Condition"];
    if (typeof condition !== "string") {
      this.resolver.addGap(`${logicalId}: Condition should name a condition; taken as holding`, path);
      return true;
    }
    return this.resolver.condition(condition, path);
  }

  /** The RestApi a member resource belongs to (its resolved RestApiId), or undefined. */
  restApiOf(logicalId: string): string | undefined {
    const props = own(this.resource(logicalId), "Properties");
    const raw = isRecord(props) ? own(props, "RestApiId") : undefined;
    if (raw === undefined) return undefined;
    const resolved = this.resolver.resolve(raw, ["Resources", logicalId, "Properties", "RestApiId"]);
    return typeof resolved === "string" ? resolved : undefined;
  }

  /**
   * Resolves a resource's Properties one by one. When a `critical` property (one a rule reads) cannot be fully
   * resolved, the gap carries `part`, so rules needing that part report "not evaluated" instead of guessing.
   */
  properties(logicalId: string, label: string, part: ModelPart, critical: readonly string[]): Fields {
    const propsPath = ["Resources", logicalId, "Properties"];
    const report = (message: string, path: ValuePath) => this.resolver.addGap(`${label}: ${message}`, path, part);
    const raw = own(this.resource(logicalId), "Properties");
    if (raw !== undefined && !isRecord(raw)) report("Properties is not an object; not read", propsPath);
    const out: Record<string, unknown> = {};
    const record = isRecord(raw) ? raw : {};
    for (const key of Object.keys(record)) {
      const before = this.resolver.gaps.length;
      const value = this.resolver.resolve(record[key], [...propsPath, key]);
      if (this.resolver.gaps.length > before) {
        this.unresolved.add(`${logicalId}.${key}`);
        if (critical.includes(key)) report(`${key} could not be fully resolved; what depends on it is not evaluated`, [...propsPath, key]);
      }
      if (value !== undefined) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return Fields.of(out, propsPath, report);
  }

  private emptyBuild(): ApiBuild {
    return {
      exists: false,
      snapshot: { region: this.region, restApi: { id: this.apiId, name: this.apiId }, deployments: {}, missing: [] },
      locations: {},
      uncertainties: {},
      constructPaths: {},
      bodyGaps: [],
    };
  }

  /** The RestApi resource `apiId` with its members. */
  build(): ApiBuild {
    if (!this.exists(this.apiId)) return this.emptyBuild();
    const apiProps = this.properties(this.apiId, `RestApi ${this.apiId}`, "resources", ["BodyS3Location", "CloneFrom"]);
    const definition = this.definition(apiProps);
    const restApi = this.restApi(apiProps, definition?.restApi);
    return this.assemble(restApi, definition);
  }

  /**
   * For an API the template defines another way (the SAM reader's AWS::Serverless::Api, whose definition it reads
   * itself): `base` holds what that definition creates (resource ids by path, the root "/"), and the plain
   * AWS::ApiGateway::* resources whose RestApiId is `apiId` are added to it, as CloudFormation would.
   */
  buildOn(restApi: Omit<RawRestApi, "id" | "rootResourceId">, base: BaseDefinition): ApiBuild {
    if (!this.exists(this.apiId)) return this.emptyBuild();
    return this.assemble(
      { ...restApi, id: physicalIdPlaceholder(this.apiId), rootResourceId: rootResourceIdPlaceholder(this.apiId) },
      base,
    );
  }

  /** The OpenAPI definition of the RestApi (Body), or gaps saying why it cannot be read. */
  private definition(apiProps: Fields): BaseDefinition | undefined {
    const unknown = (message: string, at: ValuePath) => {
      for (const part of ["resources", "authorizers", "gatewayResponses"] as const) {
        this.resolver.addGap(`RestApi ${this.apiId}: ${message}; its ${part} are unknown`, at, part);
      }
      return undefined;
    };
    if (apiProps.has("Body")) {
      const mode = apiProps.fields("Parameters").string("basepath")?.toLowerCase();
      const basePathMode = BASE_PATH_MODES.find((m) => m === mode);
      const body = readBody(apiProps.value("Body"), this.document, apiProps.at("Body"), basePathMode);
      if (!body.ok) return unknown(body.message, apiProps.at("Body"));
      return { ...body.reading, gaps: body.reading.gaps };
    }
    // A Body that resolved to nothing with a gap (an AWS::Include transform, an unknown intrinsic); AWS::NoValue is no gap.
    if (this.unresolved.has(`${this.apiId}.Body`))
      return unknown("its Body (the OpenAPI definition) could not be resolved here", apiProps.at("Body"));
    if (apiProps.has("BodyS3Location"))
      return unknown("the OpenAPI definition is in S3 (BodyS3Location) and cannot be read locally", apiProps.at("BodyS3Location"));
    // "CloneFrom: The ID of the RestApi that you want to clone from" — another API's content, not in this template.
    if (apiProps.has("CloneFrom"))
      return unknown("it is cloned from another REST API (CloneFrom), whose content is not in this template", apiProps.at("CloneFrom"));
    return undefined;
  }

  private assemble(restApi: RawRestApi, base: BaseDefinition | undefined): ApiBuild {
    const rootId = restApi.rootResourceId ?? rootResourceIdPlaceholder(this.apiId);
    if (base) Object.assign(this.locations, base.locations);
    this.mark(elementKey({ kind: "api" }), this.apiId);
    const members = this.members();
    const byPath = new Map<string, RawResource>([["/", { id: rootId, path: "/" }]]);
    const authorizers = new Map<string, RawAuthorizer>();
    const gatewayResponses = new Map<string, RawGatewayResponse>();
    if (base) {
      for (const resource of base.resources) {
        // Definitions name resources by path and the root "/"; the root here is the RestApi's root resource.
        const copy: RawResource = { ...resource, id: resource.path === "/" ? rootId : resource.id };
        if (resource.parentId !== undefined) copy.parentId = resource.parentId === "/" ? rootId : resource.parentId;
        byPath.set(copy.path, copy);
      }
      for (const authorizer of base.authorizers) authorizers.set(authorizer.id, authorizer);
      for (const response of base.gatewayResponses) if (response.responseType) gatewayResponses.set(response.responseType, response);
    }
    this.locations[elementKey({ kind: "resource", path: "/" })] ??= this.document.positionOf(["Resources", this.apiId]);

    const idToPath = this.readResources(members.get("AWS::ApiGateway::Resource") ?? [], rootId, byPath);
    this.readMethods(members.get("AWS::ApiGateway::Method") ?? [], rootId, idToPath, byPath);
    for (const id of members.get("AWS::ApiGateway::Authorizer") ?? []) {
      const props = this.properties(id, `Authorizer ${id}`, "authorizers", [
        "Type",
        "AuthorizerResultTtlInSeconds",
        "IdentitySource",
        "AuthorizerUri",
        "ProviderARNs",
      ]);
      authorizers.set(physicalIdPlaceholder(id), authorizerOf(physicalIdPlaceholder(id), props));
      this.mark(elementKey({ kind: "authorizer", id: physicalIdPlaceholder(id) }), id);
    }
    for (const id of members.get("AWS::ApiGateway::GatewayResponse") ?? []) {
      const props = this.properties(id, `GatewayResponse ${id}`, "gatewayResponses", ["ResponseType", "StatusCode", "ResponseParameters"]);
      const response = gatewayResponseOf(props);
      if (!response.responseType) {
        this.resolver.addGap(`GatewayResponse ${id}: no ResponseType; not read`, ["Resources", id], "gatewayResponses");
        continue;
      }
      gatewayResponses.set(response.responseType, response);
      this.mark(elementKey({ kind: "gatewayResponse", responseType: response.responseType }), id);
    }

    const resources = [...byPath.values()];
    const { stages, deployments } = this.readStages(members, resources);
    const snapshot: RawApiSnapshot = {
      region: this.region,
      restApi,
      resources,
      authorizers: [...authorizers.values()],
      stages,
      gatewayResponses: [...gatewayResponses.values()],
      deployments,
      missing: [],
    };
    return {
      exists: true,
      snapshot,
      locations: this.locations,
      uncertainties: { ...base?.uncertainties },
      constructPaths: this.constructPaths,
      bodyGaps: [...(base?.gaps ?? [])],
    };
  }

  /** Member logical ids by type, in template order: RestApiId resolves to this API and the Condition holds. */
  private members(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    const self = physicalIdPlaceholder(this.apiId);
    for (const [logicalId, resource] of Object.entries(this.resources)) {
      const type = isRecord(resource) ? own(resource, "Type") : undefined;
      if (typeof type !== "string" || !(API_GATEWAY_MEMBER_TYPES as readonly string[]).includes(type)) continue;
      if (this.restApiOf(logicalId) !== self || !this.exists(logicalId)) continue;
      out.set(type, [...(out.get(type) ?? []), logicalId]);
    }
    return out;
  }

  private restApi(props: Fields, body: Omit<RawRestApi, "id"> | undefined): RawRestApi {
    const api: RawRestApi = {
      id: physicalIdPlaceholder(this.apiId),
      name: props.string("Name") ?? (body?.name || this.apiId),
      rootResourceId: rootResourceIdPlaceholder(this.apiId),
    };
    // The template's own properties win over the Body's extensions where both are set.
    const description = props.string("Description") ?? body?.description;
    if (description !== undefined) api.description = description;
    const keySource = props.string("ApiKeySourceType")?.toUpperCase() ?? body?.apiKeySource;
    if (keySource !== undefined) api.apiKeySource = keySource;
    const endpoint = props.fields("EndpointConfiguration");
    const types = endpoint.strings("Types")?.map((t) => t.toUpperCase()) ?? body?.endpointTypes;
    if (types !== undefined) api.endpointTypes = types;
    const disable =
      props.boolean("DisableExecuteApiEndpoint") ?? endpoint.boolean("DisableExecuteApiEndpoint") ?? body?.disableExecuteApiEndpoint;
    if (disable !== undefined) api.disableExecuteApiEndpoint = disable;
    const binary = props.strings("BinaryMediaTypes") ?? body?.binaryMediaTypes;
    if (binary !== undefined) api.binaryMediaTypes = binary;
    const policy = props.value("Policy");
    if (policy !== undefined) api.policy = typeof policy === "string" ? policy : JSON.stringify(policy);
    else if (body?.policy !== undefined) api.policy = body.policy;
    return api;
  }

  /**
   * AWS::ApiGateway::Resource → paths, built from PathPart up the ParentId chain to the root
   * (`Fn::GetAtt [Api, RootResourceId]`). A chain that loops or leaves the API is a gap, never a hang.
   */
  private readResources(ids: string[], rootId: string, byPath: Map<string, RawResource>): Map<string, string> {
    const nodes = new Map<string, { parent?: string; pathPart?: string }>();
    for (const id of ids) {
      const props = this.properties(id, `Resource ${id}`, "resources", ["ParentId", "PathPart"]);
      nodes.set(physicalIdPlaceholder(id), { parent: props.string("ParentId"), pathPart: props.string("PathPart") });
    }
    const idToPath = new Map<string, string>([[rootId, "/"]]);
    const failed = new Set<string>();
    const pathOf = (start: string): string | undefined => {
      const chain: string[] = [];
      let current = start;
      while (!idToPath.has(current)) {
        if (failed.has(current)) return undefined;
        const node = nodes.get(current);
        const fail = (message: string) => {
          this.resolver.addGap(
            `Resource ${start}: ${message}; its path and methods are not read`,
            ["Resources", start, "Properties", "ParentId"],
            "resources",
          );
          for (const id of [start, ...chain]) failed.add(id);
          return undefined;
        };
        if (chain.includes(current)) return fail(`its ParentId chain loops (${[...chain, current].join(" → ")})`);
        if (!node) return fail(`ParentId "${current}" is neither the RestApi's root resource nor one of its AWS::ApiGateway::Resource`);
        if (node.parent === undefined || node.pathPart === undefined || node.pathPart === "")
          return fail(`${current} has no ParentId or PathPart`);
        chain.push(current);
        current = node.parent;
      }
      let path = idToPath.get(current) as string;
      for (const id of chain.reverse()) {
        const parentPath = path;
        path = `${path === "/" ? "" : path}/${nodes.get(id)?.pathPart as string}`;
        idToPath.set(id, path);
        if (!byPath.has(path)) {
          const parent = byPath.get(parentPath);
          byPath.set(path, { id, parentId: parent?.id ?? rootId, path, pathPart: nodes.get(id)?.pathPart as string });
        }
        this.mark(elementKey({ kind: "resource", path }), id);
      }
      return path;
    };
    for (const id of nodes.keys()) pathOf(id);
    return idToPath;
  }

  private readMethods(ids: string[], rootId: string, idToPath: Map<string, string>, byPath: Map<string, RawResource>): void {
    for (const id of ids) {
      const props = this.properties(id, `Method ${id}`, "resources", [
        "HttpMethod",
        "ResourceId",
        "AuthorizationType",
        "AuthorizerId",
        "ApiKeyRequired",
        "AuthorizationScopes",
      ]);
      const verb = props.string("HttpMethod")?.toUpperCase();
      const resourceId = props.string("ResourceId");
      const path = resourceId === undefined ? undefined : resourceId === rootId ? "/" : idToPath.get(resourceId);
      if (verb === undefined || path === undefined) {
        const why =
          verb === undefined ? "no HttpMethod" : `ResourceId "${resourceId ?? ""}" is not a resource of this API with a known path`;
        this.resolver.addGap(`Method ${id}: ${why}; not read`, ["Resources", id], "resources");
        continue;
      }
      const resource = byPath.get(path) as RawResource;
      resource.resourceMethods ??= {};
      if (Object.prototype.hasOwnProperty.call(resource.resourceMethods, verb)) {
        this.resolver.addGap(
          `Method ${id}: ${verb} ${path} is defined twice (CloudFormation or the import would refuse one); this one is kept`,
          ["Resources", id],
        );
      }
      resource.resourceMethods[verb] = methodOf(props, verb);
      this.mark(elementKey({ kind: "method", path, httpMethod: verb }), id);
    }
  }

  private readStages(
    members: Map<string, string[]>,
    resources: RawResource[],
  ): { stages: RawStage[]; deployments: Record<string, RawDeployment> } {
    const summary = templateDeploymentSummary(resources);
    const deployments: Record<string, RawDeployment> = {};
    const addDeployment = (id: string, description?: string) => {
      if (!Object.prototype.hasOwnProperty.call(deployments, id))
        setOwn(deployments, id, { id, apiSummary: summary, ...(description !== undefined ? { description } : {}) });
    };
    const stages = new Map<string, RawStage>();
    const note = (label: string) => (message: string, setting: Fields) => this.resolver.addGap(`${label}: ${message}`, setting.path);
    for (const id of members.get("AWS::ApiGateway::Deployment") ?? []) {
      const props = this.properties(id, `Deployment ${id}`, "stages", ["StageName", "StageDescription"]);
      const deploymentId = physicalIdPlaceholder(id);
      addDeployment(deploymentId, props.string("Description"));
      const stageName = props.string("StageName");
      if (stageName === undefined) continue;
      // "StageName: The name of the Stage resource for the Deployment resource to create"
      // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-apigateway-deployment.html).
      stages.set(stageName, deploymentStageOf(stageName, deploymentId, props.fields("StageDescription"), note(`Deployment ${id}`)));
      this.mark(elementKey({ kind: "stage", name: stageName }), id, ["Resources", id, "Properties", "StageName"]);
    }
    for (const id of members.get("AWS::ApiGateway::Stage") ?? []) {
      const props = this.properties(id, `Stage ${id}`, "stages", ["StageName", "DeploymentId", "MethodSettings", "CacheClusterEnabled"]);
      const stageName = props.string("StageName");
      if (stageName === undefined) {
        this.resolver.addGap(`Stage ${id}: no StageName; not read`, ["Resources", id], "stages");
        continue;
      }
      if (stages.has(stageName)) {
        this.resolver.addGap(
          `Stage ${id}: stage "${stageName}" is also created by a Deployment's StageName (CloudFormation would fail to create one of them); this one is kept`,
          props.at("StageName"),
        );
      }
      const deploymentId = props.string("DeploymentId");
      // A deployment made outside the template (a parameter, an import) still serves this template's methods.
      if (deploymentId !== undefined) addDeployment(deploymentId);
      stages.set(stageName, stageOf(stageName, deploymentId, props, note(`Stage ${id}`)));
      this.mark(elementKey({ kind: "stage", name: stageName }), id);
    }
    return { stages: [...stages.values()], deployments };
  }
}
