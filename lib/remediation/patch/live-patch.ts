/**
 * `fix <restApiId> --format patch`: the template patch for a live API, against the template that defines it (the
 * stack's original template, or a working copy named with --template). The header says which API, stack and
 * logical id, what the live API and the template disagree on, and which live findings the template does not have
 * (a patch to the template cannot fix those; a deploy of the template, or the CLI snippet, does).
 */
import type { AuditReport } from "@/lib/audit/types";
import type { Finding } from "@/lib/rules/types";
import { buildTemplatePatch, type TemplatePatch } from "@/lib/remediation/patch/build-patch";
import { oneLine } from "@/lib/remediation/plan";

export const DRIFT_RULE_ID = "live-differs-from-template";

export type LivePatchOrigin =
  { kind: "stack"; stackName: string; logicalId: string; path: string } | { kind: "working-copy"; files: string[] };

export interface LivePatchInput {
  /** The live report, with its template comparison (template-for-live.ts). */
  live: AuditReport;
  /** The template's audit of the same API. */
  template: AuditReport;
  /** Findings of the template report to fix. */
  findings: readonly Finding[];
  /** Findings of the live report the user selected (by the same selection), to say which the template lacks. */
  liveSelected: readonly Finding[];
  origin: LivePatchOrigin;
  notes?: readonly string[];
}

const keyOf = (finding: Finding) =>
  `${finding.ruleId}|${finding.target.path ?? ""}|${finding.target.httpMethod ?? ""}|${finding.target.responseType ?? ""}`;

export function buildLivePatch(input: LivePatchInput, readFile: (path: string) => string | undefined): TemplatePatch {
  const { live, origin } = input;
  const inner = buildTemplatePatch(input.findings.length > 0 ? [{ report: input.template, findings: input.findings }] : [], readFile);
  const stack = live.model.api.stack;
  const lines = [
    `# Preflight: live API ${live.api.id} (${oneLine(live.api.name)}) in ${live.api.region}${stack ? `, deployed by CloudFormation stack ${stack.stackName} as logical id ${stack.logicalId}` : ""}.`,
  ];
  if (origin.kind === "stack")
    lines.push(
      `# Patched: the stack's original template (cloudformation:GetTemplate, TemplateStage=Original), written as ${origin.path}.`,
      "# For a `sam deploy`ed stack that is the packaged template (comments dropped, code URIs in S3): to patch your working copy instead, add --template <file|dir>.",
    );
  else lines.push(`# Patched: your working copy ${origin.files.map(oneLine).join(", ")}.`);
  for (const note of input.notes ?? []) lines.push(`# Note: ${oneLine(note)}`);
  const drift = live.findings.filter((finding) => finding.ruleId === DRIFT_RULE_ID);
  const comparison = live.model.templateDrift;
  if (comparison) {
    lines.push(
      drift.length === 0
        ? "# The live API and the template agree on methods, authorization, API keys and preflight integrations."
        : `# The live API and the template differ (${drift.length + comparison.omitted}); the patch changes the template, so these stay until the template is deployed:`,
    );
    for (const finding of drift) lines.push(`#   - ${oneLine(finding.message)}`);
    if (comparison.omitted > 0) lines.push(`#   - and ${comparison.omitted} more`);
  }
  const inTemplate = new Set(input.template.findings.map(keyOf));
  const liveOnly = input.liveSelected.filter((finding) => finding.ruleId !== DRIFT_RULE_ID && !inTemplate.has(keyOf(finding)));
  if (liveOnly.length > 0) {
    lines.push("# Found on the live API but not in the template (a deploy of the template changes them; --format cli fixes them live):");
    for (const finding of liveOnly)
      lines.push(
        `#   - ${finding.ruleId}${finding.target.httpMethod ? ` ${finding.target.httpMethod}` : ""}${finding.target.path ? ` ${oneLine(finding.target.path)}` : ""}${finding.target.stage ? ` (stage ${oneLine(finding.target.stage)})` : ""}`,
      );
  }
  if (input.findings.length === 0) lines.push("# The template has no finding to fix at this selection.");
  return { ...inner, text: `${lines.join("\n")}\n${inner.text}` };
}
