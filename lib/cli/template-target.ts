import "server-only";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { auditTemplates, DEFAULT_TEMPLATE_REGION } from "@/lib/templates/audit-templates";
import type { AuditReport } from "@/lib/audit/types";
import type { CliResult } from "@/lib/cli/audit-target";
import { isRegionShaped } from "@/lib/aws/regions/commercial-regions";

export interface TemplateAuditOutcome {
  reports: AuditReport[];
  /** Lines for stderr: files skipped in a directory scan. */
  notes: string[];
}

/**
 * `--template <file|dir>...`: read the files from disk (directories scanned, reads confined to them) and audit
 * every REST API they define. A named file that cannot be read, or no API at all, is an error.
 */
export async function auditTemplatesFromFlags(
  paths: readonly string[],
  region: string | undefined,
  cwd: string = process.cwd(),
): Promise<CliResult<TemplateAuditOutcome>> {
  if (region !== undefined && !isRegionShaped(region))
    return { ok: false, message: `"${region}" is not an AWS region name (e.g. eu-west-1).` };
  const tree = diskFileTree(paths, cwd);
  if (!tree.ok) return { ok: false, message: tree.message };
  const audited = await auditTemplates(tree.tree, { region: region ?? DEFAULT_TEMPLATE_REGION });
  if (audited.errors.length > 0) return { ok: false, message: audited.errors.map((error) => error.message).join("\n") };
  if (audited.reports.length === 0) {
    const scanned = tree.tree.paths.length;
    return {
      ok: false,
      message: `No REST API found in ${paths.join(", ")} (${scanned} candidate file${scanned === 1 ? "" : "s"} read; looked for SAM, CloudFormation, CDK, OpenAPI and Terraform).`,
    };
  }
  return { ok: true, value: { reports: audited.reports, notes: audited.skipped.map((reason) => `skipped ${reason}`) } };
}
