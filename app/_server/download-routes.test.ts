import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { renderCsvMatrix, renderJsonReport, renderMarkdownReport } from "@/lib/report";
import { getAuditStore } from "@/lib/share/open-audit-store";
import type { AuditReport } from "@/lib/audit/types";
import { sampleReport } from "@/lib/share/testing/sample-report";
import { EXPORT_LINKS } from "@/components/report/export-menu";
import { GET as liveExport } from "@/app/api/audit/[connection]/[region]/[apiId]/export/[format]/route";
import { GET as liveFix } from "@/app/api/audit/[connection]/[region]/[apiId]/fix/[file]/route";
import { GET as storedExport } from "@/app/api/audits/[id]/export/[format]/route";
import { GET as storedFix } from "@/app/api/audits/[id]/fix/[file]/route";
import { loadReport } from "./audit";
import { REPORT_FORMATS } from "./report-exports";

const request = new Request("http://127.0.0.1/download");
const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const live = (connection: string, region: string, apiId: string, format: string) =>
  liveExport(request, params({ connection, region, apiId, format }));

/** Filename from `Content-Disposition: attachment; filename="..."`. */
function attachmentName(response: Response): string | undefined {
  return /^attachment; filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
}

describe("export and fix download routes", () => {
  let emulator: Emulator;
  let storedId: string;
  let report: AuditReport;
  /** An audit stored by an older version: its rule ids are not in this registry. */
  let legacyId: string;

  beforeAll(async () => {
    vi.stubEnv("PREFLIGHT_DATA_DIR", mkdtempSync(join(tmpdir(), "preflight-routes-")));
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
    const loaded = await loadReport("demo", "us-east-1", STOREFRONT_API_ID);
    if (!loaded.ok) throw new Error(loaded.error.message);
    report = loaded.report;
    const store = await getAuditStore();
    storedId = (await store.save(report)).id;
    legacyId = (await store.save(sampleReport())).id;
  }, 60_000);
  afterEach(() => {
    vi.stubEnv("PREFLIGHT_READ_ONLY", "");
  });
  afterAll(async () => {
    await (await getAuditStore()).close();
    await emulator?.close();
    vi.unstubAllEnvs();
  });

  it("the export menu offers exactly the formats the routes serve", () => {
    expect(EXPORT_LINKS.map((link) => link.format)).toEqual(REPORT_FORMATS);
  });

  it("serves a stored audit in every format as an attachment with its MIME type", async () => {
    const expected = { json: renderJsonReport, md: renderMarkdownReport, csv: renderCsvMatrix };
    for (const format of REPORT_FORMATS) {
      const response = await storedExport(request, params({ id: storedId, format }));
      expect(response.status, format).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const body = await response.text();
      if (format === "sarif") {
        expect(response.headers.get("content-type")).toBe("application/sarif+json; charset=utf-8");
        expect(attachmentName(response)).toMatch(/^preflight-.+\.sarif$/);
        const log = JSON.parse(body) as { version: string; runs: { results: unknown[] }[] };
        expect(log.version).toBe("2.1.0");
        expect(log.runs[0]?.results).toHaveLength(report.findings.length);
      } else {
        // The stored report has been redacted, so compare names and types with the exporter, not bodies.
        const reference = expected[format](report);
        expect(attachmentName(response)).toBe(reference.filename);
        expect(response.headers.get("content-type")).toBe(`${reference.mimeType}; charset=utf-8`);
        expect(body.length).toBeGreaterThan(0);
      }
    }
  });

  it("says why a stored audit naming rules this version lacks has no SARIF export, and still exports the rest", async () => {
    const sarif = await storedExport(request, params({ id: legacyId, format: "sarif" }));
    expect(sarif.status).toBe(409);
    expect(await sarif.json()).toMatchObject({
      code: "export:unknown-rules",
      error: expect.stringContaining("Export JSON, Markdown or CSV instead"),
    });
    for (const format of ["json", "md", "csv"])
      expect((await storedExport(request, params({ id: legacyId, format }))).status, format).toBe(200);
  });

  it("answers 400 for an unknown format and 404 for an unknown or malformed id, as JSON", async () => {
    const bad = await storedExport(request, params({ id: storedId, format: "pdf" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "request:invalid", details: { format: "must be one of json, sarif, md, csv" } });
    for (const id of ["QUFBQUFBQUFBQUFBQUFBQQ", "not-an-id", "..%2F..%2Fetc"]) {
      const missing = await storedExport(request, params({ id, format: "json" }));
      expect(missing.status, id).toBe(404);
      expect(await missing.json()).toMatchObject({ code: "audit:not-found" });
    }
    expect((await storedFix(request, params({ id: storedId, file: "exe" }))).status).toBe(400);
    expect((await storedFix(request, params({ id: "QUFBQUFBQUFBQUFBQUFBQQ", file: "bundle" }))).status).toBe(404);
  });

  it("serves a stored audit's whole-API fix as a zip", async () => {
    const response = await storedFix(request, params({ id: storedId, file: "bundle" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(attachmentName(response)).toBe(`preflight-fix-${report.api.id}.zip`);
    const names = Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())));
    expect(names).toContain(`preflight-fix-${report.api.id}/README.txt`);
    expect(names.some((name) => name.endsWith(".sh"))).toBe(true);
  });

  it("reads a live API again for its exports and fix files", async () => {
    const sarif = await live("demo", "us-east-1", STOREFRONT_API_ID, "sarif");
    expect(sarif.status).toBe(200);
    const log = JSON.parse(await sarif.text()) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]?.results.length).toBeGreaterThan(5);
    const script = await liveFix(request, params({ connection: "demo", region: "us-east-1", apiId: STOREFRONT_API_ID, file: "aws-cli" }));
    expect(script.status).toBe(200);
    expect(attachmentName(script)).toMatch(/\.sh$/);
    expect(await script.text()).toContain("set -euo pipefail");
  }, 30_000);

  it("rejects bad live params with 400 naming each, and an unknown API with 404", async () => {
    const cases: [string, string, string, string, string][] = [
      ["demo", "moon-1", STOREFRONT_API_ID, "json", "region"],
      ["demo", "us-east-1", "../../etc", "json", "apiId"],
      ["profile:bad name!", "us-east-1", STOREFRONT_API_ID, "json", "connection"],
      ["demo", "us-east-1", STOREFRONT_API_ID, "xlsx", "format"],
      ["%E0%A4%A", "us-east-1", STOREFRONT_API_ID, "json", "connection"],
    ];
    for (const [connection, region, apiId, format, field] of cases) {
      const response = await live(connection, region, apiId, format);
      expect(response.status, `${field}: ${connection} ${region} ${apiId} ${format}`).toBe(400);
      const body = (await response.json()) as { error: string; details: Record<string, string> };
      expect(Object.keys(body.details)).toContain(field);
      expect(body.error).toContain(field);
    }
    const unknown = await live("demo", "us-east-1", "nosuchapi0", "json");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "api:not-found" });
  }, 30_000);

  it("refuses live downloads in read-only mode, and still serves stored ones", async () => {
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    for (const response of [
      await live("demo", "us-east-1", STOREFRONT_API_ID, "json"),
      await liveFix(request, params({ connection: "demo", region: "us-east-1", apiId: STOREFRONT_API_ID, file: "bundle" })),
    ]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: "read-only", error: expect.stringContaining("read-only viewer") });
    }
    expect((await storedExport(request, params({ id: storedId, format: "csv" }))).status).toBe(200);
  });
});
