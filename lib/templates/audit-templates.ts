/**
 * The template loader's end: files → REST APIs → one AuditReport each, through the same audit core as a
 * live read. Pure over the FileTree, so the CLI (disk) and the web UI (uploads) share it.
 */
import type { AuditReport } from "@/lib/audit/types";
import type { FileTree } from "@/lib/templates/files/file-tree";
import { readTemplates, type TemplateReaders } from "@/lib/templates/read-templates";
import { loadTemplateReaders } from "@/lib/templates/readers";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";
import type { TemplateError } from "@/lib/templates/types";

/** API Gateway needs a region only for ARNs and invoke URLs; templates leave it to deploy time. */
export const DEFAULT_TEMPLATE_REGION = "us-east-1";

export interface TemplateAudit {
  reports: AuditReport[];
  errors: TemplateError[];
  /** Files a directory scan could not parse, skipped with their reason. */
  skipped: string[];
}

export async function auditTemplates(
  tree: FileTree,
  options: { region?: string; readers?: TemplateReaders; now?: Date } = {},
): Promise<TemplateAudit> {
  const readAt = (options.now ?? new Date()).toISOString();
  const read = readTemplates(tree, options.readers ?? (await loadTemplateReaders()), { region: options.region ?? DEFAULT_TEMPLATE_REGION });
  const reports = read.apis.map((api) => auditTemplateApi(api, readAt, read.gaps));
  return { reports, errors: read.errors, skipped: read.skipped };
}
