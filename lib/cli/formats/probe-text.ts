import { describePrediction, summarizeAnswers } from "@/lib/probe/classify";
import type { ProbeReport } from "@/lib/probe/types";

/** The text report's probe section: findings first, then one line per request with prediction and observation. */
export function probeTextLines(probe: ProbeReport): string[] {
  const lines = [
    "",
    `Live probe of stage ${probe.stage} at ${probe.target}: ${probe.sent}/${probe.budget.requests} requests, ${probe.wallTimeMs} ms, origins ${probe.origins.join(", ")}`,
  ];
  for (const finding of probe.findings) lines.push(`  [${finding.severity.toUpperCase()}] probe ${finding.kind}: ${finding.message}`);
  for (const check of probe.checks) {
    const request =
      check.kind === "preflight" ? `OPTIONS ${check.path} (for ${check.verb}) from ${check.origin}` : `${check.verb} ${check.path}`;
    const blocked = check.answers.find((answer) => answer.browser === "blocked")?.blockedBecause;
    lines.push(
      `  ${check.outcome.padEnd(12)} ${request}: observed ${summarizeAnswers(check.answers)}${blocked ? ` (browser blocks: ${blocked})` : ""}; predicted ${describePrediction(check.prediction)}`,
    );
  }
  return lines;
}
