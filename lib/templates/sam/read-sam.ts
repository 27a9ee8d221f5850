/**
 * The reader for SAM templates (`Transform: AWS::Serverless-2016-10-31`, YAML with short-form tags or JSON):
 * one TemplateApi per REST API SAM would create (the implicit `ServerlessRestApi` and each
 * `AWS::Serverless::Api`), one variant per combination of the conditions the API depends on. Each variant's
 * definition is built the way the translator builds it and read with the OpenAPI reader, so SAM's rules
 * (DefaultAuthorizer and ApiKeyRequired on the generated OPTIONS, Globals merging, per-event Auth) and API
 * Gateway's import rules are each written once.
 *
 * Plain `AWS::ApiGateway::*` resources in a SAM template are the CloudFormation reader's: a plain RestApi is read
 * by `readApiGatewayResources`, and members attached to a SAM API are added to it by `ApiBuilder.buildOn`.
 */
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { parseTemplateDocument, type TemplateDocument } from "@/lib/templates/document";
import {
  elementKey,
  type SourcePosition,
  type TemplateApi,
  type TemplateGap,
  type TemplateReadContext,
  type TemplateReader,
  type TemplateVariant,
} from "@/lib/templates/types";
import { readOpenApiDefinition } from "@/lib/templates/openapi/read-definition";
import { snapshotFromOpenApi } from "@/lib/templates/openapi/snapshot";
import { isRecord, placeholderText, type JsonRecord } from "@/lib/templates/openapi/values";
import { IntrinsicResolver, templateSections } from "@/lib/templates/cloudformation/intrinsics";
import { exploreVariants, MAX_VARIANTS } from "@/lib/templates/cloudformation/variants";
import { buildSamDefinition, type BuiltDefinition } from "@/lib/templates/sam/build-definition";
import { ApiBuilder, API_GATEWAY_MEMBER_TYPES } from "@/lib/templates/cloudformation/build-api";
import { readApiGatewayResources } from "@/lib/templates/cloudformation/read-api-gateway";
import { collectSamApis, declaresSamTransform, IMPLICIT_API_ID, isSamTemplate, type SamApiSource } from "@/lib/templates/sam/sources";
import { readStage } from "@/lib/templates/sam/stage";

/** Resources SAM generates that a template may Ref or GetAtt (so the resolver does not report them missing). */
function generatedResources(template: JsonRecord, samApiIds: string[]): Record<string, string> {
  const out: Record<string, string> = { [IMPLICIT_API_ID]: "AWS::ApiGateway::RestApi" };
  for (const id of samApiIds) out[id] = "AWS::ApiGateway::RestApi";
  const resources = isRecord(template.Resources) ? template.Resources : {};
  for (const id of Object.keys(resources)) {
    const resource = resources[id];
    if (!isRecord(resource)) continue;
    // samtranslator/model/sam_resources.py: a function without Role gets "<Function>Role"; an API "<Api>Deployment…"/"<Api><Stage>Stage".
    if (resource.Type === "AWS::Serverless::Function") out[`${id}Role`] = "AWS::IAM::Role";
  }
  return out;
}

function gapKey(gap: TemplateGap): string {
  return `${gap.message}@${gap.position?.file}:${gap.position?.line}:${gap.position?.column}`;
}

