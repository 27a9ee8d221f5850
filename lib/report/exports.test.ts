import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { renderCsvMatrix, MATRIX_COLUMNS } from "@/lib/report/csv";
import { renderJsonReport } from "@/lib/report/json";
import { renderMarkdownReport } from "@/lib/report/markdown";
import { reportFixture } from "@/lib/report/testing/report-fixture";
import { finding } from "@/lib/remediation/testing/fixtures";

describe("JSON export", () => {
  it("is the AuditReport, re-readable, with a dated filename", () => {
    const { report } = reportFixture();
    const exported = renderJsonReport(report);
    expect(JSON.parse(exported.content)).toEqual(report);
    expect(exported.filename).toBe("preflight-a1b2c3d4e5-20260102T030405Z.json");
  });
});

describe("Markdown export", () => {
  const { report } = reportFixture();
  const markdown = renderMarkdownReport(report).content;

  it("has summary counts, a findings table and per-finding CLI fixes", () => {
    expect(markdown).toContain("# Preflight audit: storefront (a1b2c3d4e5)");
    expect(markdown).toContain("| critical | 1 |");
    expect(markdown).toContain("| 1 | critical | `options-behind-authorizer` | /orders/{id} OPTIONS | prod |");
    expect(markdown).toContain("### 3. missing-cors-preflight on the storefront API");
    expect(markdown).toMatch(/```bash\n[\s\S]*apigateway put-method \\\n\s+--rest-api-id "\$API_ID" \\\n\s+--resource-id prod0001/);
    expect(markdown).toContain("Rule `deployment-drift` not evaluated: missing deployments.");
  });

  it("escapes table cells", () => {
    const { report: piped } = reportFixture([finding("a", [], { message: "a | b\nc" })]);
    expect(renderMarkdownReport(piped).content).toContain("| a \\| b c |");
  });
});

describe("CSV method matrix", () => {
  const { report } = reportFixture();
  const rows = parse(renderCsvMatrix(report).content, { columns: true }) as Array<Record<(typeof MATRIX_COLUMNS)[number], string>>;

  it("has one row per method with protection, integration and finding severities", () => {
    expect(rows.map((row) => `${row.path} ${row.verb}`)).toEqual([
      "/health GET",
      "/health OPTIONS",
      "/orders/{id} GET",
      "/orders/{id} OPTIONS",
      "/products GET",
    ]);
    expect(rows[3]).toMatchObject({
      resource_id: "ordid001",
      authorization: "CUSTOM",
      authorizer: "orders-token-authorizer (tok001)",
      api_key_required: "true",
      integration: "AWS_PROXY",
      finding_count: "2",
      worst_severity: "critical",
      findings: "critical:options-behind-authorizer; medium:options-integration-not-mock",
    });
    expect(rows[4]).toMatchObject({ authorization: "NONE", finding_count: "0", worst_severity: "", findings: "" });
  });

  it("quotes fields with commas and quotes", () => {
    const { report: odd } = reportFixture();
    odd.model.authorizers[0]!.name = 'auth, "quoted"';
    const content = renderCsvMatrix(odd).content;
    expect(content).toContain('"auth, ""quoted"" (tok001)"');
  });
});
