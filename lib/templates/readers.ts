/** The registry of template readers, one per format; the loader picks one by detected format. */
import type { TemplateReaders } from "@/lib/templates/read-templates";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
import { readOpenApiFile } from "@/lib/templates/openapi/read-file";
import { readSamTemplate } from "@/lib/templates/sam/read-sam";

export const TEMPLATE_READERS: TemplateReaders = {
  sam: readSamTemplate,
  cloudformation: readCloudFormationTemplate,
  // A synthesised CDK template is CloudFormation; the reader names construct paths from its metadata.
  cdk: readCloudFormationTemplate,
  openapi: readOpenApiFile,
};
