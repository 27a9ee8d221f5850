/** The registry of template readers, one per format; the loader picks one by detected format. */
import type { TemplateReaders } from "@/lib/templates/read-templates";
import { readOpenApiFile } from "@/lib/templates/openapi/read-file";

export const TEMPLATE_READERS: TemplateReaders = { openapi: readOpenApiFile };
