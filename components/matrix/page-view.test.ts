// The server's compact page view (lib/report/build-audit-page-view.ts) drawn as the browser draws it: beside the matrix
// model, since lib/ tests may not import components/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { AuditReport } from "@/lib/audit/types";
import type { Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { api } from "@/lib/rules/testing/model-builder";
import { SEVERITIES, type Finding, type Severity } from "@/lib/rules/types";
import { HTTP_VERBS } from "@/lib/model/types";
import { finding, reportOf } from "@/components/testing/audit-fixture";
import { buildMatrix, findingRefs, viewTree, type MatrixModel } from "./matrix-model";
import { DRAFT_VIEW, type AuditPageView } from "@/lib/report/audit-page-view";
import { auditPageViewOf, buildAuditPageView } from "@/lib/report/build-audit-page-view";
import { joinAuditPageView, splitAuditPageView } from "@/lib/report/audit-page-view-split";

/** The matrix the browser draws from the view, for a stage (or the draft), with every finding. */
function drawn(view: AuditPageView, stage?: string): MatrixModel {
  const tree = viewTree(view);
  return buildMatrix(view, tree, findingRefs(view, tree), stage);
}

/** The cell a finding belongs to, computed from the report alone (not from the view). */
function expectedCell(item: Finding): string | undefined {
  const { path, httpMethod } = item.target;
  if (!path) return undefined;
  if (httpMethod) return `${path}:${httpMethod}`;
  return item.fixes.some((fix) => fix.kind === "add-cors-preflight") ? `${path}:OPTIONS` : undefined;
}

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

describe("the audit page's compact view of the storefront (real read through the emulator)", () => {
  let emulator: Emulator;
  let report: AuditReport;
  let view: AuditPageView;

  beforeAll(async () => {
    const started = await startEmulatorWithDemoConnection();
    emulator = started.emulator;
    const audited = await runAudit({ connection: started.connection, region: "us-east-1", restApiId: STOREFRONT_API_ID });
    if (!audited.ok) throw new Error(JSON.stringify(audited.failure));
    report = audited.report;
    view = buildAuditPageView(report);
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
  });

  it("draws every resource, and each cell's severity is the worst of the report's findings on that method", () => {
    const resources = report.model.resources.map((resource) => resource.path).sort();
    for (const stage of [...report.model.stages.map((s) => s.name), DRAFT_VIEW]) {
      const matrix = drawn(view, stage);
      expect(matrix.rows.map((row) => row.resource.path).sort()).toEqual(resources);
      const worst = new Map<string, Severity>();
      for (const item of report.findings) {
        const key = expectedCell(item);
        if (!key || !resources.includes(item.target.path!)) continue;
        const before = worst.get(key);
        if (!before || rank(item.severity) < rank(before)) worst.set(key, item.severity);
      }
      expect(worst.size).toBeGreaterThan(5);
      const cellsWithFindings = [...matrix.cells.values()].filter((cell) => cell.worst);
      expect(Object.fromEntries(cellsWithFindings.map((cell) => [cell.key, cell.worst]))).toEqual(Object.fromEntries(worst));
      // Every finding is in the index once, with its rule and severity.
      const refs = findingRefs(view, viewTree(view));
      expect(refs.map((ref) => [ref.ruleId, ref.severity])).toEqual(report.findings.map((item) => [item.ruleId, item.severity]));
    }
  });

  it("shows each method's badges as the draft or the selected stage has them: authorizer, API key, integration, cache", () => {
    const draft = drawn(view, DRAFT_VIEW);
    for (const resource of report.model.resources) {
      for (const method of resource.methods) {
        const cell = draft.cells.get(`${resource.path}:${method.httpMethod}`)!;
        expect(cell.method).toMatchObject({
          authorizationType: method.authorizationType,
          apiKeyRequired: method.apiKeyRequired,
          ...(method.integration ? { integration: { type: method.integration.type } } : {}),
        });
        const authorizer = report.model.authorizers.find((item) => item.id === method.authorizerId);
        expect(cell.authorizer?.name).toBe(authorizer?.name);
        expect(cell.cacheTtlSeconds).toBeUndefined();
      }
    }
    const prod = report.model.stages.find((stage) => stage.name === "prod")!;
    const matrix = drawn(view, "prod");
    for (const resource of prod.deployment?.served?.resources ?? []) {
      for (const method of resource.methods) {
        const cell = matrix.cells.get(`${resource.path}:${method.httpMethod}`);
        if (!cell?.method) continue;
        expect(cell.method.authorizationType).toBe(method.authorizationType);
        expect(cell.method.apiKeyRequired).toBe(method.apiKeyRequired);
      }
    }
    // prod caches GET /products/{id} for 300 s on its cache cluster; the stage drift on OPTIONS /orders/{id} is marked.
    expect(matrix.cells.get("/products/{id}:GET")?.cacheTtlSeconds).toBe(300);
    expect(matrix.cells.get("/orders/{id}:OPTIONS")?.draftDiffers.length).toBeGreaterThan(0);
    expect(drawn(view, "dev").cells.get("/orders/{id}:OPTIONS")?.draftDiffers).toEqual([]);
    expect(view.stages.find((stage) => stage.name === "prod")?.canaryPercent).toBe(10);
  });

  it("carries no message, evidence, stage variable, integration URI or account id: those stay on the server", () => {
    const json = JSON.stringify(view);
    for (const item of report.findings) {
      expect(json).not.toContain(item.message);
      expect(json).not.toContain(item.symptom);
    }
    for (const key of ["evidence", "message", "symptom", "fixes", "identitySources", "lambdaFunctionArn"])
      expect(json).not.toContain(`"${key}"`);
    for (const stage of report.model.stages) for (const name of stage.variableNames) expect(json).not.toContain(`"${name}"`);
    // The seed's secret-looking stage variable values (never read, but a leak would be the worst kind).
    expect(json).not.toMatch(/sk_(live|test)_/);
    for (const resource of report.model.resources)
      for (const method of resource.methods) if (method.integration?.uri) expect(json).not.toContain(method.integration.uri);
    if (report.api.accountId) expect(json).not.toContain(report.api.accountId);
  });
});

describe("the view of a large API", () => {
  // 2,000 resources in sections of ten, a GET on each and an OPTIONS on every other one, two findings a resource:
  // the shape of the benchmark's generated API.
  function large(resources: number): AuditReport {
    let builder = api().resource("/", (r) => r.id("root"));
    const findings: Finding[] = [];
    for (let index = 0; index < resources; index += 1) {
      const section = Math.floor(index / 10);
      const path = index % 10 === 0 ? `/s${section}` : `/s${section}/item${index % 10}`;
      builder = builder.resource(path, (r) => {
        r.method("GET", (m) => m.mock());
        if (index % 2 === 0) r.method("OPTIONS", (m) => m.mock());
      });
      findings.push(finding("actual-response-without-cors", "medium", { path, httpMethod: "GET" }));
      findings.push(finding("method-open-to-everyone", "info", { path, httpMethod: "GET" }));
    }
    return reportOf(builder.stage("prod").build(), findings);
  }

  it("interns cell summaries and stays within a fixed budget per resource", () => {
    const report = large(2000);
    const view = buildAuditPageView(report);
    expect(view.rows).toHaveLength(2001);
    expect(view.summaries.length).toBeLessThanOrEqual(4);
    const bytes = JSON.stringify(view).length;
    // Two findings and 1.5 methods a resource: under 70 bytes a resource, against ~4.4 KB for the whole report.
    expect(bytes / 2000).toBeLessThan(70);
    expect(bytes * 20).toBeLessThan(JSON.stringify(report).length);
  });

  it("sends no stage cell that is the draft's: a stage serving the same methods adds nothing", () => {
    const report = large(200);
    const prod = report.model.stages[0]!;
    prod.deployment = {
      id: "dep1",
      apiSummary: {},
      served: { source: "export", resources: structuredClone(report.model.resources), filledFromDraft: [] },
    };
    expect(buildAuditPageView(report).stages[0]!.overrides).toEqual([]);
    // One method served differently is one override triple.
    const served = prod.deployment.served!.resources.find((resource) => resource.path === "/s3")!.methods[0]!;
    served.apiKeyRequired = true;
    const view = buildAuditPageView(report);
    expect(view.stages[0]!.overrides).toHaveLength(3);
    expect(drawn(view, "prod").cells.get("/s3:GET")?.method?.apiKeyRequired).toBe(true);
    expect(drawn(view, DRAFT_VIEW).cells.get("/s3:GET")?.method?.apiKeyRequired).toBe(false);
  });

  it("rebuilds the same paths, depths and cells in the browser", () => {
    const report = large(300);
    const matrix = drawn(buildAuditPageView(report));
    const paths = new Set(report.model.resources.map((resource) => resource.path));
    expect(new Set(matrix.rows.map((row) => row.resource.path))).toEqual(paths);
    const s3 = matrix.rows.find((row) => row.resource.path === "/s3/item4")!;
    expect(s3.depth).toBe(2);
    expect(matrix.rows[s3.ancestorIds.length > 0 ? Number(s3.ancestorIds.at(-1)) : 0]!.resource.path).toBe("/s3");
    expect(matrix.cells.get("/s3/item4:OPTIONS")?.method).toBeDefined();
    expect(matrix.cells.get("/s3/item5:OPTIONS")).toBeUndefined();
    expect(matrix.cells.get("/s3/item5:GET")?.worst).toBe("medium");
    expect(matrix.columns).toEqual(HTTP_VERBS.filter((verb) => verb === "GET" || verb === "OPTIONS"));
  });
  it("builds a report's view once: the same report (or a copy with a probe) gets the same view, other findings a new one", () => {
    const report = large(50);
    const view = auditPageViewOf(report);
    expect(auditPageViewOf(report)).toBe(view);
    expect(auditPageViewOf({ ...report })).toBe(view);
    const fewer = { ...report, findings: report.findings.slice(1) };
    const other = auditPageViewOf(fewer);
    expect(other).not.toBe(view);
    expect(other.findings).toHaveLength(view.findings.length - 1);
  });
});

describe("a streamed view draws the first rows at once and every row once joined", () => {
  it("places the first part's findings on their cells and none as API-wide; the joined view draws as the whole", () => {
    let builder = api().resource("/", (r) => r.id("root"));
    const findings: Finding[] = [finding("error-responses-without-cors", "low", { responseType: "DEFAULT_4XX" })];
    for (let index = 0; index < 300; index += 1) {
      builder = builder.resource(`/r${index}`, (r) => r.method("GET", (m) => m.mock()));
      findings.push(finding("actual-response-without-cors", index % 2 ? "medium" : "high", { path: `/r${index}`, httpMethod: "GET" }));
    }
    const report = reportOf(builder.stage("prod").build(), findings);
    const whole = buildAuditPageView(report);
    const { first, rest } = splitAuditPageView(whole, 50);
    const early = drawn(first);
    expect(early.rows).toHaveLength(50);
    expect(early.apiFindings.map((item) => item.index)).toEqual([0]);
    // Row 10 is /r9: the report's finding 10, at its report index (what /view/findings?i= is asked for).
    expect(early.cells.get("/r9:GET")?.findings.map((item) => item.index)).toEqual([10]);
    expect(early.cells.get("/r9:GET")?.worst).toBe("medium");
    const late = drawn(joinAuditPageView(first, rest!));
    const full = drawn(whole);
    expect(late.rows).toEqual(full.rows);
    expect([...late.cells.entries()]).toEqual([...full.cells.entries()]);
    expect(late.apiFindings).toEqual(full.apiFindings);
  });
});
