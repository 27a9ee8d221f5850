/** The registry of template readers, one per format; the loader picks one by detected format. */
import type { TemplateReaders } from "@/lib/templates/read-templates";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
import { readOpenApiFile } from "@/lib/templates/openapi/read-file";
import { readSamTemplate } from "@/lib/templates/sam/read-sam";
import { loadTerraformReaders } from "@/lib/templates/terraform";

let loading: Promise<TemplateReaders> | undefined;

/**
 * Every reader, ready to use. Terraform's HCL grammar is WebAssembly, compiled once per process on first use;
 * after that every reader is synchronous and pure.
 */
export function loadTemplateReaders(): Promise<TemplateReaders> {
  loading ??= loadTerraformReaders().then((terraform) => ({
    sam: readSamTemplate,
    cloudformation: readCloudFormationTemplate,
    // A synthesised CDK template is CloudFormation; the reader names construct paths from its metadata.
    cdk: readCloudFormationTemplate,
    openapi: readOpenApiFile,
    ...terraform,
  }));
  return loading;
}
