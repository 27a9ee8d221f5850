/**
 * Every `AWS::ApiGateway::RestApi` of a parsed template → one TemplateApi each (named by logical id), evaluated in
 * every condition variant its own resources meet. This is what the CloudFormation/CDK reader runs, and what the SAM
 * reader calls to include the plain AWS::ApiGateway::* resources of a SAM template.
 */
import type { TemplateDocument } from "@/lib/templates/document";
import type { TemplateApi, TemplateFormat, TemplateGap, TemplateVariant } from "@/lib/templates/types";
import { IntrinsicResolver, templateSections, type CfnTemplateSections } from "@/lib/templates/cloudformation/intrinsics";
import { exploreVariants, MAX_VARIANTS } from "@/lib/templates/cloudformation/variants";
import { API_GATEWAY_MEMBER_TYPES, ApiBuilder, type ApiBuild } from "@/lib/templates/cloudformation/build-api";
import { cdkPathOf } from "@/lib/templates/cloudformation/detect";
import { findDependencyCycles } from "@/lib/templates/cloudformation/dependencies";

export interface ApiGatewayReadOptions {
  region: string;
  format: TemplateFormat;
  /** Files that contributed (default: the document's own file). */
  files?: string[];
  /** Resources that exist at deploy time without being in `Resources` (SAM's generated ones): logical id → type. */
  extraResources?: Readonly<Record<string, string>>;
  /** Variant limit (default MAX_VARIANTS). */
  maxVariants?: number;
}

