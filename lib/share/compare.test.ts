import { describe, expect, it } from "vitest";
import { compareReports, findingKey, type AuditComparison } from "@/lib/share/compare";
import { defaultSampleFindings, sampleFinding, sampleMethod, sampleReport } from "@/lib/share/testing/sample-report";

function compared(...args: Parameters<typeof compareReports>): AuditComparison {
  const result = compareReports(...args);
  if (!result.ok) throw new Error(result.error);
  return result.comparison;
}

describe("compareReports", () => {
  it("reports nothing changed for the same report", () => {
    const report = sampleReport();
    const comparison = compared(report, report);
    expect(comparison.findings.fixed).toEqual([]);
    expect(comparison.findings.new).toEqual([]);
    expect(comparison.findings.unchanged).toHaveLength(report.findings.length);
    expect(comparison.methods).toEqual([]);
  });

  it("splits findings into fixed, new and unchanged by rule and target", () => {
    const [critical, high, medium] = defaultSampleFindings();
    if (!critical || !high || !medium) throw new Error("fixture changed");
    const newOne = sampleFinding("authorizer-cache-covers-stage", "high", { authorizerId: "auth02" });
    // Same rule and target but another message: still the same finding.
    const reworded = { ...high, message: "reworded", severity: "medium" as const };
    const comparison = compared(
      sampleReport({ findings: [critical, high, medium] }),
      sampleReport({ findings: [reworded, newOne, medium], readAt: "2026-02-01T00:00:00.000Z" }),
    );
    expect(comparison.findings.fixed).toEqual([critical]);
    expect(comparison.findings.new).toEqual([newOne]);
    expect(comparison.findings.unchanged).toEqual([
      { base: high, head: reworded },
      { base: medium, head: medium },
    ]);
    expect(comparison.base.counts).toEqual({ critical: 1, high: 1, medium: 1, low: 0, info: 0 });
    expect(comparison.head.counts).toEqual({ critical: 0, high: 1, medium: 2, low: 0, info: 0 });
    expect(comparison.head.readAt).toBe("2026-02-01T00:00:00.000Z");
  });

  it("pairs duplicate findings one to one", () => {
    const finding = sampleFinding("r", "low", { path: "/a", httpMethod: "GET" });
    const comparison = compared(sampleReport({ findings: [finding, finding] }), sampleReport({ findings: [finding] }));
    expect(comparison.findings.unchanged).toHaveLength(1);
    expect(comparison.findings.fixed).toEqual([finding]);
    expect(comparison.findings.new).toEqual([]);
  });

  it("distinguishes targets that differ in any part", () => {
    const a = sampleFinding("r", "low", { path: "/a", httpMethod: "GET", stage: "prod" });
    const b = sampleFinding("r", "low", { path: "/a", httpMethod: "GET", stage: "dev" });
    expect(findingKey(a)).not.toBe(findingKey(b));
    expect(findingKey(a)).toBe(findingKey({ ...a, target: { stage: "prod", httpMethod: "GET", path: "/a" } }));
  });

  it("reports per-method configuration changes, additions and removals", () => {
    const base = sampleReport({
      methods: [
        sampleMethod("/orders", "GET", { authorizationType: "CUSTOM", authorizerId: "auth01" }),
        sampleMethod("/orders", "OPTIONS", { authorizationType: "CUSTOM", authorizerId: "auth01", apiKeyRequired: true }),
        sampleMethod("/legacy", "POST"),
      ],
    });
    const head = sampleReport({
      methods: [
        sampleMethod("/orders", "GET", { authorizationType: "CUSTOM", authorizerId: "auth01" }),
        sampleMethod("/orders", "OPTIONS", {
          authorizationType: "NONE",
          apiKeyRequired: false,
          integration: { type: "MOCK", cacheKeyParameters: [], requestTemplates: {}, requestParameters: {}, integrationResponses: [] },
        }),
        sampleMethod("/orders/{id}", "PATCH", { authorizationType: "AWS_IAM" }),
      ],
    });
    const options = base.model.resources.find((r) => r.path === "/orders")?.methods.find((m) => m.httpMethod === "OPTIONS");
    if (options?.integration) options.integration.type = "AWS_PROXY";

    expect(compared(base, head).methods).toEqual([
      {
        kind: "removed",
        path: "/legacy",
        httpMethod: "POST",
        before: { authorizationType: "NONE", authorizer: null, apiKeyRequired: false, integrationType: "AWS_PROXY" },
      },
      {
        kind: "changed",
        path: "/orders",
        httpMethod: "OPTIONS",
        changes: [
          { field: "authorizationType", before: "CUSTOM", after: "NONE" },
          { field: "authorizer", before: { id: "auth01", name: "jwt-authorizer" }, after: null },
          { field: "apiKeyRequired", before: true, after: false },
          { field: "integrationType", before: "AWS_PROXY", after: "MOCK" },
        ],
      },
      {
        kind: "added",
        path: "/orders/{id}",
        httpMethod: "PATCH",
        after: { authorizationType: "AWS_IAM", authorizer: null, apiKeyRequired: false, integrationType: "AWS_PROXY" },
      },
    ]);
  });

  it("reports an authorizer swap with unknown ids by id only", () => {
    const base = sampleReport({ methods: [sampleMethod("/a", "GET", { authorizationType: "CUSTOM", authorizerId: "auth01" })] });
    const head = sampleReport({ methods: [sampleMethod("/a", "GET", { authorizationType: "CUSTOM", authorizerId: "gone99" })] });
    expect(compared(base, head).methods).toEqual([
      {
        kind: "changed",
        path: "/a",
        httpMethod: "GET",
        changes: [{ field: "authorizer", before: { id: "auth01", name: "jwt-authorizer" }, after: { id: "gone99" } }],
      },
    ]);
  });

  it("refuses to compare different APIs", () => {
    const result = compareReports(sampleReport(), sampleReport({ api: { id: "zzzzzzzzzz" } }));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/different APIs: a1b2c3d4e5 in eu-west-1 .* zzzzzzzzzz/) });
    expect(compareReports(sampleReport(), sampleReport({ api: { region: "us-east-1" } })).ok).toBe(false);
    expect(compareReports(sampleReport(), sampleReport({ api: { accountId: "999999999999" } })).ok).toBe(false);
  });

  it("accepts the same API when one audit does not know the account", () => {
    const result = compareReports(sampleReport({ api: { accountId: undefined } }), sampleReport());
    expect(result.ok && result.comparison.api.accountId).toBe("123456789012");
  });
});
