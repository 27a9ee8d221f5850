import { AUDIT_REPORT_VERSION, type AuditReport } from "@/lib/audit/types";
import { countBySeverity } from "@/lib/rules/count-by-severity";
import type { Finding, RuleMeta } from "@/lib/rules/types";
import { allIntentFindings, storefrontModel } from "@/lib/remediation/testing/fixtures";

/** An AuditReport over the remediation fixture, plus rule metadata for its rule ids. */
export function reportFixture(findings: Finding[] = allIntentFindings()): { report: AuditReport; rules: RuleMeta[] } {
  const counts = countBySeverity(findings);
  const model = storefrontModel();
  const report: AuditReport = {
    reportVersion: AUDIT_REPORT_VERSION,
    preflightVersion: "0.1.0",
    api: { accountId: model.api.accountId, region: model.api.region, id: model.api.id, name: model.api.name },
    source: { kind: "live", connection: "demo", customEndpoint: true },
    readAt: "2026-01-02T03:04:05.678Z",
    partial: false,
    model,
    findings,
    notEvaluated: [{ ruleId: "deployment-drift", missing: ["deployments"] }],
    warnings: [{ code: "partial-read", message: "GetDeployment for stage staging was denied", part: "deployments" }],
    stats: { calls: { GetResources: 1 }, totalCalls: 1, retries: 0, wallTimeMs: 5 },
    counts,
  };
  const rules: RuleMeta[] = [...new Set(findings.map((finding) => finding.ruleId))].map((id) => ({
    id,
    title: `Title of ${id}`,
    severity: findings.find((finding) => finding.ruleId === id)?.severity ?? "high",
    category: "preflight",
    confidence: "certain",
    browserSends: "OPTIONS /orders/1 with Origin and Access-Control-Request-Method",
    gatewayAnswers: '401 {"message":"Unauthorized"}',
    why: "The preflight carries no credentials.",
    docs: [{ title: "Enabling CORS", url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html" }],
    peers: [{ tool: "Prowler", id: "apigateway_restapi_authorizers_enabled" }],
    messages: { default: "x" },
    fixable: true,
    requires: ["resources"],
  }));
  return { report, rules };
}