export interface ApiGatewayReading {
  apis: TemplateApi[];
  /** Template-level gaps: resources of APIs this template does not define, circular dependencies. */
  gaps: TemplateGap[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeOf(resource: unknown): string | undefined {
  const type = isRecord(resource) ? resource.Type : undefined;
  return typeof type === "string" ? type : undefined;
}

function dedupe(gaps: TemplateGap[]): TemplateGap[] {
  const seen = new Set<string>();
  return gaps.filter((gap) => {
    const key = `${gap.message}\u0000${gap.position?.line ?? ""}:${gap.position?.column ?? ""}\u0000${gap.part ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The logical ids of the template's RestApis, in template order. */
export function restApiIds(sections: CfnTemplateSections): string[] {
  return Object.entries(sections.Resources)
    .filter(([, resource]) => typeOf(resource) === "AWS::ApiGateway::RestApi")
    .map(([id]) => id);
}

/** A construct path names the construct; CDK's L1 child is "…/Resource", which adds nothing for the reader. */
export function constructPathOf(cdkPath: string | undefined): string | undefined {
  return cdkPath?.replace(/\/Resource$/, "");
}

export function readApiGatewayResources(document: TemplateDocument, options: ApiGatewayReadOptions): ApiGatewayReading {
  const sections = templateSections(document.value);
  const files = options.files ?? [document.file];
  const resolverOptions = (assumptions: Readonly<Record<string, boolean>>) => ({
    region: options.region,
    assumptions,
    document,
    ...(options.extraResources ? { extraResources: options.extraResources } : {}),
  });
  const apis: TemplateApi[] = [];
  const loops = forEachGaps(document, sections);
  for (const apiId of restApiIds(sections)) {
    const explored = exploreVariants((assumptions) => {
      const resolver = new IntrinsicResolver(sections, resolverOptions(assumptions));
      const build = new ApiBuilder(document, resolver, apiId, options.region).build();
      return { result: { build, gaps: [...resolver.gaps, ...build.bodyGaps] }, unassigned: resolver.unassigned };
    }, options.maxVariants ?? MAX_VARIANTS);
    const gaps: TemplateGap[] = [];
    const variants: TemplateVariant[] = [];
    let constructPaths: Record<string, string> = {};
    for (const { assumptions, result } of explored.variants) {
      gaps.push(...result.gaps, ...loops);
      if (!result.build.exists) continue;
      variants.push(toVariant(assumptions, result.build));
      constructPaths = { ...constructPaths, ...result.build.constructPaths };
    }
    const position = document.positionOf(["Resources", apiId]);
    if (explored.unexplored.length > 0) {
      gaps.push({
        message: `More than ${options.maxVariants ?? MAX_VARIANTS} condition variants: ${explored.unexplored.join(", ")} were not explored both ways (assumed true where the limit was reached)`,
        position,
      });
    }
    if (variants.length < explored.variants.length) {
      const absent = explored.variants.filter((v) => !v.result.build.exists).map((v) => describeAssumptions(v.assumptions));
      gaps.push({ message: `RestApi ${apiId} does not exist when ${absent.join(" or ")}; those variants are not audited`, position });
    }
    const api: TemplateApi = { name: apiId, format: options.format, files, variants, gaps: dedupe(gaps) };
    const constructPath = constructPathOf(cdkPathOf(sections.Resources[apiId]));
    if (constructPath !== undefined) api.constructPath = constructPath;
    if (Object.keys(constructPaths).length > 0) api.constructPaths = constructPaths;
    apis.push(api);
  }
  return { apis, gaps: templateGaps(document, sections, options) };
}

/**
 * AWS::LanguageExtensions' loops in Resources (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-foreach.html)
 * are not expanded: any API Gateway resources they generate are unknown, so every API's resources are.
 */
function forEachGaps(document: TemplateDocument, sections: CfnTemplateSections): TemplateGap[] {
  return Object.keys(sections.Resources)
    .filter((key) => key.startsWith("Fn::ForEach::"))
    .map((key) => ({
      message: `${key.slice(0, 200)}: Fn::ForEach is not expanded; the resources it generates are not read`,
      position: document.positionOf(["Resources", key]),
      part: "resources" as const,
    }));
}

function describeAssumptions(assumptions: Record<string, boolean>): string {
  return (
    Object.entries(assumptions)
      .map(([name, value]) => `${name} is ${value}`)
      .join(" and ") || "no condition holds"
  );
}

/**
 * Gaps stay on the TemplateApi with the model part they leave unknown; the audit (lib/templates/audit-template-api.ts)
 * turns those into the snapshot's `missing` entries for every variant, so they are not added here as well.
 */
function toVariant(assumptions: Record<string, boolean>, build: ApiBuild): TemplateVariant {
  const variant: TemplateVariant = { assumptions, snapshot: build.snapshot, locations: build.locations };
  if (Object.keys(build.uncertainties).length > 0) variant.uncertainties = build.uncertainties;
  return variant;
}

/** Members whose RestApiId is not a RestApi of this template, and dependency cycles. */
function templateGaps(document: TemplateDocument, sections: CfnTemplateSections, options: ApiGatewayReadOptions): TemplateGap[] {
  const gaps: TemplateGap[] = [];
  const apiIds = new Set(restApiIds(sections));
  // Conditions do not matter here: whichever branch, a RestApiId that names no RestApi of this template is outside it.
  const resolver = new IntrinsicResolver(sections, {
    region: options.region,
    document,
    ...(options.extraResources ? { extraResources: options.extraResources } : {}),
  });
  for (const [id, resource] of Object.entries(sections.Resources)) {
    const type = typeOf(resource);
    if (!type || !(API_GATEWAY_MEMBER_TYPES as readonly string[]).includes(type)) continue;
    const api = new ApiBuilder(document, resolver, id, options.region).restApiOf(id);
    if (api !== undefined && apiIds.has(api)) continue;
    if (api !== undefined && options.extraResources && Object.prototype.hasOwnProperty.call(options.extraResources, api)) continue;
    gaps.push({
      message: `${type.replace("AWS::ApiGateway::", "")} ${id} belongs to ${api === undefined ? "no REST API that can be resolved" : `REST API "${api.slice(0, 200)}"`}, which this template does not define; not audited`,
      position: document.positionOf(["Resources", id]),
    });
  }
  for (const cycle of findDependencyCycles(sections.Resources)) {
    gaps.push({
      message: `Circular dependency: ${cycle.join(" → ")} (CloudFormation refuses to deploy this template)`,
      position: document.positionOf(["Resources", cycle[0] as string]),
    });
  }
  return dedupe([...gaps, ...resolver.gaps]);
}
