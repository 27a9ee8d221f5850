/**
 * The reader for SAM templates (`Transform: AWS::Serverless-2016-10-31`, YAML with short-form tags or JSON):
 * one TemplateApi per REST API SAM would create (the implicit `ServerlessRestApi` and each
 * `AWS::Serverless::Api`), one variant per combination of the conditions the API depends on. Each variant's
 * definition is built the way the translator builds it and read with the OpenAPI reader, so SAM's rules
 * (DefaultAuthorizer and ApiKeyRequired on the generated OPTIONS, Globals merging, per-event Auth) and API
 * Gateway's import rules are each written once.
 *
 * Plain `AWS::ApiGateway::*` resources in a SAM template are the CloudFormation reader's: pass its function as
 * `readPlainApis` (the seam) and its APIs are added to the result; without it they are reported as a gap.
 */
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { parseTemplateDocument, type TemplateDocument } from "@/lib/templates/document";
import { elementKey, type TemplateApi, type TemplateGap, type TemplateReadContext, type TemplateReader, type TemplateReadResult, type TemplateVariant } from "@/lib/templates/types";
import { readOpenApiDefinition } from "@/lib/templates/openapi/read-definition";
import { snapshotFromOpenApi } from "@/lib/templates/openapi/snapshot";
import { isRecord, placeholderText, type JsonRecord } from "@/lib/templates/openapi/values";
import { assumptionSets, conditionsIn, resolveConditions } from "@/lib/templates/sam/conditions";
import { buildSamDefinition } from "@/lib/templates/sam/build-definition";
import { collectSamApis, declaresSamTransform, isSamTemplate, type SamApiSource } from "@/lib/templates/sam/sources";
import { readStage } from "@/lib/templates/sam/stage";

export interface SamReaderOptions {
  /** The CloudFormation reader's entry point for the plain AWS::ApiGateway::RestApi resources of the same template. */
  readPlainApis?: (document: TemplateDocument, context: TemplateReadContext) => TemplateReadResult;
}

/** The conditions an API's variants depend on: Fn::If in its properties (Globals included) and events, and its functions' and its own Condition. */
function apiConditions(api: SamApiSource): string[] {
  const names = conditionsIn(api.properties);
  if (api.condition) names.add(api.condition);
  for (const event of api.events) {
    conditionsIn(event.properties, names);
    if (event.condition) names.add(event.condition);
  }
  return [...names];
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
    const { sets, capped } = assumptionSets(apiConditions(source));
    if (capped) addGap({ message: `${source.logicalId} depends on more than 5 conditions; only the all-true and all-false combinations are read`, position: document.positionOf(source.resourcePath ?? []) });
    const variants: TemplateVariant[] = [];
    const files = new Set<string>([document.file]);
    for (const assumptions of sets) {
      const built = buildSamDefinition({ api: source, assumptions, document, context });
      for (const file of built.files) files.add(file);
      const fatal = built.problems.some((p) => p.fatal);
      for (const p of built.problems) addGap({ message: `${source.logicalId}: ${p.message}`, position: p.position, ...(p.fatal ? { part: "resources" as const } : {}) });
      if (!built.definition && !fatal) continue; // the API does not exist under these assumptions
      const props = resolveConditions(source.properties, assumptions) as JsonRecord;
      const stageReading = readStage(props, source.implicit);
      const stagePosition = source.resourcePath ? document.positionOf([...source.resourcePath, "Properties", "StageName"]) : built.locate([]);
      for (const message of stageReading.problems) addGap({ message: `${source.logicalId}: ${message}`, position: stagePosition, part: "stages" });
      let snapshot: RawApiSnapshot;
      let locations: TemplateVariant["locations"];
      let uncertainties: Record<string, string> = {};
      if (built.definition) {
        const reading = readOpenApiDefinition({ definition: built.definition, locate: built.locate });
        for (const gap of reading.gaps) addGap(gap);
        snapshot = snapshotFromOpenApi(reading, { id: source.logicalId, region: context.region, name: apiName(props, reading.restApi.name, source.logicalId), stages: [stageReading.stage] });
        locations = reading.locations;
        uncertainties = reading.uncertainties;
      } else {
        snapshot = {
          region: context.region, restApi: { id: source.logicalId, name: apiName(props, "", source.logicalId) }, stages: [stageReading.stage], deployments: {},
          missing: [{ part: "resources", operation: "SAM definition", reason: built.unreadable ?? "The definition could not be read." }],
        };
        locations = { [elementKey({ kind: "api" })]: built.locate([]) };
      }
      applyRestApiProperties(snapshot, props);
      locations[elementKey({ kind: "api" })] = document.positionOf(source.resourcePath ?? source.events[0]?.path ?? []);
      locations[elementKey({ kind: "stage", name: stageReading.stage.stageName })] = stagePosition;
      const variant: TemplateVariant = { assumptions, snapshot, locations };
      if (Object.keys(uncertainties).length > 0) variant.uncertainties = uncertainties;
      variants.push(variant);
    }
    if (variants.length > 0) apis.push({ name: source.logicalId, format: "sam", files: [...files], variants, gaps });
  }
  return { apis, gaps: templateGaps };
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

export function createSamReader(options: SamReaderOptions = {}): TemplateReader {
  return (entry, context) => {
    const parsed = parseTemplateDocument(entry.path, entry.text);
    if (!parsed.ok) return parsed;
    const { document } = parsed;
    if (!isSamTemplate(document.value)) {
      return { ok: false, error: { message: `${entry.path}: not a SAM template (no "Transform: AWS::Serverless-2016-10-31" and no AWS::Serverless::* resource)`, position: document.positionOf([]) } };
    }
    const { apis, gaps } = readSamApis(document, context);
    if (!declaresSamTransform(document.value)) {
      gaps.push({ message: `${entry.path}: AWS::Serverless::* resources without "Transform: AWS::Serverless-2016-10-31"; CloudFormation would reject them, read as SAM`, position: document.positionOf([]) });
    }
    const template = document.value as JsonRecord;
    const resources = isRecord(template.Resources) ? template.Resources : {};
    const plain = Object.keys(resources).filter((id) => isRecord(resources[id]) && (resources[id] as JsonRecord).Type === "AWS::ApiGateway::RestApi");
    if (plain.length > 0) {
      if (options.readPlainApis) {
        const result = options.readPlainApis(document, context);
        if (!result.ok) return result;
        apis.push(...result.apis);
        gaps.push(...result.gaps);
      } else {
        for (const id of plain) gaps.push({ message: `${id}: AWS::ApiGateway::RestApi resources are read by the CloudFormation reader, not the SAM reader`, position: document.positionOf(["Resources", id]) });
      }
    }
    return { ok: true, apis, gaps };
  };
}

export const readSamTemplate: TemplateReader = createSamReader();
