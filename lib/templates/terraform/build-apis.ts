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
import type { RawApiSnapshot, RawAuthorizer, RawDeployment, RawGatewayResponse, RawResource } from "@/lib/model/raw-snapshot";
import { elementKey, type TemplateApi, type TemplateFormat } from "@/lib/templates/types";
import type { TfResourceInstance } from "./configuration";
import { buildResources } from "./build-resources";
import { buildStages } from "./build-stages";
import { ElementReader } from "./element-reader";
import { mergeResources, readBody } from "./openapi-body";
import { definedFields } from "@/lib/model/defined-fields";
import { API_GATEWAY_TYPES, keyedRecord, RESOURCE_TYPES as T, WEB_ACL_ASSOCIATION_TYPES } from "./resource-types";
import { isTfObject, placeholderText, TfRef } from "./values";

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
  const associations = input.instances.filter((i) => WEB_ACL_ASSOCIATION_TYPES.has(i.type));
  return [...byApi.entries()].map(([key, instances]) => new ApiBuilder(key, instances, input, associations).build());
}

class ApiBuilder {
  private readonly reader: ElementReader;

  constructor(
    private readonly key: string,
    private readonly instances: TfResourceInstance[],
    private readonly input: BuildInput,
    private readonly webAclAssociations: TfResourceInstance[] = [],
  ) {
    this.reader = new ElementReader(instances);
  }

  build(): TemplateApi {
    const reader = this.reader;
    const apiInstance = reader.of(T.api)[0];
    const restApi: RawApiSnapshot["restApi"] = { id: this.key, name: this.key };
    if (apiInstance) {
      reader.locate(elementKey({ kind: "api" }), apiInstance);
      restApi.name = reader.text(apiInstance, "name") ?? this.key;
      const description = reader.text(apiInstance, "description");
      if (description !== undefined) restApi.description = description;
      const keySource = reader.str(apiInstance, "api_key_source", undefined, "read as HEADER, the default");
      if (keySource !== undefined) restApi.apiKeySource = keySource;
      const endpoint = apiInstance.values.endpoint_configuration;
      const types = Array.isArray(endpoint) && isTfObject(endpoint[0]) ? endpoint[0].types : undefined;
      if (Array.isArray(types)) restApi.endpointTypes = types.map((t) => placeholderText(t));
      const disabled = reader.bool(apiInstance, "disable_execute_api_endpoint", "resources", "left unknown");
      if (disabled !== undefined) restApi.disableExecuteApiEndpoint = disabled;
      restApi.rootResourceId = `${this.key}.root_resource_id`;
      // Media types API Gateway treats as binary (provider docs, aws_api_gateway_rest_api binary_media_types).
      const binary = reader.stringList(apiInstance, "binary_media_types");
      if (binary !== undefined) restApi.binaryMediaTypes = binary;
    } else if (typeOfAddress(this.key) === T.api) {
      reader.note(`${this.key} is referenced but not declared in the files read: its name and settings are unknown`);
    } else {
      reader.note(
        `these resources belong to the REST API ${this.key}, which is given to this module from outside: audit the calling configuration or a terraform plan to see the whole API`,
      );
    }

    const policy = this.policy(reader, apiInstance);
    if (policy !== undefined) restApi.policy = policy;

    const body = apiInstance ? readBody(reader, apiInstance) : undefined;
    const terraformResources = buildResources(reader, this.key);
    const resources = body ? mergeResources(body.resources, terraformResources, `${this.key}.root_resource_id`) : terraformResources;
    const authorizers = [...(body?.authorizers ?? []), ...reader.of(T.authorizer).map((a) => this.buildAuthorizer(reader, a))];
    const ownResponses = reader.of(T.gatewayResponse).flatMap((g) => this.buildGatewayResponse(reader, g));
    const gatewayResponses = [
      ...(body?.gatewayResponses ?? []).filter((r) => !ownResponses.some((o) => o.responseType === r.responseType)),
      ...ownResponses,
    ];
    if (body) {
      // The resource's own arguments override the definition's values (provider docs, aws_api_gateway_rest_api).
      for (const [key, value] of Object.entries(body.restApi)) {
        if (value !== undefined && (restApi as unknown as Record<string, unknown>)[key] === undefined)
          (restApi as unknown as Record<string, unknown>)[key] = value;
      }
      if (apiInstance && apiInstance.values.name === undefined && body.restApi.name) restApi.name = body.restApi.name;
      for (const [key, position] of Object.entries(body.locations)) reader.locations[key] ??= position;
      reader.gaps.push(...body.gaps);
      for (const gap of body.gaps) {
        if (gap.part) reader.missing.push({ part: gap.part, operation: "OpenAPI body", reason: gap.message });
      }
    }
    const summary = this.apiSummary(resources);
    const { stages, deployments } = buildStages(reader, summary, this.webAclAssociations);

    const snapshot: RawApiSnapshot = {
      region: this.input.region,
      restApi,
      resources,
      authorizers,
      stages,
      gatewayResponses,
      deployments,
      missing: reader.missing,
    };
    for (const instance of this.instances) reader.files.add(this.input.fileOf(instance));
    return {
      name: this.key,
      format: this.input.format,
      files: [...reader.files].sort(),
      variants: [
        {
          assumptions: {},
          snapshot,
          locations: reader.locations,
          ...(body && Object.keys(body.uncertainties).length > 0 ? { uncertainties: body.uncertainties } : {}),
        },
      ],
      gaps: reader.gaps,
    };
  }

