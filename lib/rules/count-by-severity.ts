import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/types";

/** Findings per severity, every severity present (zero when none): the report's `counts` and the filter's badges. */
export function countBySeverity(findings: readonly Pick<Finding, "severity">[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  // Indexed: run once per audit over 13,000 findings, a for-of there kept an iterator result per finding (V8 did not
  // optimise the loop in time).
  for (let i = 0; i < findings.length; i++) counts[(findings[i] as Pick<Finding, "severity">).severity] += 1;
  return counts;
}