export function readSamApis(document: TemplateDocument, context: TemplateReadContext): { apis: TemplateApi[]; gaps: TemplateGap[] } {
  const template = document.value as JsonRecord;
  const { apis: sources, problems } = collectSamApis(template);
  const templateGaps: TemplateGap[] = problems.map((p) => ({ message: p.message, position: document.positionOf(p.path) }));
  const apis: TemplateApi[] = [];
  for (const source of sources) {
    const gaps: TemplateGap[] = [];
    const seen = new Set<string>();
    const addGap = (gap: TemplateGap) => {
      const key = gapKey(gap);
      if (!seen.has(key)) {
        seen.add(key);
        gaps.push(gap);
      }
    };
    const sections = templateSections(template);
    const extraResources = generatedResources(
      template,
      sources.map((a) => a.logicalId),
    );
    const attached = hasPlainMembers(template, source.logicalId);
    // The CloudFormation reader's resolver and variant exploration: only conditions this API meets are split.
    const explored = exploreVariants((assumptions) => {
      const resolver = new IntrinsicResolver(sections, { region: context.region, assumptions, document, extraResources });
      const built = buildSamDefinition({ api: source, resolver, document, context });
      const variant =
        built.definition || built.problems.some((p) => p.fatal)
          ? assembleVariant(source, built, resolver, document, context, attached)
          : undefined;
      const unassigned = [...resolver.unassigned, ...built.unassigned.filter((n) => !resolver.unassigned.includes(n))];
      return { result: { built, variant, gaps: [...resolver.gaps] }, unassigned };
    });
    if (explored.unexplored.length > 0) {
      addGap({
        message: `${source.logicalId}: more than ${MAX_VARIANTS} condition variants; ${explored.unexplored.join(", ")} read as true only`,
        position: document.positionOf(source.resourcePath ?? []),
      });
    }
    const variants: TemplateVariant[] = [];
    const files = new Set<string>([document.file]);
    for (const { assumptions, result } of explored.variants) {
      const { built, variant } = result;
      for (const gap of result.gaps) addGap(gap);
      for (const file of built.files) files.add(file);
      for (const p of built.problems)
        addGap({ message: `${source.logicalId}: ${p.message}`, position: p.position, ...(p.fatal ? { part: "resources" as const } : {}) });
      if (!variant) continue; // the API does not exist under these assumptions
      for (const gap of variant.gaps) addGap(gap);
      const out: TemplateVariant = { assumptions, snapshot: variant.snapshot, locations: variant.locations };
      if (Object.keys(variant.uncertainties).length > 0) out.uncertainties = variant.uncertainties;
      variants.push(out);
    }
    if (variants.length > 0) apis.push({ name: source.logicalId, format: "sam", files: [...files], variants, gaps });
  }
  return { apis, gaps: templateGaps };
}

interface AssembledVariant {
  snapshot: RawApiSnapshot;
  locations: TemplateVariant["locations"];
  uncertainties: Record<string, string>;
  gaps: TemplateGap[];
}

/** One variant's snapshot: the definition read by the OpenAPI reader, SAM's stage, and any plain AWS::ApiGateway::* members added. */
function assembleVariant(
  source: SamApiSource,
  built: BuiltDefinition,
  resolver: IntrinsicResolver,
  document: TemplateDocument,
  context: TemplateReadContext,
  attached: boolean,
): AssembledVariant {
  const gaps: TemplateGap[] = [];
  const props = built.properties;
  const stageReading = readStage(props, source.implicit);
  const stagePosition = source.resourcePath ? document.positionOf([...source.resourcePath, "Properties", "StageName"]) : built.locate([]);
  for (const message of stageReading.problems)
    gaps.push({ message: `${source.logicalId}: ${message}`, position: stagePosition, part: "stages" });
  const samStages = stageReading.extraStage ? [stageReading.stage, stageReading.extraStage] : [stageReading.stage];
  let snapshot: RawApiSnapshot;
  let locations: TemplateVariant["locations"];
  let uncertainties: Record<string, string> = {};
  if (built.definition) {
    const reading = readOpenApiDefinition({ definition: built.definition, locate: built.locate });
    gaps.push(...reading.gaps);
    snapshot = snapshotFromOpenApi(reading, {
      id: source.logicalId,
      region: context.region,
      name: apiName(props, reading.restApi.name, source.logicalId),
      stages: samStages,
    });
    locations = reading.locations;
    uncertainties = reading.uncertainties;
    if (attached) {
      // Plain AWS::ApiGateway::* resources whose RestApiId is this SAM API (a GatewayResponse, an extra Method):
      // the CloudFormation reader adds them to what the definition created, as CloudFormation would.
      const build = new ApiBuilder(document, resolver, source.logicalId, context.region).buildOn(reading.restApi, { ...reading, gaps: [] });
      snapshot = {
        ...build.snapshot,
        restApi: { ...build.snapshot.restApi, name: snapshot.restApi.name },
        stages: [...samStages, ...(build.snapshot.stages ?? [])],
        deployments: { ...build.snapshot.deployments },
      };
      locations = { ...locations, ...build.locations };
      uncertainties = { ...uncertainties, ...build.uncertainties };
    }
  } else {
    snapshot = {
      region: context.region,
      restApi: { id: source.logicalId, name: apiName(props, "", source.logicalId) },
      stages: samStages,
      deployments: {},
      missing: [{ part: "resources", operation: "SAM definition", reason: built.unreadable ?? "The definition could not be read." }],
    };
    locations = {};
  }
  applyRestApiProperties(snapshot, props);
  locations[elementKey({ kind: "api" })] = document.positionOf(source.resourcePath ?? source.events[0]?.path ?? []);
  locations[elementKey({ kind: "stage", name: stageReading.stage.stageName })] = stagePosition;
  if (stageReading.extraStage)
    locations[elementKey({ kind: "stage", name: "Stage" })] = locations[elementKey({ kind: "api" })] as SourcePosition;
  return { snapshot, locations, uncertainties, gaps };
}

