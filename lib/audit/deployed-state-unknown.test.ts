import { describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit/audit-model";
import { api } from "@/lib/rules/testing/model-builder";

/**
 * Issue 13: an endpoint answering GetDeployment embed=apisummary with an empty summary (emulators and some local stacks
 * do; AWS cannot deploy an API without methods) leaves what the stage serves unknown. It must not read as "nothing is
 * deployed": that turned every method into "added after deployment" and hid the stage-cache findings.
 */
function emptySummaryAudit() {
  const snapshot = api()
    .resource("/orders/{id}", (r) => r.method("GET", (m) => m.auth("AWS_IAM")).cors())
    .stage("prod", (s) => s.cacheCluster().settings({ cachingEnabled: true, cacheDataEncrypted: false }))
    .snapshot();
  for (const deployment of Object.values(snapshot.deployments)) deployment.apiSummary = {};
  const result = auditModel({
    snapshot,
    source: { kind: "live", connection: "test", customEndpoint: false },
    readAt: "2026-11-30T00:00:00.000Z",
  });
  if (!result.ok) throw new Error(result.failure.message);
  return result.report;
}

describe("an empty API summary", () => {
  it("labels the stage's deployed state unknown instead of reporting every method as added after deployment", () => {
    const report = emptySummaryAudit();
    const prod = report.model.stages.find((s) => s.name === "prod");
    expect(prod?.drift).toEqual([]);
    expect(prod?.deploymentUnknown).toMatch(/unknown/);
    expect(report.findings.filter((f) => f.ruleId === "deployment-drift")).toEqual([]);
    expect(report.warnings.some((w) => w.message.includes("prod") && /unknown/.test(w.message))).toBe(true);
  });

  it("keeps evaluating the stage's cache settings against the draft's methods", () => {
    const report = emptySummaryAudit();
    const prod = report.model.stages.find((s) => s.name === "prod");
    expect(prod?.effectiveSettings.map((s) => `${s.httpMethod} ${s.path}`)).toEqual(["GET /orders/{id}", "OPTIONS /orders/{id}"]);
    expect(report.findings.some((f) => f.ruleId === "cache-data-not-encrypted" && f.stages.includes("prod"))).toBe(true);
  });
});
