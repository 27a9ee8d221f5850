import type { AuditReport } from "@/lib/audit/types";
import { describeSource } from "@/lib/audit/source";
import { positionOf } from "@/lib/audit/element-key";
import { SEVERITIES } from "@/lib/rules/types";
import { terminalText } from "@/lib/remediation/formats/literals/terminal";
import { probeTextLines } from "@/lib/cli/formats/probe-text";

/** Control characters and line breaks out of user-named text (a file name from the command line). */
function oneLineText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ");
}

function target(f: AuditReport["findings"][number]): string {
  const t = f.target;
  const parts = [
    t.httpMethod && t.path ? `${t.httpMethod} ${t.path}` : t.path,
    t.authorizerId && `authorizer ${t.authorizerId}`,
    t.responseType && `gateway response ${t.responseType}`,
    t.stage && `stage ${t.stage}`,
  ];
  return parts.filter(Boolean).join(", ");
}

/** Human-readable report for a terminal. */
export function renderTextReport(report: AuditReport): string {
  const lines: string[] = [];
  const api = { ...report.api, stack: report.model.api.stack };
  lines.push(`Preflight audit of ${api.name} (${api.id}) in ${api.region}${api.accountId ? `, account ${api.accountId}` : ""}`);
  lines.push(`Source: ${describeSource(report.source)}; read at ${report.readAt}`);
  // Names validated by stack-origin.ts (CloudFormation's own character sets), so nothing here can forge a line.
  if (api.stack) lines.push(`Stack: ${api.stack.stackName} (CloudFormation), logical id ${api.stack.logicalId}`);
  const drift = report.model.templateDrift;
  if (drift)
    lines.push(
      `Template: compared with ${oneLineText(drift.template)} (${oneLineText(drift.logicalId)}): ${drift.differences.length + drift.omitted} difference(s)`,
    );
  const calls = Object.entries(report.stats.calls)
    .map(([op, n]) => `${op} ${n}`)
    .join(", ");
  lines.push(`Calls: ${report.stats.totalCalls} (${calls}); retries ${report.stats.retries}; ${report.stats.wallTimeMs} ms`);
  lines.push(
    `Model: ${report.model.resources.length} resources, ${report.model.resources.reduce((n, r) => n + r.methods.length, 0)} methods, ${report.model.authorizers.length} authorizers, stages ${report.model.stages.map((s) => s.name).join(", ") || "none"}`,
  );
  if (report.partial) lines.push("PARTIAL: some parts could not be read; rules that need them were not evaluated.");
  for (const w of report.warnings) lines.push(`warning [${w.code}] ${w.message}`);
  lines.push("");
  const summary = SEVERITIES.map((s) => `${report.counts[s]} ${s}`).join(", ");
  lines.push(`Findings: ${report.findings.length} (${summary})`);
  for (const f of report.findings) {
    // Template findings lead with file:line:col, the form editors and terminals turn into a link.
    const position = positionOf(report.source, f.target);
    const at = position ? `${position.file}:${position.line}:${position.column}: ` : "";
    lines.push(`  ${at}[${f.severity.toUpperCase()}] ${f.ruleId}: ${f.message}`);
    const where = target(f);
    if (where)
      lines.push(
        `      where: ${where}${f.stages.length ? `; stages ${f.stages.join(", ")}` : ""}${f.draftOnly ? " (draft only, not deployed)" : ""}`,
      );
    lines.push(`      symptom: ${f.symptom}`);
  }
  if (report.notEvaluated.length > 0) {
    lines.push("");
    lines.push("Not evaluated (missing data):");
    for (const n of report.notEvaluated) lines.push(`  ${n.ruleId}: needs ${n.missing.join(", ")}`);
  }
  if (report.probe) lines.push(...probeTextLines(report.probe));
  // Names, paths and messages come from the audited account: no escape sequence of theirs reaches the terminal.
  return terminalText(lines.join("\n") + "\n");
}
