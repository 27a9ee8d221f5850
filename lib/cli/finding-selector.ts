import { HTTP_VERBS, type HttpVerb } from "@/lib/model/types";
import { ruleById } from "@/lib/rules";
import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/types";
import type { CliResult } from "@/lib/cli/audit-target";

/** `--finding RULE_ID[:PATH[:VERB]]`: a rule, optionally narrowed to a resource path and a verb. */
export interface FindingSelector {
  ruleId: string;
  path?: string;
  httpMethod?: HttpVerb;
}

export function parseFindingSelector(text: string): CliResult<FindingSelector> {
  const colon = text.indexOf(":");
  const ruleId = colon < 0 ? text : text.slice(0, colon);
  if (!ruleById(ruleId))
    return { ok: false, message: `--finding ${text}: "${ruleId}" is not a rule id (see /rules or the JSON report's ruleId).` };
  if (colon < 0) return { ok: true, value: { ruleId } };
  const rest = text.slice(colon + 1);
  // Resource paths never contain ":" (API Gateway allows letters, digits, -._~{}+ and "/"), so the last one separates the verb.
  const last = rest.lastIndexOf(":");
  const path = last < 0 ? rest : rest.slice(0, last);
  if (!path.startsWith("/"))
    return { ok: false, message: `--finding ${text}: the path must start with "/" (e.g. ${ruleId}:/orders/{id}:OPTIONS).` };
  if (last < 0) return { ok: true, value: { ruleId, path } };
  const verb = rest.slice(last + 1).toUpperCase();
  if (!(HTTP_VERBS as readonly string[]).includes(verb))
    return { ok: false, message: `--finding ${text}: "${rest.slice(last + 1)}" is not one of ${HTTP_VERBS.join(", ")}.` };
  return { ok: true, value: { ruleId, path, httpMethod: verb as HttpVerb } };
}

/** How a finding is named on the command line, e.g. "options-requires-authorization:/products:OPTIONS". */
export function selectorOf(finding: Finding): string {
  const { path, httpMethod } = finding.target;
  return [finding.ruleId, path, path ? httpMethod : undefined].filter(Boolean).join(":");
}

function matches(finding: Finding, selector: FindingSelector): boolean {
  if (finding.ruleId !== selector.ruleId) return false;
  if (selector.path !== undefined && finding.target.path !== selector.path) return false;
  return selector.httpMethod === undefined || finding.target.httpMethod === selector.httpMethod;
}

export interface FindingSelection {
  selectors: readonly FindingSelector[];
  /** Findings below it are left out unless a selector names them. */
  minSeverity: Severity;
  /** Only findings whose deployment on this stage has the problem. */
  stage?: string;
}

/** The fixable findings to remediate, in report order: named by a selector (any severity), or else at or above minSeverity. */
export function selectFindings(findings: readonly Finding[], selection: FindingSelection): Finding[] {
  const threshold = SEVERITIES.indexOf(selection.minSeverity);
  return findings.filter((finding) => {
    if (finding.fixes.length === 0) return false;
    if (selection.stage !== undefined && !finding.stages.includes(selection.stage) && finding.target.stage !== selection.stage)
      return false;
    if (selection.selectors.length > 0) return selection.selectors.some((selector) => matches(finding, selector));
    return SEVERITIES.indexOf(finding.severity) <= threshold;
  });
}
