import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { sampleReport } from "@/lib/share/testing/sample-report";
import { pageStatus } from "./page-status";
import { storeReport } from "./share";

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "preflight-page-status-"));
  process.env.PREFLIGHT_DATA_DIR = dataDir;
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(async () => {
  await (await getAuditStore()).close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("pageStatus (the status a page answers before it streams)", () => {
  it("is 404 for a missing, malformed or expired shared audit and 200 for a stored one", async () => {
    const saved = await storeReport(sampleReport(), "never");
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await pageStatus(`/audits/${saved.id}`)).toEqual({ status: 200 });
    expect(await pageStatus("/audits/QUFBQUFBQUFBQUFBQUFBQQ")).toMatchObject({ status: 404, testId: "audit-not-found" });
    expect(await pageStatus("/audits/..%2Fetc")).toMatchObject({ status: 404 });
    expect(await pageStatus(`/audits/${saved.id}/compare/QUFBQUFBQUFBQUFBQUFBQQ`)).toMatchObject({ status: 404 });
  });

  it("is 400 for malformed percent-encoding anywhere in the path", async () => {
    for (const pathname of ["/audits/%E0%A4%A", "/api/audits/%ZZ", "/rules/%"])
      expect(await pageStatus(pathname), pathname).toMatchObject({ status: 400 });
  });

  it("is 403 for a live audit page on a read-only viewer, and 200 otherwise", async () => {
    expect(await pageStatus("/audit/demo/us-east-1/sfront0001")).toEqual({ status: 200 });
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    expect(await pageStatus("/audit/demo/us-east-1/sfront0001")).toMatchObject({
      status: 403,
      testId: "live-audit-refused",
      message: expect.stringContaining("sfront0001"),
    });
  });
});
