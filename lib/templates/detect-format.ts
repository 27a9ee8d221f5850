/**
 * Which reader a file is for, decided from its content (and, for Terraform, its extension), never from
 * its name alone: a `template.yaml` may be OpenAPI and an `api.json` CloudFormation.
 */
import type { TemplateFile, TemplateFormat } from "@/lib/templates/types";
import { parseTemplateDocument } from "@/lib/templates/document";

const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The format of an already-parsed YAML/JSON value, or undefined when it is no template Preflight reads. */
export function formatOfValue(value: unknown): TemplateFormat | undefined {
  if (!isRecord(value)) return undefined;
  // `terraform show -json` output: https://developer.hashicorp.com/terraform/internals/json-format
  if (typeof value.format_version === "string" && (isRecord(value.planned_values) || Array.isArray(value.resource_changes)))
    return "terraform-plan";
  if ((typeof value.openapi === "string" && value.openapi.startsWith("3")) || value.swagger === "2.0" || value.swagger === 2)
    return "openapi";
  if (!isRecord(value.Resources)) return undefined;
  const transforms = Array.isArray(value.Transform) ? value.Transform : [value.Transform];
  const resources = Object.values(value.Resources).filter(isRecord);
  // SAM's own translator tests omit the Transform line; an AWS::Serverless::* resource is as telling.
  if (transforms.includes(SAM_TRANSFORM) || resources.some((r) => typeof r.Type === "string" && r.Type.startsWith("AWS::Serverless::")))
    return "sam";
  const isCloudFormation =
    "AWSTemplateFormatVersion" in value || resources.some((r) => typeof r.Type === "string" && r.Type.startsWith("AWS::"));
  if (!isCloudFormation) return undefined;
  // CDK stamps every resource it synthesises with its construct path (unless path metadata is turned off).
  return resources.some((r) => isRecord(r.Metadata) && typeof r.Metadata["aws:cdk:path"] === "string") ? "cdk" : "cloudformation";
}

/** `unreadable`: the file does not parse; `not-a-template`: it parses but defines no API Preflight reads. */
export type Detection = { ok: true; format: TemplateFormat } | { ok: false; problem: "unreadable" | "not-a-template"; reason: string };

export function detectTemplateFormat(file: TemplateFile): Detection {
  if (/\.tf(\.json)?$/i.test(file.path)) return { ok: true, format: "terraform" };
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
