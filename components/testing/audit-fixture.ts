// Findings for unit tests of the views; models come from the shared builder (lib/rules/testing/model-builder),
// so the views are tested on models shaped by the real normaliser (the e2e suite covers the real pipeline).
import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/types";
import type { ApiModel } from "@/lib/model/types";
import { AUDIT_REPORT_VERSION, type AuditReport } from "@/lib/audit/types";
import { buildAuditPageView } from "@/lib/report/build-audit-page-view";
import { buildMatrix, findingRefs, viewTree, type MatrixModel } from "@/components/matrix/matrix-model";

export function finding(ruleId: string, severity: Severity, target: Finding["target"], overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity,
    confidence: "certain",
    messageId: "default",
    message: `${ruleId} on ${target.path ?? target.authorizerId ?? target.responseType ?? "api"}`,
    symptom: "The browser reports a CORS error.",
    target,
    stages: ["prod"],
    draftOnly: false,
    evidence: {},
    fixes: [],
    ...overrides,
  };
}

/** A report around a builder model, as the audit core would return it (counts from the findings). */
export function reportOf(model: ApiModel, findings: Finding[] = []): AuditReport {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const item of findings) counts[item.severity] += 1;
  return {
    reportVersion: AUDIT_REPORT_VERSION,
    preflightVersion: "test",
    api: { region: "us-east-1", id: model.api.id, name: model.api.name },
    source: { kind: "live", connection: "demo", customEndpoint: true },
    readAt: "2026-11-30T00:00:00.000Z",
    partial: false,
    model,
    findings,
    notEvaluated: [],
    warnings: [],
    stats: { calls: {}, totalCalls: 0, retries: 0, wallTimeMs: 0 },
    counts,
  };
}

/** The matrix the page draws for a model and findings: through the server's compact view, as in the browser. */
export function matrixOf(model: ApiModel, findings: Finding[] = [], stage?: string): MatrixModel {
  const view = buildAuditPageView(reportOf(model, findings));
  const tree = viewTree(view);
  return buildMatrix(view, tree, findingRefs(view, tree), stage);
}
