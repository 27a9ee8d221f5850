/** The registry of template readers, one per format; the loader picks one by detected format. */
import type { TemplateReaders } from "@/lib/templates/read-templates";

export const TEMPLATE_READERS: TemplateReaders = {};
