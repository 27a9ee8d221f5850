/**
 * Audits one REST API read from templates: every condition variant through the pure audit core, then one
 * report. A finding present in only some variants says under which condition values it appears ("only
 * when IsProd is true"), as issue 11 asks: a guess for one branch is never presented as fact for both.
 */
import { auditModel } from "@/lib/audit/audit-model";
import { countBySeverity } from "@/lib/rules/count-by-severity";
import { sortFindings } from "@/lib/audit/run-rules";
import type { AuditReport, AuditWarning } from "@/lib/audit/types";
import type { TemplateSource } from "@/lib/audit/source";
import type { Finding } from "@/lib/rules/types";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import type { TemplateApi, TemplateGap, TemplateVariant } from "@/lib/templates/types";
import { applyUncertainties } from "@/lib/templates/uncertain-findings";

function findingKey(finding: Finding): string {
  const t = finding.target;
  return JSON.stringify([
    finding.ruleId,
    finding.messageId,
    t.path ?? null,
    t.httpMethod ?? null,
    t.authorizerId ?? null,
    t.stage ?? null,
    t.responseType ?? null,
  ]);
}

function describeAssumptions(assumptions: Record<string, boolean>): string {
  const entries = Object.entries(assumptions);
  return entries.length === 0 ? "always" : entries.map(([name, value]) => `${name} is ${value}`).join(" and ");
}

function where(gap: TemplateGap): string {
  return gap.position ? `${gap.position.file}:${gap.position.line}:${gap.position.column}: ` : "";
}

/** Gaps that leave a model part unknown become `missing` entries, so rules needing that part say "not evaluated". */
function withGaps(snapshot: RawApiSnapshot, gaps: readonly TemplateGap[]): RawApiSnapshot {
  const missing = [...snapshot.missing];
  for (const gap of gaps) {
    if (gap.part && !missing.some((m) => m.part === gap.part))
      missing.push({ part: gap.part, operation: "template", reason: `${where(gap)}${gap.message}` });
  }
  return { ...snapshot, missing };
}

function sourceOf(api: TemplateApi, variant: TemplateVariant): TemplateSource {
  return {
    kind: "template",
    format: api.format,
    files: api.files,
    apiName: api.name,
    ...(api.constructPath ? { constructPath: api.constructPath } : {}),
    locations: variant.locations,
  };
}

export function auditTemplateApi(api: TemplateApi, readAt: string, extraGaps: readonly TemplateGap[] = []): AuditReport {
  const gaps = [...api.gaps, ...extraGaps];
  const warnings: AuditWarning[] = gaps.map((gap) => ({
    code: "template-gap",
    message: `${where(gap)}${gap.message}`,
    ...(gap.part ? { part: gap.part } : {}),
  }));
  const variants = api.variants.length > 0 ? api.variants : [];
  if (variants.length === 0) throw new Error(`Template reader returned no variant for ${api.name}`);

  const reports = variants.map((variant) => {
    const result = auditModel({ snapshot: withGaps(variant.snapshot, gaps), source: sourceOf(api, variant), readAt, warnings });
    // No stage filter is passed, so the only failure (unknown stage) cannot happen.
    if (!result.ok) throw new Error(result.failure.message);
    return { ...result.report, findings: applyUncertainties(result.report.findings, variant.uncertainties) };
  });
  const [first] = reports as [AuditReport, ...AuditReport[]];
  if (reports.length === 1) return first;

  // Several variants: the union of findings, each labelled with the variants it appears in.
  const present = new Map<string, { finding: Finding; variants: number[] }>();
  reports.forEach((report, index) => {
    for (const finding of report.findings) {
      const key = findingKey(finding);
      const entry = present.get(key);
      if (entry) entry.variants.push(index);
      else present.set(key, { finding, variants: [index] });
    }
  });
  const findings: Finding[] = sortFindings(
    [...present.values()].map(({ finding, variants: inVariants }) => {
      if (inVariants.length === reports.length) return finding;
      const when = inVariants.map((index) => describeAssumptions(variants[index]!.assumptions));
      return {
        ...finding,
        message: `${finding.message} (only when ${when.join(", or when ")})`,
        evidence: { ...finding.evidence, onlyWhen: when },
      };
    }),
  );
  const conditions = [...new Set(variants.flatMap((v) => Object.keys(v.assumptions)))];
  const note: AuditWarning = {
    code: "template-conditions",
    message: `Conditions ${conditions.join(", ")} were evaluated both ways (${variants.length} variants); the matrix shows the variant where ${describeAssumptions(variants[0]!.assumptions)}, findings cover every variant.`,
  };
  return { ...first, findings, counts: countBySeverity(findings), warnings: [...first.warnings, note] };
}
