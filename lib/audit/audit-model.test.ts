import { describe, expect, it } from "vitest";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { auditModel } from "@/lib/audit/audit-model";
import { elementKey, positionOf } from "@/lib/audit/element-key";
import type { TemplateSource } from "@/lib/audit/source";
import { auditReportSchema } from "@/lib/share/report-schema";
import { buildSarif } from "@/lib/report/sarif";
import { renderTextReport } from "@/lib/cli/formats/text-report";
import { RULES } from "@/lib/rules";
import { ModelMemo } from "@/lib/model/model-memo";

/** A template-shaped snapshot: GET /orders behind a TOKEN authorizer, and its OPTIONS behind it too (the SAM default). */
function snapshot(): RawApiSnapshot {
  const guarded = { authorizationType: "CUSTOM", authorizerId: "Jwt", apiKeyRequired: false };
  return {
    region: "eu-west-1",
    restApi: { id: "OrdersApi", name: "OrdersApi" },
    resources: [
      { id: "root", path: "/" },
      {
        id: "orders",
        parentId: "root",
        path: "/orders",
        pathPart: "orders",
        resourceMethods: {
          GET: { httpMethod: "GET", ...guarded, methodIntegration: { type: "AWS_PROXY" } },
          OPTIONS: {
            httpMethod: "OPTIONS",
            ...guarded,
            methodIntegration: {
              type: "MOCK",
              integrationResponses: {
                "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'*'" } },
              },
            },
            methodResponses: {
              "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": false } },
            },
          },
        },
      },
    ],
    authorizers: [{ id: "Jwt", name: "Jwt", type: "TOKEN", identitySource: "method.request.header.Authorization" }],
    stages: [{ stageName: "Prod", deploymentId: "d1", variableNames: [] }],
    gatewayResponses: [],
    deployments: { d1: { id: "d1", apiSummary: { "/orders": { GET: guarded, OPTIONS: guarded } } } },
    missing: [],
  };
}

const source: TemplateSource = {
  kind: "template",
  format: "sam",
  files: ["infra/template.yaml"],
  apiName: "OrdersApi",
  locations: {
    [elementKey({ kind: "api" })]: { file: "infra/template.yaml", line: 3, column: 3 },
    [elementKey({ kind: "method", path: "/orders", httpMethod: "OPTIONS" })]: { file: "infra/template.yaml", line: 42, column: 7 },
  },
};

describe("auditModel (the pure audit core)", () => {
  it("audits a template snapshot with the same rules as a live read and keeps the template source", () => {
    const result = auditModel({ snapshot: snapshot(), source, readAt: "2026-11-30T00:00:00.000Z" });
    if (!result.ok) throw new Error(result.failure.message);
    const { report } = result;
    expect(report.source).toEqual(source);
    expect(report.stats.totalCalls).toBe(0);
    const finding = report.findings.find((f) => f.ruleId === "options-requires-authorization");
    expect(finding?.target).toMatchObject({ path: "/orders", httpMethod: "OPTIONS" });
    // The stored-report schema keeps a template source whole (nothing stripped on share).
    expect(auditReportSchema.parse(JSON.parse(JSON.stringify(report))).source).toEqual(source);
  });

  it("points template findings at file:line:col in SARIF and text, falling back to the API's own line", () => {
    const result = auditModel({ snapshot: snapshot(), source, readAt: "2026-11-30T00:00:00.000Z" });
    if (!result.ok) throw new Error(result.failure.message);
    const { report } = result;
    const options = report.findings.find((f) => f.ruleId === "options-requires-authorization")!;
    expect(positionOf(report.source, options.target)).toEqual({ file: "infra/template.yaml", line: 42, column: 7 });
    expect(positionOf(report.source, { authorizerId: "Jwt" })).toEqual({ file: "infra/template.yaml", line: 3, column: 3 });

    const sarif = buildSarif(
      report,
      RULES.map((r) => r.meta),
    ) as unknown as { runs: { results: { ruleId: string; locations: { physicalLocation?: unknown }[] }[] }[] };
    const result0 = sarif.runs[0]!.results.find((r) => r.ruleId === "options-requires-authorization")!;
    expect(result0.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "infra/template.yaml" },
      region: { startLine: 42, startColumn: 7 },
    });
    expect(renderTextReport(report)).toContain("infra/template.yaml:42:7: [");
  });

  it("reports an unknown stage as a value, listing the stages there are", () => {
    const result = auditModel({ snapshot: snapshot(), source, readAt: "2026-11-30T00:00:00.000Z", stage: "dev" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.stages).toEqual(["Prod"]);
  });

  it("forgets what the rules derived from its models once the report is made, whether it succeeds or not", () => {
    const memo = new ModelMemo<object, string>();
    const key = {};
    memo.set(key, "derived during the audit");
    expect(auditModel({ snapshot: snapshot(), source, readAt: "2026-11-30T00:00:00.000Z" }).ok).toBe(true);
    expect(memo.get(key)).toBeUndefined();
    memo.set(key, "derived during the audit");
    expect(auditModel({ snapshot: snapshot(), source, readAt: "2026-11-30T00:00:00.000Z", stage: "dev" }).ok).toBe(false);
    expect(memo.get(key)).toBeUndefined();
  });
});
