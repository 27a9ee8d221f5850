import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { isAuditId } from "@/lib/share/ids";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { findStoredAudit, loadComparison, loadHistory, viewDataFor } from "@/app/_server/share";
import { deleteAudit, openSharedLink, shareAudit, type ShareState } from "./share";
import { renderFindingSnippets } from "@/lib/report/finding-snippets";
import { wholeApiFixView } from "@/lib/report/whole-api-fix";

/**
 * The share actions end to end below the browser: the real reader against the emulator, the real SQLite
 * store in a temporary PREFLIGHT_DATA_DIR, and Next's own redirect() signal.
 */
let emulator: Emulator;
let dataDir: string;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const storefront = { connection: "demo", region: "us-east-1", apiId: STOREFRONT_API_ID };

/** redirect() throws an error whose digest names the target; returns that target. */
async function redirectTarget(run: Promise<unknown>): Promise<string> {
  const error: unknown = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const digest = (error as { digest?: unknown } | undefined)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT")) throw new Error(`expected a redirect, got ${String(error)}`);
  return digest.split(";")[2] ?? "";
}

async function share(fields: Record<string, string> = {}): Promise<Extract<ShareState, { status: "shared" }>> {
  const state = await shareAudit({ status: "idle" }, form({ ...storefront, expiry: "never", ...fields }));
  if (state.status !== "shared") throw new Error(`share failed: ${JSON.stringify(state)}`);
  return state;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dataDir = mkdtempSync(path.join(tmpdir(), "preflight-share-actions-"));
  // Read once, when the process-wide store first opens.
  process.env.PREFLIGHT_DATA_DIR = dataDir;
  process.env.PREFLIGHT_DEMO_ENDPOINT = emulator.url;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await (await getAuditStore()).close();
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("shareAudit", () => {
  it("reads the API on the server and stores a snapshot under a fresh 128-bit id", async () => {
    const state = await share();
    expect(isAuditId(state.id)).toBe(true);
    expect(state.path).toBe(`/audits/${state.id}`);
    expect(state.expiresAt).toBeUndefined();
    const stored = await findStoredAudit(state.id);
    expect(stored?.snapshot.report.api).toMatchObject({ id: STOREFRONT_API_ID, region: "us-east-1", name: "storefront" });
    expect(stored?.snapshot.report.findings.length).toBeGreaterThan(5);
    expect(stored?.snapshot.report.readAt).toBe(state.readAt);
    // The stored page gets the same view data as the live one (rule metas, the whole-API fix), no AWS call,
    // and each finding's fix renders from the stored report exactly as on the live page.
    const view = viewDataFor(stored!);
    expect(Object.keys(view.rules)).toContain("options-requires-authorization");
    const fixAll = wholeApiFixView(view.report, view.fixDownloadBase);
    expect(fixAll.status === "ready" ? fixAll.snippets.map((snippet) => snippet.format) : fixAll).toEqual(
      expect.arrayContaining(["aws-cli", "terraform", "cloudformation"]),
    );
    const perFinding = view.report.findings
      .filter((finding) => finding.fixes.length > 0)
      .map((finding) => renderFindingSnippets(view.report.model, finding));
    expect(perFinding.length).toBeGreaterThan(5);
    expect(perFinding.filter((rendered) => rendered.error)).toEqual([]);
    expect(perFinding.flatMap((rendered) => rendered.snippets.map((snippet) => snippet.format))).toEqual(
      expect.arrayContaining(["aws-cli", "terraform", "cloudformation"]),
    );
  });

  it("never stores the stage variables' values or the demo's access key", async () => {
    const state = await share();
    const seed = readFileSync(path.resolve("lib/emulator/seeds/storefront.ts"), "utf8");
    const values = [...seed.matchAll(/variables: \{([^}]*)\}/g)].flatMap((match) =>
      [...match[1]!.matchAll(/: "([^"]{6,})"/g)].map((value) => value[1]!),
    );
    expect(values).toContain("sk_live_51HqLyjWDarjtT1zdp7dcXq0P");
    // The database in WAL mode: committed rows may still sit in the -wal file.
    const rows = ["audits.sqlite", "audits.sqlite-wal"]
      .map((file) => path.join(dataDir, file))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file).toString("latin1"))
      .join("\n");
    expect(rows).toContain(state.id);
    const json = JSON.stringify(await findStoredAudit(state.id));
    for (const value of values) {
      expect(json).not.toContain(value);
      expect(rows).not.toContain(value);
    }
    expect(json).not.toMatch(/AKIA[A-Z0-9]{16}/);
    // The variable names stay: they are what the stage-variables-look-secret finding is about.
    expect(json).toContain("paymentsApiKey");
  });

  it("sets the chosen expiry", async () => {
    const before = Date.now();
    const state = await share({ expiry: "7d" });
    const expires = Date.parse(state.expiresAt ?? "");
    expect(expires - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(7 * 86_400_000 + 60_000);
    expect((await findStoredAudit(state.id))?.expiresAt).toBe(state.expiresAt);
  });

  it("rejects malformed fields before reading anything", async () => {
    const state = await shareAudit({ status: "idle" }, form({ connection: "demo", region: "../../etc", apiId: "a/b", expiry: "forever" }));
    expect(state.status).toBe("invalid");
    if (state.status !== "invalid") return;
    expect(Object.keys(state.fieldErrors).sort()).toEqual(["apiId", "expiry", "region"]);
  });

  it("returns the reader's error for an API that does not exist, and stores nothing", async () => {
    const before = await loadHistory({ accountId: "123456789012", region: "us-east-1", apiId: "nosuchapi0" });
    const state = await shareAudit({ status: "idle" }, form({ ...storefront, apiId: "nosuchapi0", expiry: "never" }));
    expect(state.status).toBe("error");
    if (state.status === "error") expect(state.message).toMatch(/nosuchapi0|not found/i);
    expect(before).toEqual({ ok: true, audits: [] });
  });

  it("refuses in read-only mode without storing", async () => {
    const account = (await findStoredAudit((await share()).id))!.snapshot.report.api.accountId;
    const api = { ...(account ? { accountId: account } : {}), region: "us-east-1", apiId: STOREFRONT_API_ID };
    const count = async () => {
      const history = await loadHistory(api);
      if (!history.ok) throw new Error(history.message);
      return history.audits.length;
    };
    const before = await count();
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    const state = await shareAudit({ status: "idle" }, form({ ...storefront, expiry: "never" }));
    expect(state).toMatchObject({ status: "refused", message: expect.stringMatching(/read-only/) });
    vi.unstubAllEnvs();
    expect(await count()).toBe(before);
  });
});

