/**
 * The CloudFormation / CDK reader: a template (JSON or YAML), a CDK-synthesised `*.template.json`, or a CDK cloud
 * assembly's `manifest.json` (each stack template it lists, nested assemblies of CDK Stages included).
 * Format `cdk` when resources carry `aws:cdk:path` metadata.
 */
import { parseTemplateDocument, type TemplateDocument } from "@/lib/templates/document";
import type {
  TemplateApi,
  TemplateFile,
  TemplateGap,
  TemplateReadContext,
  TemplateReader,
  TemplateReadResult,
} from "@/lib/templates/types";
import { detectCloudFormation, type CloudFormationDetection } from "@/lib/templates/cloudformation/detect";
import { readApiGatewayResources } from "@/lib/templates/cloudformation/read-api-gateway";

/** Nested cloud assemblies (CDK Stages inside Stages) followed at most this deep. */
const MAX_ASSEMBLY_DEPTH = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** SAM resources that make REST APIs (the SAM reader's job): AWS::Serverless::Api, or a function's Api event. */
function samApis(value: unknown): string[] {
  const resources = isRecord(value) && isRecord(value.Resources) ? value.Resources : {};
  return Object.entries(resources)
    .filter(([, r]) => {
      if (!isRecord(r)) return false;
      if (r.Type === "AWS::Serverless::Api") return true;
      const events =
        r.Type === "AWS::Serverless::Function" && isRecord(r.Properties) && isRecord(r.Properties.Events) ? r.Properties.Events : {};
      return Object.values(events).some((e) => isRecord(e) && e.Type === "Api");
    })
    .map(([id]) => id);
}

function readTemplateDocument(
  document: TemplateDocument,
  detection: CloudFormationDetection,
  region: string,
): { apis: TemplateApi[]; gaps: TemplateGap[] } {
  const { apis, gaps } = readApiGatewayResources(document, { region, format: detection.cdk ? "cdk" : "cloudformation" });
  if (detection.sam) {
    const owned = samApis(document.value);
    if (owned.length > 0) {
      gaps.push({
        message: `A SAM template: ${owned.join(", ")} ${owned.length === 1 ? "makes" : "make"} REST APIs the SAM reader reads; only the plain AWS::ApiGateway::* resources are read here`,
        position: document.positionOf(["Transform"]),
      });
    }
  }
  if (apis.length === 0)
    gaps.push({ message: "No AWS::ApiGateway::RestApi in this template", position: document.positionOf(["Resources"]) });
  return { apis, gaps };
}

/** Region of a stack artifact's environment (aws://account/region), unless the CDK left it unknown. */
function stackRegion(artifact: Record<string, unknown>, fallback: string): string {
  const environment = typeof artifact.environment === "string" ? artifact.environment : "";
  const region = /^aws:\/\/[^/]*\/([a-z0-9-]+)$/.exec(environment)?.[1];
  return region && region !== "unknown-region" ? region : fallback;
}

function readAssembly(manifest: TemplateDocument, context: TemplateReadContext, depth: number): TemplateReadResult {
  const apis: TemplateApi[] = [];
  const gaps: TemplateGap[] = [];
  const artifacts = isRecord(manifest.value) && isRecord(manifest.value.artifacts) ? manifest.value.artifacts : {};
  for (const [name, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact)) continue;
    const properties = isRecord(artifact.properties) ? artifact.properties : {};
    const at = manifest.positionOf(["artifacts", name]);
    // Artifact types: https://github.com/aws/aws-cdk-cli/tree/main/packages/%40aws-cdk/cloud-assembly-schema (ArtifactType).
    let relative: string | undefined;
    if (artifact.type === "aws:cloudformation:stack" && typeof properties.templateFile === "string") relative = properties.templateFile;
    else if (artifact.type === "cdk:cloud-assembly" && typeof properties.directoryName === "string")
      relative = `${properties.directoryName}/manifest.json`;
    else continue;
    if (artifact.type === "cdk:cloud-assembly" && depth >= MAX_ASSEMBLY_DEPTH) {
      gaps.push({ message: `Nested cloud assembly ${name} is deeper than ${MAX_ASSEMBLY_DEPTH} levels; not read`, position: at });
      continue;
    }
    const loaded = context.readRelative(manifest.file, relative);
    if (!loaded.ok) {
      gaps.push({ message: `${name}: ${loaded.error.message}`, position: at });
      continue;
    }
    const result =
      artifact.type === "cdk:cloud-assembly"
        ? readEntry(loaded.file, context, depth + 1)
        : readEntry(loaded.file, { ...context, region: stackRegion(artifact, context.region) }, depth);
    if (!result.ok) {
      gaps.push({ message: result.error.message, position: result.error.position ?? at });
      continue;
    }
    apis.push(...result.apis.map((api) => ({ ...api, files: [manifest.file, ...api.files] })));
    gaps.push(...result.gaps);
  }
  if (apis.length === 0 && gaps.length === 0)
    gaps.push({ message: "The cloud assembly lists no stack template", position: manifest.positionOf(["artifacts"]) });
  return { ok: true, apis, gaps };
}

function readEntry(entry: TemplateFile, context: TemplateReadContext, depth: number): TemplateReadResult {
  const parsed = parseTemplateDocument(entry.path, entry.text);
  if (!parsed.ok) return parsed;
  const { document } = parsed;
  const detection = detectCloudFormation(document.value);
  if (detection.cdkAssembly) return readAssembly(document, context, depth);
  if (!detection.cloudformation) {
    return {
      ok: false,
      error: {
        message: `${entry.path}:1:1: not a CloudFormation template (no AWSTemplateFormatVersion and no Resources with AWS:: types)`,
        position: { file: entry.path, line: 1, column: 1 },
      },
    };
  }
  return { ok: true, ...readTemplateDocument(document, detection, context.region) };
}

export const readCloudFormationTemplate: TemplateReader = (entry, context) => readEntry(entry, context, 0);
