import { describePrediction, summarizeAnswers } from "@/lib/probe/classify";
import type { ProbeReport } from "@/lib/probe/types";

/** The Markdown export's "Live probe" section; `cell` is the report's table-cell escaper, so every value is escaped once, the same way. */
export function probeMarkdown(probe: ProbeReport, cell: (text: string) => string): string[] {
  const outcomes = new Map<string, number>();
  for (const check of probe.checks) outcomes.set(check.outcome, (outcomes.get(check.outcome) ?? 0) + 1);
  const lines = [
    `## Live probe of stage ${cell(probe.stage)}`,
    "",
    `${cell(probe.target)}, ${probe.startedAt}: ${probe.sent} of ${probe.budget.requests} budgeted requests (${probe.budget.checks} checks × ${probe.budget.repeat}), ${probe.wallTimeMs} ms. ` +
      `Origins: ${probe.origins.map(cell).join(", ")}.${probe.actual ? ` Actual GET/HEAD requests sent${probe.identities > 0 ? ` with ${probe.identities} test identities` : " without credentials"}.` : ""}`,
    "",
    `Outcomes: ${[...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(", ")}.`,
    "",
  ];
  if (probe.findings.length > 0) {
    lines.push("| Severity | Probe finding |", "| --- | --- |");
    for (const finding of probe.findings) lines.push(`| ${finding.severity} | ${cell(finding.message)} |`);
    lines.push("");
  }
  lines.push("| Request | Origin | Predicted | Observed | Browser | Outcome |", "| --- | --- | --- | --- | --- | --- |");
  for (const check of probe.checks) {
    const request = check.kind === "preflight" ? `OPTIONS ${check.path} (for ${check.verb})` : `${check.verb} ${check.path}`;
    const blocked = check.answers.find((answer) => answer.browser === "blocked");
    const browser = blocked ? `blocked: ${blocked.blockedBecause ?? ""}` : "passes";
    lines.push(
      `| ${cell(request)} | ${cell(check.origin)} | ${cell(describePrediction(check.prediction))} | ${cell(summarizeAnswers(check.answers))} | ${cell(browser)} | ${check.outcome} |`,
    );
  }
  lines.push("");
  return lines;
}
