/**
 * A finding on an element whose template reading is uncertain (TemplateVariant.uncertainties, e.g. a method
 * that gets its authorizer from an OpenAPI document's root `security`, which API Gateway's import is not
 * documented to apply) keeps its place but loses one step of confidence and says why in its evidence, as
 * issue 11 asks ("where that is uncertain say so in the finding's confidence").
 */
import type { Confidence, Finding } from "@/lib/rules/types";
import { elementKey } from "@/lib/templates/types";

const LOWER: Record<Confidence, Confidence> = { certain: "likely", likely: "heuristic", heuristic: "heuristic" };

function keysOf(finding: Finding): string[] {
  const t = finding.target;
  const keys: string[] = [];
  if (t.path !== undefined && t.httpMethod !== undefined) keys.push(elementKey({ kind: "method", path: t.path, httpMethod: t.httpMethod }));
  if (t.path !== undefined) keys.push(elementKey({ kind: "resource", path: t.path }));
  if (t.authorizerId !== undefined) keys.push(elementKey({ kind: "authorizer", id: t.authorizerId }));
  return keys;
}

export function applyUncertainties(findings: readonly Finding[], uncertainties: Readonly<Record<string, string>> | undefined): Finding[] {
  if (!uncertainties || Object.keys(uncertainties).length === 0) return [...findings];
  return findings.map((finding) => {
    const key = keysOf(finding).find((k) => Object.hasOwn(uncertainties, k));
    if (key === undefined) return finding;
    return {
      ...finding,
      confidence: LOWER[finding.confidence],
      evidence: { ...finding.evidence, uncertain: uncertainties[key] as string },
    };
  });
}
