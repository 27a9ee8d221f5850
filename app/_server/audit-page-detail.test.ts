import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { getAuditStore } from "@/lib/share/open-audit-store";
import type { AuditReport } from "@/lib/audit/types";
import type { CellDetail, FindingDetail } from "@/lib/report/audit-page-detail";
import type { WholeApiFixView } from "@/lib/report/fix-views";
import { GET as liveView } from "@/app/api/audit/[connection]/[region]/[apiId]/view/[part]/route";
import { GET as storedView } from "@/app/api/audits/[id]/view/[part]/route";
import { GET as templateView } from "@/app/api/templates/[id]/[n]/view/[part]/route";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { ORDERS_OPENAPI, ORDERS_OPENAPI_PATH } from "@/lib/templates/testing/orders-openapi";
import { templateAuditCache } from "./template-audits";
import { loadReport } from "./audit";
import { parseDetailRequest } from "./audit-page-detail";

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const at = (query: string) => new Request(`http://127.0.0.1/view?${query}`);

describe("the audit page's on-demand parts (/view/<part>)", () => {
  let emulator: Emulator;
  let storedId: string;
  let report: AuditReport;
  const stored = (part: string, query: string, id = storedId) => storedView(at(query), params({ id, part }));
  const live = (part: string, query: string, apiId = STOREFRONT_API_ID) =>
    liveView(at(query), params({ connection: "demo", region: "us-east-1", apiId, part }));

  beforeAll(async () => {
    vi.stubEnv("PREFLIGHT_DATA_DIR", mkdtempSync(join(tmpdir(), "preflight-view-routes-")));
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
    const loaded = await loadReport("demo", "us-east-1", STOREFRONT_API_ID);
    if (!loaded.ok) throw new Error(loaded.error.message);
    report = loaded.report;
    storedId = (await (await getAuditStore()).save(report)).id;
  }, 60_000);
  afterEach(() => {
    vi.stubEnv("PREFLIGHT_READ_ONLY", "");
  });
  afterAll(async () => {
    await (await getAuditStore()).close();
    await emulator?.close();
    vi.unstubAllEnvs();
  });

  it("refuses a malformed query with 400 naming the parameter, before any report is loaded", async () => {
    for (const [part, query, field] of [
      ["cell", "key=orders:GET", "key"],
      ["cell", "key=/orders:FETCH", "key"],
      ["cell", "", "key"],
      ["cell", `key=/orders:GET&stage=${"p".repeat(200)}`, "stage"],
      ["findings", "i=1,x", "i"],
      ["findings", `i=${Array.from({ length: 201 }, (_, index) => index).join(",")}`, "i"],
      ["secrets", "", "part"],
    ] as const) {
      const parsed = parseDetailRequest(part, new URLSearchParams(query));
      expect(parsed.ok, `${part}?${query}`).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.response.status).toBe(400);
      expect(((await parsed.response.json()) as { details: Record<string, string> }).details).toHaveProperty(field);
    }
    // An unknown stored audit with a bad key is still a 400: the query is checked first.
    expect((await stored("cell", "key=nope", "0".repeat(32))).status).toBe(400);
  });

  it("answers 404 for an unknown API, shared audit, resource or finding", async () => {
    expect((await live("cell", "key=/orders:GET", "nosuchapi1")).status).toBe(404);
    expect((await stored("cell", "key=/orders:GET", "0".repeat(32))).status).toBe(404);
    expect((await stored("cell", "key=/no-such-resource:GET")).status).toBe(404);
    expect((await stored("findings", `i=0,${report.findings.length}`)).status).toBe(404);
  });

  it("serves a cell's whole configuration as the selected stage serves it", async () => {
    const response = await stored("cell", "key=/orders:GET&stage=prod");
    expect(response.status).toBe(200);
    const detail = (await response.json()) as CellDetail;
    expect(detail.method?.authorizationType).toBe("CUSTOM");
    expect(detail.authorizer?.identitySources.map((source) => source.expression)).toEqual([
      "method.request.header.X-Session",
      "method.request.querystring.tenant",
    ]);
    expect(detail.stage?.name).toBe("prod");
    const drift = (await (await stored("cell", "key=/orders/{id}:OPTIONS&stage=prod")).json()) as CellDetail;
    expect(drift.drift.map((item) => item.kind)).toContain("authorizationType");
    const draft = (await (await stored("cell", "key=/orders/{id}:OPTIONS&stage=~draft")).json()) as CellDetail;
    expect(draft.stage).toBeUndefined();
    expect(draft.method?.authorizationType).toBe("NONE");
  });

  it("serves whole findings by index with their fix rendered on the server, and the whole-API fix", async () => {
    const index = report.findings.findIndex((finding) => finding.ruleId === "options-requires-authorization");
    const details = (await (await stored("findings", `i=${index}`)).json()) as FindingDetail[];
    expect(details).toHaveLength(1);
    expect(details[0]!.finding).toEqual(report.findings[index]);
    expect(details[0]!.meta?.browserSends).toBeTruthy();
    expect(details[0]!.remediation?.snippets.find((snippet) => snippet.format === "aws-cli")?.code).toContain("update-method");
    const fix = (await (await stored("fix", "")).json()) as WholeApiFixView;
    expect(fix.status).toBe("ready");
    if (fix.status === "ready") expect(fix.downloads.bundle).toBe(`/api/audits/${storedId}/fix/bundle`);
  });

  it("answers 409 when the page's read is not the one the server holds, and live parts come from the read-once cache", async () => {
    expect((await stored("cell", `key=/orders:GET&v=${encodeURIComponent(report.readAt)}`)).status).toBe(200);
    expect((await stored("cell", "key=/orders:GET&v=2001-01-01T00:00:00.000Z")).status).toBe(409);
    const calls = emulator.requestLog.counts();
    const response = await live("cell", `key=/orders:GET&v=${encodeURIComponent(report.readAt)}`);
    expect(response.status).toBe(200);
    expect(emulator.requestLog.counts()).toEqual(calls);
  });

  it("refuses the live parts in read-only mode", async () => {
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    expect((await live("cell", "key=/orders:GET")).status).toBe(403);
  });

  it("serves a template audit's findings with the file:line they were written at, and 404 for an unknown API number", async () => {
    const audit = await auditTemplates(memoryFileTree([{ path: ORDERS_OPENAPI_PATH, text: ORDERS_OPENAPI }]));
    const cached = templateAuditCache().put(audit, [ORDERS_OPENAPI_PATH]);
    const templateReport = audit.reports[0]!;
    expect(templateReport.findings.length).toBeGreaterThan(0);
    const view = (part: string, query: string, n = "1") => templateView(at(query), params({ id: cached.id, n, part }));
    const indexes = templateReport.findings.map((_, index) => index).join(",");
    const details = (await (await view("findings", `i=${indexes}`)).json()) as FindingDetail[];
    expect(details.map((detail) => detail.finding.ruleId)).toEqual(templateReport.findings.map((finding) => finding.ruleId));
    expect(details.some((detail) => detail.location?.startsWith(`${ORDERS_OPENAPI_PATH}:`))).toBe(true);
    expect((await view("findings", "i=0", "2")).status).toBe(404);
  });
});
