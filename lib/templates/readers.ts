/** The registry of template readers, one per format; the loader picks one by detected format. */
import type { TemplateReaders } from "@/lib/templates/read-templates";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
import { readOpenApiFile } from "@/lib/templates/openapi/read-file";
import { readSamTemplate } from "@/lib/templates/sam";
import { loadTerraformReader, readTerraformPlan } from "@/lib/templates/terraform";

export const TEMPLATE_READERS: TemplateReaders = {
  cloudformation: readCloudFormationTemplate,
  // A synthesised CDK template is CloudFormation; the reader names construct paths from its metadata.
  cdk: readCloudFormationTemplate,
  openapi: readOpenApiFile,
  sam: readSamTemplate,
  // `terraform show -json` output needs no parser; the .tf reader does (below).
  "terraform-plan": readTerraformPlan,
};

/**
 * Every reader, the `.tf` configuration reader included: its HCL grammar is WASM, loaded once and asynchronously,
 * so callers that may meet `.tf` files await this once and pass the result as `readers`.
 */
export async function loadTemplateReaders(): Promise<TemplateReaders> {
  return { ...TEMPLATE_READERS, terraform: await loadTerraformReader() };
}