describe("history and comparison", () => {
  it("lists an API's shared audits newest first and compares any two in read order", async () => {
    const first = await share();
    const second = await share();
    const report = (await findStoredAudit(first.id))!.snapshot.report;
    const history = await loadHistory({ accountId: report.api.accountId, region: "us-east-1", apiId: STOREFRONT_API_ID });
    if (!history.ok) throw new Error(history.message);
    const ids: string[] = history.audits.map((audit) => audit.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(history.audits.find((audit) => audit.id === first.id)?.counts).toEqual(report.counts);

    // Either order in the URL: the earlier read is the base.
    for (const [a, b] of [
      [first.id, second.id],
      [second.id, first.id],
    ] as const) {
      const loaded = await loadComparison(a, b);
      if (!loaded.ok) throw new Error(loaded.reason);
      expect(loaded.base.id).toBe(first.id);
      expect(loaded.head.id).toBe(second.id);
      // Same API, nothing changed in between: every finding is unchanged.
      expect(loaded.comparison.findings.fixed).toEqual([]);
      expect(loaded.comparison.findings.new).toEqual([]);
      expect(loaded.comparison.findings.unchanged).toHaveLength(report.findings.length);
    }
  });

  it("refuses to compare different APIs, and treats unknown or malformed ids as not found", async () => {
    const storefrontAudit = await share();
    const healthy = await share({ apiId: "healthy001" });
    expect(await loadComparison(storefrontAudit.id, healthy.id)).toMatchObject({ ok: false, reason: "different-apis" });
    expect(await loadComparison(storefrontAudit.id, `${"Z".repeat(21)}A`)).toEqual({ ok: false, reason: "not-found" });
    expect(await loadComparison(storefrontAudit.id, "../../etc/passwd")).toEqual({ ok: false, reason: "not-found" });
  });
});

describe("deleteAudit", () => {
  it("needs the confirmation field", async () => {
    const { id } = await share();
    expect(await deleteAudit({ status: "idle" }, form({ id }))).toMatchObject({ status: "invalid" });
    expect(await findStoredAudit(id)).toBeDefined();
  });

  it("deletes and redirects to the shared-audits page", async () => {
    const { id } = await share();
    expect(await redirectTarget(deleteAudit({ status: "idle" }, form({ id, confirm: "yes" })))).toBe("/audits?deleted=1");
    expect(await findStoredAudit(id)).toBeUndefined();
    expect(await redirectTarget(deleteAudit({ status: "idle" }, form({ id, confirm: "yes" })))).toBe("/audits?deleted=0");
  });

  it("rejects a malformed id and refuses in read-only mode", async () => {
    expect(await deleteAudit({ status: "idle" }, form({ id: "x' OR 1=1 --", confirm: "yes" }))).toMatchObject({ status: "invalid" });
    const { id } = await share();
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    expect(await deleteAudit({ status: "idle" }, form({ id, confirm: "yes" }))).toMatchObject({ status: "refused" });
    vi.unstubAllEnvs();
    expect(await findStoredAudit(id)).toBeDefined();
  });
});

describe("openSharedLink", () => {
  it("opens a pasted link or bare id and rejects anything else", async () => {
    const { id } = await share();
    expect(
      await redirectTarget(openSharedLink({ status: "idle" }, form({ link: `https://preflight.example.com/audits/${id}?tab=findings` }))),
    ).toBe(`/audits/${id}`);
    expect(await redirectTarget(openSharedLink({ status: "idle" }, form({ link: ` ${id} ` })))).toBe(`/audits/${id}`);
    expect(await openSharedLink({ status: "idle" }, form({ link: "https://evil.example.com/" }))).toMatchObject({ status: "invalid" });
    expect(await openSharedLink({ status: "idle" }, form({}))).toMatchObject({ status: "invalid" });
  });
});
