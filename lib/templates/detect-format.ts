/**
 * Which reader a file is for, decided from its content (and, for Terraform, its extension), never from
 * its name alone: a `template.yaml` may be OpenAPI and an `api.json` CloudFormation.
 */
import type { TemplateFile, TemplateFormat } from "@/lib/templates/types";
import { parseTemplateDocument } from "@/lib/templates/document";
import { detectCloudFormation } from "@/lib/templates/cloudformation/detect";
import { openApiVersion } from "@/lib/templates/openapi/detect";
import { isSamTemplate } from "@/lib/templates/sam/sources";
import { isTerraformConfigurationFile, isTerraformPlanJson } from "@/lib/templates/terraform/detect";

/**
 * The format of an already-parsed YAML/JSON value, or undefined when it is no template Preflight reads. Each
 * reader's own test decides, so the loader never routes a file its reader would refuse. A CDK cloud assembly
 * manifest is left out: a scan reads the stack templates it lists one by one.
 */
export function formatOfValue(value: unknown): TemplateFormat | undefined {
  if (isTerraformPlanJson(value)) return "terraform-plan";
  if (openApiVersion(value)) return "openapi";
  if (isSamTemplate(value)) return "sam";
  const cloudFormation = detectCloudFormation(value);
  if (!cloudFormation.cloudformation) return undefined;
  return cloudFormation.cdk ? "cdk" : "cloudformation";
}

/** `unreadable`: the file does not parse; `not-a-template`: it parses but defines no API Preflight reads. */
export type Detection = { ok: true; format: TemplateFormat } | { ok: false; problem: "unreadable" | "not-a-template"; reason: string };

export function detectTemplateFormat(file: TemplateFile): Detection {
  if (isTerraformConfigurationFile(file.path)) return { ok: true, format: "terraform" };
  const parsed = parseTemplateDocument(file.path, file.text);
  if (!parsed.ok) return { ok: false, problem: "unreadable", reason: parsed.error.message };
  const format = formatOfValue(parsed.document.value);
  if (!format) {
    return {
      ok: false,
      problem: "not-a-template",
      reason: `${file.path}: not a SAM, CloudFormation, CDK, OpenAPI or Terraform plan document (no Resources with AWS:: types, no openapi/swagger version, no Terraform plan format_version)`,
    };
  }
  return { ok: true, format };
}
