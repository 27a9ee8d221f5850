import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/types";

/** Findings per severity, every severity present (zero when none): the report's `counts` and the filter's badges. */
export function countBySeverity(findings: readonly Pick<Finding, "severity">[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}