  /**
   * The resource policy: the API's `policy` argument or an aws_api_gateway_rest_api_policy (provider docs: both take the
   * JSON text; the separate resource wins, as it is applied after the API). The API's own `execution_arn` is only known
   * after apply, so a reference to it becomes the ARN the audit evaluates requests against
   * (arn:aws:execute-api:region:*:id, as lib/rules/resource-policy-denies-preflight builds them); any other unknown value
   * stays a placeholder, and a gap says the policy was read with it.
   */
  private policy(reader: ElementReader, apiInstance: TfResourceInstance | undefined): string | undefined {
    const own = reader.of(T.restApiPolicy);
    const source = own[own.length - 1] ?? apiInstance;
    const value = source?.values.policy;
    if (!source || value === undefined || value === null) return undefined;
    if (own.length > 1) reader.note(`${this.key} has ${own.length} aws_api_gateway_rest_api_policy resources; the last is read`, source);
    const executionArn = `\${${this.key}.execution_arn}`;
    const text = placeholderText(value).split(executionArn).join(`arn:aws:execute-api:${this.input.region}:*:${this.key}`);
    if (text.includes("${")) {
      reader.note(
        `the resource policy of ${this.key} holds values known only after apply; they are read as the placeholders shown, which match no request`,
        source,
        "policy",
      );
    }
    return text;
  }

  private buildAuthorizer(reader: ElementReader, a: TfResourceInstance): RawAuthorizer {
    reader.locate(elementKey({ kind: "authorizer", id: a.address }), a);
    // Provider defaults (https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/api_gateway_authorizer):
    // type TOKEN, identity_source "method.request.header.Authorization", authorizer_result_ttl_in_seconds 300.
    // Terraform sends the 300, so the deployed authorizer has it configured (API Gateway's own default is also 300:
    // https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html).
    return definedFields<RawAuthorizer>({
      id: a.address,
      name: reader.text(a, "name") ?? a.address,
      type: reader.str(a, "type", "authorizers", "the authorizer type is unknown") ?? "TOKEN",
      identitySource: reader.text(a, "identity_source") ?? "method.request.header.Authorization",
      authorizerResultTtlInSeconds: reader.num(a, "authorizer_result_ttl_in_seconds", "authorizers", "its cache TTL is unknown") ?? 300,
      authorizerUri: reader.text(a, "authorizer_uri"),
      providerARNs: reader.stringList(a, "provider_arns"),
      identityValidationExpression: reader.text(a, "identity_validation_expression"),
    });
  }

  private buildGatewayResponse(reader: ElementReader, g: TfResourceInstance): RawGatewayResponse[] {
    const type = reader.str(g, "response_type", "gatewayResponses", "left out");
    if (type === undefined) return [];
    reader.locate(elementKey({ kind: "gatewayResponse", responseType: type }), g);
    return [
      definedFields({
        responseType: type,
        defaultResponse: false,
        statusCode: reader.text(g, "status_code"),
        responseParameters: reader.stringMap(g, "response_parameters"),
        responseTemplates: reader.stringMap(g, "response_templates"),
      }),
    ];
  }

  private apiSummary(resources: RawResource[]): NonNullable<RawDeployment["apiSummary"]> {
    const summary: NonNullable<RawDeployment["apiSummary"]> = keyedRecord();
    for (const r of resources) {
      const methods = r.resourceMethods;
      if (!methods) continue;
      for (const verb of Object.keys(methods)) {
        const m = methods[verb]!;
        const entry: { authorizationType?: string; apiKeyRequired?: boolean } = { apiKeyRequired: m.apiKeyRequired ?? false };
        if (m.authorizationType !== undefined) entry.authorizationType = m.authorizationType;
        (summary[r.path] ??= keyedRecord())[verb] = entry;
      }
    }
    return summary;
  }
}
