import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import type { AuditReport } from "@/lib/audit/types";
import type { AuditStore } from "@/lib/share/audit-store";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { sampleReport } from "@/lib/share/testing/sample-report";
import { GET as liveView } from "@/app/api/audit/[connection]/[region]/[apiId]/view/[part]/route";
import { loadAudit } from "./audit";
import { cacheKeyFor, cacheTtlMs, decodedLimits, decodedReports } from "./audit-cache";
import { openConnectionById } from "./connection";
import { DEFAULT_DECODED_LIMITS, DecodedReports } from "./decoded-reports";

const report = (readAt: string): AuditReport => ({ ...sampleReport(), readAt });

describe("DecodedReports (bounded, least recently used first)", () => {
  it("serves a report only for the checksum it was decoded from, and forgets it when the store names another", () => {
    const memo = new DecodedReports({ maxEntries: 4, maxChars: 1000 });
    const first = report("2026-12-01T00:00:00.000Z");
    memo.set("a", "sha-1", 100, first);
    expect(memo.get("a", "sha-1")).toBe(first);
    expect(memo.get("a", "sha-2")).toBeUndefined();
    // The newer read replaced it in the store: the old report is gone for good.
    expect(memo.get("a", "sha-1")).toBeUndefined();
    expect(memo.size).toBe(0);
    expect(memo.totalChars).toBe(0);
  });

  it("evicts the least recently used entry past the entry bound", () => {
    const memo = new DecodedReports({ maxEntries: 2, maxChars: 1000 });
    memo.set("a", "1", 10, report("a"));
    memo.set("b", "1", 10, report("b"));
    expect(memo.get("a", "1")).toBeDefined(); // a is now the most recently used
    memo.set("c", "1", 10, report("c"));
    expect(memo.get("b", "1")).toBeUndefined();
    expect(memo.get("a", "1")?.readAt).toBe("a");
    expect(memo.get("c", "1")?.readAt).toBe("c");
    expect(memo.size).toBe(2);
  });

  it("evicts by size, replaces an entry's size on a new put, and keeps nothing larger than the whole bound", () => {
    const memo = new DecodedReports({ maxEntries: 10, maxChars: 100 });
    memo.set("a", "1", 40, report("a"));
    memo.set("b", "1", 40, report("b"));
    memo.set("a", "2", 50, report("a2"));
    expect(memo.totalChars).toBe(90);
    memo.set("c", "1", 30, report("c"));
    // b was the least recently used: 50 + 30 fit, 40 + 50 + 30 do not.
    expect(memo.get("b", "1")).toBeUndefined();
    expect(memo.totalChars).toBe(80);
    memo.set("huge", "1", 101, report("huge"));
    expect(memo.get("huge", "1")).toBeUndefined();
    expect(memo.totalChars).toBe(80);
    expect(new DecodedReports({ maxEntries: 4, maxChars: 0 }).size).toBe(0);
  });

  it("takes its size bound from PREFLIGHT_DECODED_REPORTS_MB (0 keeps none); anything else is the default", () => {
    expect(decodedLimits({ PREFLIGHT_DECODED_REPORTS_MB: "16" }).maxChars).toBe(16 * 1024 * 1024);
    expect(decodedLimits({ PREFLIGHT_DECODED_REPORTS_MB: "0" }).maxChars).toBe(0);
    expect(decodedLimits({ PREFLIGHT_DECODED_REPORTS_MB: "-1" })).toEqual(DEFAULT_DECODED_LIMITS);
    expect(decodedLimits({})).toEqual(DEFAULT_DECODED_LIMITS);
  });
});

describe("the audit page and its on-demand parts decode a cached report once per process (store decodes counted)", () => {
  let emulator: Emulator;
  let store: AuditStore;
  const REGION = "us-east-1";
  const cell = (readAt: string) =>
    liveView(new Request(`http://127.0.0.1/view?key=${encodeURIComponent("/orders:GET")}&v=${encodeURIComponent(readAt)}`), {
      params: Promise.resolve({ connection: "demo", region: REGION, apiId: STOREFRONT_API_ID, part: "cell" }),
    });

  beforeAll(async () => {
    vi.stubEnv("PREFLIGHT_DATA_DIR", mkdtempSync(join(tmpdir(), "preflight-decoded-")));
    emulator = await startEmulator({ port: 0 });
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emulator.url);
    store = await getAuditStore();
  }, 60_000);
  beforeEach(() => {
    decodedReports().clear();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await store.close();
    await emulator?.close();
    vi.unstubAllEnvs();
  });

  it("the page's read is kept: the page again and two cell details decode nothing", async () => {
    const decodes = vi.spyOn(store.cache, "get");
    const page = await loadAudit("demo", REGION, STOREFRONT_API_ID, { refresh: true });
    if (!page.ok) throw new Error(page.error.message);
    expect((await cell(page.report.readAt)).status).toBe(200);
    expect((await cell(page.report.readAt)).status).toBe(200);
    const again = await loadAudit("demo", REGION, STOREFRONT_API_ID);
    expect(again.ok && again.fromCache).toBe(true);
    expect(decodes).toHaveBeenCalledTimes(0);
  });

  it("a process that did not write the entry decodes it once, then serves it decoded", async () => {
    const page = await loadAudit("demo", REGION, STOREFRONT_API_ID, { refresh: true });
    if (!page.ok) throw new Error(page.error.message);
    decodedReports().clear(); // as another instance, or this one after a restart
    const decodes = vi.spyOn(store.cache, "get");
    const stamps = vi.spyOn(store.cache, "stamp");
    const reads = emulator.requestLog.counts();
    expect((await cell(page.report.readAt)).status).toBe(200);
    expect(decodes).toHaveBeenCalledTimes(1);
    expect((await cell(page.report.readAt)).status).toBe(200);
    expect((await cell(page.report.readAt)).status).toBe(200);
    expect(decodes).toHaveBeenCalledTimes(1);
    // The store is still asked every time (it is shared between instances), and AWS is not.
    expect(stamps).toHaveBeenCalledTimes(3);
    expect(emulator.requestLog.counts()).toEqual(reads);
  });

  it("the store stays the source of truth: another instance's newer read is decoded and the old one answers 409", async () => {
    const page = await loadAudit("demo", REGION, STOREFRONT_API_ID, { refresh: true });
    if (!page.ok) throw new Error(page.error.message);
    expect((await cell(page.report.readAt)).status).toBe(200);
    const opened = await openConnectionById("demo");
    if (!opened.ok) throw new Error(opened.error.message);
    // Written straight to the store, as another app instance's Refresh would: this process's kept report is stale.
    const newer = { ...page.report, readAt: new Date(Date.parse(page.report.readAt) + 1000).toISOString() };
    await store.cache.put(cacheKeyFor(opened.connection, REGION, STOREFRONT_API_ID), newer, cacheTtlMs());
    const decodes = vi.spyOn(store.cache, "get");
    expect((await cell(page.report.readAt)).status).toBe(409);
    expect((await cell(newer.readAt)).status).toBe(200);
    expect(decodes).toHaveBeenCalledTimes(1);
  });
});
