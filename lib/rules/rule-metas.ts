import { RULES } from "@/lib/rules";
import type { Finding, RuleMeta } from "@/lib/rules/types";

/** The metas of the rules that produced these findings (what a page sends to the browser); a rule since removed from the registry is left out and shown by id. */
export function ruleMetasFor(findings: readonly Pick<Finding, "ruleId">[]): Record<string, RuleMeta> {
  const used = new Set(findings.map((finding) => finding.ruleId));
  return Object.fromEntries(RULES.filter((rule) => used.has(rule.meta.id)).map((rule) => [rule.meta.id, rule.meta]));
}
