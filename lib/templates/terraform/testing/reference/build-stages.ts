/**
 * Test support: the Terraform reader's implementation before the speed rewrite (main at 29ed0d8), kept unchanged as
 * the oracle the differential tests compare the current one with (reference.test.ts). Not used by the reader.
 */
/**
 * Stages, deployments and method settings of one REST API. A template is what WILL be deployed, so every deployment's
 * summary is the configured methods themselves (`summary`): a stage then shows no drift (lib/model/drift.ts compares
 * the summary with the methods), which is what the stage serves once `terraform apply` has run.
 */
import type { RawDeployment, RawMethodSetting, RawStage } from "@/lib/model/raw-snapshot";
import { methodSettingsKey, STAGE_WIDE_KEY } from "@/lib/model/method-settings";
import { elementKey } from "@/lib/templates/types";
import type { TfResourceInstance } from "./configuration";
import type { ElementReader } from "./element-reader";
import { keyedRecord, RESOURCE_TYPES as T, refAddress } from "@/lib/templates/terraform/resource-types";
import { isTfObject, placeholderText, type TfObject } from "@/lib/templates/terraform/values";

export function buildStages(
  reader: ElementReader,
  summary: NonNullable<RawDeployment["apiSummary"]>,
  webAclAssociations: TfResourceInstance[] = [],
): { stages: RawStage[]; deployments: Record<string, RawDeployment> } {
  const deployments: Record<string, RawDeployment> = keyedRecord();
  const deploymentFor = (id: string): string => {
    deployments[id] ??= { id, apiSummary: summary };
    return id;
  };
  for (const d of reader.of(T.deployment)) deploymentFor(d.address);
  const stages = new Map<string, RawStage>();
  // Stage variable names only (values are never kept, as for a live read); names unknown statically are a gap.
  const variableNames = (instance: TfResourceInstance): string[] => {
    const v = instance.values.variables;
    if (v === undefined || v === null) return [];
    if (isTfObject(v)) return Object.keys(v);
    reader.gap(instance, "variables", v, "the stage's variable names are unknown", "stages");
    return [];
  };
  // The deprecated stage_name of aws_api_gateway_deployment creates a stage too.
  for (const d of reader.of(T.deployment)) {
    const name = reader.str(d, "stage_name", "stages", "the stage it creates is left out");
    if (name === undefined) continue;
    stages.set(name, { stageName: name, deploymentId: d.address, variableNames: variableNames(d) });
    reader.locate(elementKey({ kind: "stage", name }), d, "stage_name");
  }
  for (const s of reader.of(T.stage)) {
    const name = reader.str(s, "stage_name", "stages", "the stage is left out");
    if (name === undefined) continue;
    const deployment = s.values.deployment_id;
    const deploymentId = deploymentFor(
      refAddress(deployment, "id") ??
        (typeof deployment === "string" ? deployment : placeholderText(deployment) || `${s.address}.deployment_id`),
    );
    const stage: RawStage = { stageName: name, deploymentId, variableNames: variableNames(s) };
    const cache = reader.bool(s, "cache_cluster_enabled", "stages", "whether it has a cache cluster is unknown");
    if (cache !== undefined) stage.cacheClusterEnabled = cache;
    const size = reader.text(s, "cache_cluster_size");
    if (size !== undefined) stage.cacheClusterSize = size;
    const tracing = reader.bool(s, "xray_tracing_enabled", "stages", "left unknown");
    if (tracing !== undefined) stage.tracingEnabled = tracing;
    const description = reader.text(s, "description");
    if (description !== undefined) stage.description = description;
    const association = webAclAssociations.find((a) => refAddress(a.values.resource_arn, "arn") === s.address);
    if (association) {
      // The web ACL's ARN is usually a reference known after apply; its presence is what the WAF findings need.
      stage.webAclArn = placeholderText(association.values.web_acl_arn ?? association.values.web_acl_id) || `${association.address}`;
      reader.files.add(association.position.file);
    }
    stages.set(name, stage);
    reader.locate(elementKey({ kind: "stage", name }), s);
  }
  for (const ms of reader.of(T.methodSettings)) applyMethodSettings(reader, ms, stages);
  return { stages: [...stages.values()], deployments };
}

function applyMethodSettings(reader: ElementReader, ms: TfResourceInstance, stages: Map<string, RawStage>): void {
  const stageName = reader.str(ms, "stage_name", "stages", "its settings are left out");
  const methodPath = reader.str(ms, "method_path", "stages", "its settings are left out");
  if (stageName === undefined || methodPath === undefined) return;
  const stage = stages.get(stageName);
  if (!stage) {
    reader.note(`${ms.address} sets methods of stage "${stageName}", which is not declared in the files read`, ms, "stage_name");
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
    const v =
      kind === "boolean"
        ? reader.bool(view, name, "stages", consequence)
        : kind === "number"
          ? reader.num(view, name, "stages", consequence)
          : reader.str(view, name, "stages", consequence);
    if (v !== undefined) (setting as Record<string, unknown>)[key] = v;
  }
  const key = awsMethodSettingsKey(methodPath);
  stage.methodSettings = { ...(stage.methodSettings ?? {}), [key]: { ...(stage.methodSettings?.[key] ?? {}), ...setting } };
}

/**
 * method_path is `{resource_path}/{http_method}` without the leading slash, or `*\/*` (provider docs,
 * aws_api_gateway_method_settings); API Gateway keys a stage's methodSettings by the path with "/" escaped as
 * "~1" (https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html: "/{resource_path}/{http_method}").
 */
export function awsMethodSettingsKey(methodPath: string): string {
  if (methodPath === STAGE_WIDE_KEY) return STAGE_WIDE_KEY;
  const cut = methodPath.lastIndexOf("/");
  if (cut <= 0) return methodPath;
  const path = methodPath.slice(0, cut).replace(/^\/+/, "");
  return methodSettingsKey(`/${path}`, methodPath.slice(cut + 1).toUpperCase());
}
