import "server-only";
import { auditWithConnection, type AuditTargetFlags } from "@/lib/cli/audit-target";
import { selectFindings, type FindingSelector } from "@/lib/cli/finding-selector";
import { EXIT, type CliIo } from "@/lib/cli/io";
import { liveTemplateFor } from "@/lib/cli/live-template";
import { printOrWrite } from "@/lib/cli/output-file";
import { createRemediationContext } from "@/lib/remediation/context";
import { buildLivePatch } from "@/lib/remediation/patch/live-patch";
import { oneLine } from "@/lib/remediation/plan";
import { renderFormat } from "@/lib/remediation/render-all";
import type { Severity } from "@/lib/rules/types";

export interface LiveFixOptions {
  flags: AuditTargetFlags;
  templates?: string[];
  selectors: FindingSelector[];
  minSeverity: Severity;
  output?: string;
  cwd?: string;
}

/**
 * `fix <restApiId> --format patch [--template <file|dir>]`: the fix as a patch to the template that defines the live
 * API: the stack's original template (from its CloudFormation tags), or the working copy named with --template.
 * When the stack's template cannot be read (AccessDenied, stack deleted, not deployed by CloudFormation), the
 * CloudFormation snippet is printed as before, with a note saying why.
 */
export async function fixLiveAsPatch(io: CliIo, restApiId: string, options: LiveFixOptions): Promise<number> {
  const audited = await auditWithConnection(restApiId, options.flags, io.env);
  if (!audited.ok) {
    io.err(`${audited.message}\n`);
    return EXIT.error;
  }
  const { report } = audited.value;
  const selection = { selectors: options.selectors, minSeverity: options.minSeverity };
  const liveSelected = selectFindings(report.findings, selection);
  const stack = report.model.api.stack;
  if (stack) io.err(`${report.api.id} was deployed by CloudFormation stack ${stack.stackName} as ${stack.logicalId}.\n`);

  const template = await liveTemplateFor(audited.value, options.templates, options.cwd);
  if (!template.ok) {
    if (!template.degradable) {
      io.err(`${template.message}\n`);
      return EXIT.error;
    }
    const note = `No patch: ${oneLine(template.message)}. Printing the CloudFormation snippet to merge by hand instead.`;
    io.err(`note: ${note}\n`);
    if (liveSelected.length === 0) {
      io.err(`Nothing to fix: ${report.api.id} has no fixable finding at this selection.\n`);
      return EXIT.ok;
    }
    const snippet = renderFormat("cloudformation", liveSelected, createRemediationContext(report.model, [...liveSelected]));
    if (!snippet) return EXIT.error;
    if (!(await printOrWrite(io, options.output, `# ${note}\n${snippet.content}`, "the CloudFormation snippet"))) return EXIT.error;
    return EXIT.ok;
  }
  const { value } = template;
  for (const note of value.notes) io.err(`note: ${note}\n`);
  const findings = selectFindings(value.template.findings, selection);
  const patch = buildLivePatch(
    { live: value.live, template: value.template, findings, liveSelected, origin: value.origin, notes: value.notes },
    value.readFile,
  );
  const drift = value.live.model.templateDrift;
  io.err(
    `Patching ${value.origin.kind === "stack" ? `stack ${value.origin.stackName}'s template` : "your working copy"} for ${findings.length} finding${findings.length === 1 ? "" : "s"} (${patch.fixed.length} fixed in the template); ${drift ? drift.differences.length + drift.omitted : 0} difference(s) between the live API and the template.\n`,
  );
  if (!(await printOrWrite(io, options.output, patch.text, "patch"))) return EXIT.error;
  return EXIT.ok;
}
