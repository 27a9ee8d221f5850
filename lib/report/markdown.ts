import type { AuditReport } from "@/lib/audit/types";
import { describeSource } from "@/lib/audit/source";
import { createRemediationContext } from "@/lib/remediation/context";
import { renderFinding } from "@/lib/remediation/render-all";
import { SEVERITIES } from "@/lib/rules/types";
import { reportStem, type ReportExport } from "@/lib/report/json";
import { targetLabel } from "@/lib/report/locations";
import { markdownText } from "@/lib/remediation/formats/literals/markdown";
import { probeMarkdown } from "@/lib/report/probe-markdown";

/** Text from the account (names, paths, messages that quote them) as inert one-line Markdown, safe in a table cell. */
const cell = markdownText;

/** The CloudFormation stack and logical id of a live API (its tags), and the template it was compared with. */
function stackLines(report: AuditReport): string[] {
  const stack = report.model.api.stack;
  const drift = report.model.templateDrift;
  const lines: string[] = [];
  if (stack) lines.push(`Deployed by CloudFormation stack ${cell(stack.stackName)}, logical id ${cell(stack.logicalId)}.`);
  if (drift)
    lines.push(
      `${lines.length > 0 ? "\n" : ""}Compared with ${cell(drift.template)} (${cell(drift.logicalId)}): ${drift.differences.length + drift.omitted} difference(s).`,
    );
  return lines.length > 0 ? [...lines, ""] : [];
}

/** A fence longer than any backtick run inside, so generated code cannot close it early. */
function fence(content: string, language: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${language}\n${content.trimEnd()}\n${ticks}`;
}

/**
 * Markdown for a ticket or PR comment: summary counts, a findings table, and per finding the AWS CLI
 * commands that fix it (rendered from the finding's intents, like every other format).
 */
export function renderMarkdownReport(report: AuditReport): ReportExport {
  const lines: string[] = [
    `# Preflight audit: ${cell(report.api.name)} (${cell(report.api.id)})`,
    "",
    `Region ${cell(report.api.region)}${report.api.accountId ? `, account ${cell(report.api.accountId)}` : ""}; read ${cell(report.readAt)} from ${cell(describeSource(report.source))}${report.partial ? " — **partial read**" : ""}.`,
    "",
    ...stackLines(report),
    "| Severity | Findings |",
    "| --- | ---: |",
    ...SEVERITIES.map((severity) => `| ${severity} | ${report.counts[severity]} |`),
    "",
  ];
  if (report.warnings.length > 0 || report.notEvaluated.length > 0) {
    lines.push("## Not checked", "");
    for (const warning of report.warnings) lines.push(`- ${cell(warning.message)}`);
    for (const rule of report.notEvaluated)
      lines.push(`- Rule \`${rule.ruleId}\` not evaluated: missing ${cell(rule.missing.join(", "))}.`);
    lines.push("");
  }
  if (report.probe) lines.push(...probeMarkdown(report.probe, cell));
  if (report.findings.length === 0) {
    lines.push("No findings.", "");
    return { filename: `${reportStem(report)}.md`, mimeType: "text/markdown", content: lines.join("\n") };
  }
  lines.push("## Findings", "", "| # | Severity | Rule | Where | Stages | Message |", "| ---: | --- | --- | --- | --- | --- |");
  report.findings.forEach((finding, index) => {
    const stages = finding.stages.length > 0 ? finding.stages.join(", ") : finding.draftOnly ? "draft only" : "—";
    lines.push(
      `| ${index + 1} | ${finding.severity} | \`${finding.ruleId}\` | ${cell(targetLabel(finding.target))} | ${cell(stages)} | ${cell(finding.message)} |`,
    );
  });
  lines.push("");

  const ctx = createRemediationContext(report.model, report.findings);
  lines.push("## Fixes", "");
  report.findings.forEach((finding, index) => {
    lines.push(`### ${index + 1}. ${cell(finding.message)}`, "", `*${cell(finding.symptom)}*`, "");
    if (finding.fixes.length === 0) {
      lines.push("No automatic fix: see the rule's documentation.", "");
      return;
    }
    const cli = renderFinding(finding, ctx).snippets.find((snippet) => snippet.format === "aws-cli");
    if (!cli) throw new Error("The AWS CLI format is always rendered.");
    const commands = cli.content
      .split("\n# ----------------------------------------------------------------------------\n")
      .slice(1)
      .join("\n");
    lines.push(fence(commands.trim(), "bash"), "", `Needs: ${cli.iamActions.map((action) => `\`${action}\``).join(", ")}.`, "");
  });
  return { filename: `${reportStem(report)}.md`, mimeType: "text/markdown", content: lines.join("\n") };
}
