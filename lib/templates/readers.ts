/** The registry of template readers, one per format; the loader picks one by detected format. */
import type { TemplateReaders } from "@/lib/templates/read-templates";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
import { readOpenApiFile } from "@/lib/templates/openapi/read-file";
import { readSamTemplate } from "@/lib/templates/sam";
import { loadTerraformReaders } from "@/lib/templates/terraform";

export const TEMPLATE_READERS: TemplateReaders = {
  cloudformation: readCloudFormationTemplate,
  // A synthesised CDK template is CloudFormation; the reader names construct paths from its metadata.
  cdk: readCloudFormationTemplate,
  openapi: readOpenApiFile,
  sam: readSamTemplate,
};

/** Every reader, Terraform's included: its HCL grammar is WASM and loads asynchronously, once. */
let loading: Promise<TemplateReaders> | undefined;
export function loadTemplateReaders(): Promise<TemplateReaders> {
  loading ??= loadTerraformReaders().then((terraform) => ({ ...TEMPLATE_READERS, ...terraform }));
  return loading;
}
