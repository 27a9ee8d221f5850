/**
 * The template that defines a live API, audited beside it: the stack's own template (GetTemplate, read in lib/aws)
 * or the user's working copy, as a FileTree. Picks the API by the live API's CloudFormation logical id (its tags),
 * else the only API of the files, else the one of the same name; compares the two models (template-drift.ts).
 */
import type { AuditReport } from "@/lib/audit/types";
import { withTemplateComparison } from "@/lib/audit/template-comparison";
import { compareWithTemplate } from "@/lib/model/template-drift";
import { auditTemplates } from "@/lib/templates/audit-templates";
import type { FileTree } from "@/lib/templates/files/file-tree";

export interface TemplateForLive {
  /** The template's own audit of the API (template source: files, positions), for the patch. */
  template: AuditReport;
  /** The live report with the comparison and its `live-differs-from-template` findings. */
  live: AuditReport;
  /** Files of the tree that failed to parse, and similar, for the user. */
  notes: string[];
}

export type TemplateForLiveResult = { ok: true; value: TemplateForLive } | { ok: false; message: string };

function pick(reports: readonly AuditReport[], live: AuditReport): AuditReport | { message: string } {
  const logicalId = live.model.api.stack?.logicalId;
  const named = (report: AuditReport) => (report.source.kind === "template" ? report.source.apiName : report.api.name);
  if (logicalId) {
    const match = reports.find((report) => named(report) === logicalId);
    if (match) return match;
    if (reports.length > 1) return { message: `no REST API with logical id ${logicalId} among ${reports.map(named).join(", ")}` };
  }
  if (reports.length === 1) return reports[0] as AuditReport;
  const sameName = reports.filter((report) => report.api.name === live.api.name);
  if (sameName.length === 1) return sameName[0] as AuditReport;
  return {
    message: `${reports.length} REST APIs (${reports.map(named).join(", ")}) and none is clearly ${live.api.name}; name the one template file`,
  };
}

/** `label` says what the template is, e.g. "stack storefront-api (original template)" or "template.yaml". */
export async function auditTemplateForLive(tree: FileTree, live: AuditReport, label: string): Promise<TemplateForLiveResult> {
  const audited = await auditTemplates(tree, { region: live.api.region });
  if (audited.errors.length > 0) return { ok: false, message: audited.errors.map((error) => error.message).join("; ") };
  if (audited.reports.length === 0) return { ok: false, message: `${label} defines no REST API` };
  const chosen = pick(audited.reports, live);
  if ("message" in chosen) return { ok: false, message: `${label}: ${chosen.message}` };
  const logicalId = chosen.source.kind === "template" ? chosen.source.apiName : chosen.api.name;
  const comparison = compareWithTemplate(live.model, chosen.model, { template: label, logicalId });
  return {
    ok: true,
    value: {
      template: chosen,
      live: withTemplateComparison(live, comparison),
      notes: audited.skipped.map((reason) => `skipped ${reason}`),
    },
  };
}
