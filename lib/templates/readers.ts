/** The registry of template readers, one per format; the loader picks one by detected format. */
import type { TemplateReaders } from "@/lib/templates/read-templates";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
import { readOpenApiFile } from "@/lib/templates/openapi/read-file";
import { readSamTemplate } from "@/lib/templates/sam/read-sam";

// Terraform (branch tpl-terraform) is not merged here: its parser dependencies are not installed in this checkout.
export const TEMPLATE_READERS: TemplateReaders = {
  sam: readSamTemplate,
  cloudformation: readCloudFormationTemplate,
  cdk: readCloudFormationTemplate,
  openapi: readOpenApiFile,
};