/** Does any plain AWS::ApiGateway::* resource name this API as its RestApiId? */
function hasPlainMembers(template: JsonRecord, apiId: string): boolean {
  const resources = isRecord(template.Resources) ? template.Resources : {};
  return Object.keys(resources).some((id) => {
    const resource = resources[id];
    if (!isRecord(resource) || !(API_GATEWAY_MEMBER_TYPES as readonly unknown[]).includes(resource.Type)) return false;
    const restApiId = isRecord(resource.Properties) ? resource.Properties.RestApiId : undefined;
    return restApiId === apiId || (isRecord(restApiId) && restApiId.Ref === apiId);
  });
}

function apiName(props: JsonRecord, title: string, logicalId: string): string {
  return placeholderText(props.Name) ?? (title && title !== "${AWS::StackName}" ? title : logicalId);
}

/** Properties SAM puts on the AWS::ApiGateway::RestApi itself rather than in the definition. */
function applyRestApiProperties(snapshot: RawApiSnapshot, props: JsonRecord): void {
  const endpoint = props.EndpointConfiguration;
  // api_generator.py `_set_endpoint_configuration`: a string is the type; a map has Type (and VpcEndpointIds).
  const type = typeof endpoint === "string" ? endpoint : isRecord(endpoint) ? placeholderText(endpoint.Type) : undefined;
  if (type) snapshot.restApi.endpointTypes = [type.toUpperCase()];
  const source = placeholderText(props.ApiKeySourceType);
  if (source === "HEADER" || source === "AUTHORIZER") snapshot.restApi.apiKeySource = source;
  if (typeof props.DisableExecuteApiEndpoint === "boolean") snapshot.restApi.disableExecuteApiEndpoint = props.DisableExecuteApiEndpoint;
  const description = placeholderText(props.Description);
  if (description !== undefined) snapshot.restApi.description = description;
}

export const readSamTemplate: TemplateReader = (entry, context) => {
  const parsed = parseTemplateDocument(entry.path, entry.text);
  if (!parsed.ok) return parsed;
  const { document } = parsed;
  if (!isSamTemplate(document.value)) {
    return {
      ok: false,
      error: {
        message: `${entry.path}: not a SAM template (no "Transform: AWS::Serverless-2016-10-31" and no AWS::Serverless::* resource)`,
        position: document.positionOf([]),
      },
    };
  }
  const { apis, gaps } = readSamApis(document, context);
  if (!declaresSamTransform(document.value)) {
    gaps.push({
      message: `${entry.path}: AWS::Serverless::* resources without "Transform: AWS::Serverless-2016-10-31"; CloudFormation would reject them, read as SAM`,
      position: document.positionOf([]),
    });
  }
  // Plain AWS::ApiGateway::RestApi resources of the same template are the CloudFormation reader's; members it
  // cannot place (their RestApiId is a SAM API) were added to that API above via ApiBuilder.buildOn.
  const template = document.value as JsonRecord;
  const plain = readApiGatewayResources(document, {
    region: context.region,
    format: "sam",
    extraResources: generatedResources(
      template,
      apis.map((a) => a.name),
    ),
  });
  apis.push(...plain.apis);
  gaps.push(...plain.gaps);
  return { ok: true, apis, gaps };
};
