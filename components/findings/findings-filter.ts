import type { Finding, Severity } from "@/lib/rules/types";

/** What filtering and grouping read of a finding: the page's index entries (FindingRef) and whole findings alike. */
export type FilterableFinding = Pick<Finding, "ruleId" | "severity"> & { target: Omit<Finding["target"], "resourceId"> };
import { SEVERITIES } from "@/lib/rules/types";

export interface FindingsFilter {
  /** Empty = every severity. */
  severities: Severity[];
  /** Empty = every rule. */
  rules: string[];
  /** Case-insensitive text matched against the finding's path (or authorizer / response type / stage). */
  path: string;
}

export const NO_FILTER: FindingsFilter = { severities: [], rules: [], path: "" };

export function isFiltering(filter: FindingsFilter): boolean {
  return filter.severities.length > 0 || filter.rules.length > 0 || filter.path.trim() !== "";
}

function targetText(finding: FilterableFinding): string {
  const { path, httpMethod, authorizerId, responseType, stage } = finding.target;
  return [path, httpMethod, authorizerId, responseType, stage].filter(Boolean).join(" ").toLowerCase();
}

export function filterFindings<F extends FilterableFinding>(findings: readonly F[], filter: FindingsFilter): F[] {
  const text = filter.path.trim().toLowerCase();
  return findings.filter(
    (finding) =>
      (filter.severities.length === 0 || filter.severities.includes(finding.severity)) &&
      (filter.rules.length === 0 || filter.rules.includes(finding.ruleId)) &&
      (text === "" || targetText(finding).includes(text)),
  );
}

export interface RuleGroup<F extends FilterableFinding = Finding> {
  ruleId: string;
  findings: F[];
}

export interface SeverityGroup<F extends FilterableFinding = Finding> {
  severity: Severity;
  count: number;
  rules: RuleGroup<F>[];
}

/** Worst severity first; within one, rules by descending count then id; findings by path then verb. */
export function groupFindings<F extends FilterableFinding>(findings: readonly F[]): SeverityGroup<F>[] {
  const groups: SeverityGroup<F>[] = [];
  for (const severity of SEVERITIES) {
    const ofSeverity = findings.filter((finding) => finding.severity === severity);
    if (ofSeverity.length === 0) continue;
    const byRule = new Map<string, F[]>();
    for (const finding of ofSeverity) {
      const list = byRule.get(finding.ruleId) ?? [];
      list.push(finding);
      byRule.set(finding.ruleId, list);
    }
    const rules = [...byRule.entries()]
      .map(([ruleId, list]) => ({ ruleId, findings: list.sort(compareTargets) }))
      .sort((a, b) => b.findings.length - a.findings.length || a.ruleId.localeCompare(b.ruleId));
    groups.push({ severity, count: ofSeverity.length, rules });
  }
  return groups;
}

function compareTargets(a: FilterableFinding, b: FilterableFinding): number {
  return targetText(a).localeCompare(targetText(b));
}
