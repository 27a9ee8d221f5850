import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { REMEDIATION_FORMATS } from "@/lib/remediation/formats/types";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { GET as templateExport } from "@/app/api/templates/[id]/[n]/export/[format]/route";
import { GET as templateFix } from "@/app/api/templates/[id]/[n]/fix/[file]/route";
import { findStoredAudit, loadComparison, viewDataFor } from "@/app/_server/share";
import { templateAuditCache } from "@/app/_server/template-audits";
import { loadTemplateApi } from "@/app/_server/template-view";
import { ORDERS_OPENAPI, ORDERS_OPENAPI_PATH, ORDERS_OPTIONS_LINE } from "@/lib/templates/testing/orders-openapi";
import { auditUploadedTemplates } from "./templates";
import { shareTemplateAudit } from "./template-share";

/**
 * The template upload end to end below the browser: the real action (validation, loader, OpenAPI reader,
 * cache, Next's redirect signal), the download routes and the share action against a temporary SQLite store.
 */
let dataDir: string;

function upload(files: { path: string; text: string }[]): FormData {
  const data = new FormData();
  for (const file of files) {
    data.append("file", new File([file.text], path.basename(file.path)));
    data.append("path", file.path);
  }
  return data;
}

/** redirect() throws an error whose digest names the target; returns that target. */
async function redirectTarget(run: Promise<unknown>): Promise<string> {
  const error: unknown = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  const digest = (error as { digest?: unknown } | undefined)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT"))
    throw new Error(`expected a redirect, got ${JSON.stringify(error)}`);
  return digest.split(";")[2] ?? "";
}

/** Uploads the Orders document (plus a README a folder would bring) and returns the cache id. */
async function uploadOrders(): Promise<string> {
  const target = await redirectTarget(
    auditUploadedTemplates(
      { status: "idle" },
      upload([
        { path: ORDERS_OPENAPI_PATH, text: ORDERS_OPENAPI },
        { path: "api/notes.yaml", text: "just: notes\n" },
      ]),
    ),
  );
  const match = /^\/templates\/([A-Za-z0-9_-]{22})$/.exec(target);
  expect(match, target).not.toBeNull();
  return match![1]!;
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const request = new Request("http://127.0.0.1/download");

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "preflight-template-actions-"));
  process.env.PREFLIGHT_DATA_DIR = dataDir;
});

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await (await getAuditStore()).close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("auditUploadedTemplates", () => {
  it("audits the uploaded files into the cache and redirects to the list of their REST APIs", async () => {
    const id = await uploadOrders();
    const cached = templateAuditCache().get(id)!;
    expect(cached.uploaded).toEqual([ORDERS_OPENAPI_PATH, "api/notes.yaml"]);
    expect(cached.audit.errors).toEqual([]);
    expect(cached.audit.reports.map((report) => report.source)).toEqual([
      expect.objectContaining({ kind: "template", format: "openapi", apiName: "Orders", files: [ORDERS_OPENAPI_PATH] }),
    ]);
    const view = loadTemplateApi(id, "1")!;
    expect(view.report.findings.map((finding) => finding.ruleId)).toContain("options-requires-api-key");
    expect(Object.keys(view.rules)).toContain("options-requires-api-key");
    expect(view.fixDownloadBase).toBe(`/api/templates/${id}/1/fix`);
    expect(loadTemplateApi(id, "2")).toBeUndefined();
    expect(loadTemplateApi(id, "0")).toBeUndefined();
    expect(loadTemplateApi(id, "01")).toBeUndefined();
  });

  it("refuses hostile paths and oversized files without auditing or caching anything", async () => {
    const before = templateAuditCache().size();
    const state = await auditUploadedTemplates(
      { status: "idle" },
      upload([
        { path: "../../etc/passwd", text: "root:x:0:0" },
        { path: "/abs.yaml", text: "a: 1" },
      ]),
    );
    expect(state.status).toBe("invalid");
    expect(state.status === "invalid" ? state.problems : []).toEqual([
      expect.stringContaining('".." is not accepted'),
      expect.stringContaining("absolute paths"),
    ]);
    expect(templateAuditCache().size()).toBe(before);
  });

  it("is refused in read-only viewer mode, like a connection", async () => {
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    const state = await auditUploadedTemplates({ status: "idle" }, upload([{ path: ORDERS_OPENAPI_PATH, text: ORDERS_OPENAPI }]));
    expect(state).toEqual({ status: "refused", message: expect.stringContaining("read-only viewer") });
  });

  it("lists a file that is no template as a one-line error naming it, and still audits the rest", async () => {
    const target = await redirectTarget(auditUploadedTemplates({ status: "idle" }, upload([{ path: "broken.yaml", text: "a: [1, 2\n" }])));
    const cached = templateAuditCache().get(target.split("/").pop()!)!;
    expect(cached.audit.reports).toEqual([]);
    expect(cached.audit.errors.map((error) => error.message)).toEqual([expect.stringMatching(/^broken\.yaml/)]);
  });
});

describe("template downloads come from the cached report", () => {
  it("SARIF places the OPTIONS finding on the template's file and line; JSON, Markdown and CSV download too", async () => {
    const id = await uploadOrders();
    const sarifResponse = await templateExport(request, params({ id, n: "1", format: "sarif" }));
    expect(sarifResponse.status).toBe(200);
    const sarif = (await sarifResponse.json()) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
        }[];
      }[];
    };
    const options = sarif.runs[0]!.results.find((result) => result.ruleId === "options-requires-api-key")!;
    expect(options.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: ORDERS_OPENAPI_PATH },
      region: { startLine: ORDERS_OPTIONS_LINE, startColumn: 5 },
    });
    for (const format of ["json", "md", "csv"]) {
      const response = await templateExport(request, params({ id, n: "1", format }));
      expect(response.status, format).toBe(200);
      expect(await response.text(), format).toContain(format === "csv" ? "/orders" : "Orders");
    }
    const json = (await (await templateExport(request, params({ id, n: "1", format: "json" }))).json()) as { source: { kind: string } };
    expect(json.source.kind).toBe("template");
  });

  it("every fix format and the zip of them render from the cached model", async () => {
    const id = await uploadOrders();
    const served: string[] = [];
    for (const format of REMEDIATION_FORMATS) {
      const response = await templateFix(request, params({ id, n: "1", file: format }));
      // The authorizer formats render only when a fix changes a Lambda authorizer's code; this API has none.
      if (response.status === 404) expect(((await response.json()) as { code: string }).code).toBe("fix:format-not-rendered");
      else {
        expect(response.status, format).toBe(200);
        served.push(format);
      }
    }
    expect(served).toEqual(expect.arrayContaining(["aws-cli", "cloudformation", "sam", "terraform", "cdk"]));
    const bundle = await templateFix(request, params({ id, n: "1", file: "bundle" }));
    expect(bundle.headers.get("content-type")).toBe("application/zip");
    expect(Object.keys(unzipSync(new Uint8Array(await bundle.arrayBuffer()))).length).toBeGreaterThanOrEqual(served.length);
  });

  it("answers 404 (JSON) for an unknown id or API number and 400 for an unknown format", async () => {
    const id = await uploadOrders();
    for (const [rawId, n] of [
      ["A".repeat(22), "1"],
      [id, "2"],
      [id, "x"],
      ["../../etc", "1"],
    ] as const) {
      const response = await templateExport(request, params({ id: rawId, n, format: "json" }));
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe("template-audit:not-found");
    }
    expect((await templateExport(request, params({ id, n: "1", format: "pdf" }))).status).toBe(400);
    expect((await templateFix(request, params({ id, n: "1", file: "zip" }))).status).toBe(400);
  });
});

describe("shareTemplateAudit", () => {
  it("stores the report (model and template source, never the file) exactly as a live share does", async () => {
    const id = await uploadOrders();
    const form = new FormData();
    form.set("templateAudit", id);
    form.set("api", "1");
    form.set("expiry", "7d");
    const state = await shareTemplateAudit({ status: "idle" }, form);
    if (state.status !== "shared") throw new Error(JSON.stringify(state));
    expect(state.path).toBe(`/audits/${state.id}`);
    expect(state.expiresAt).toBeDefined();
    const stored = (await findStoredAudit(state.id))!;
    expect(stored.snapshot.report.source).toMatchObject({
      kind: "template",
      format: "openapi",
      apiName: "Orders",
      files: [ORDERS_OPENAPI_PATH],
    });
    expect(stored.snapshot.report.findings).toEqual(loadTemplateApi(id, "1")!.report.findings);
    // What was stored is the model: the file's own text (its comments, its OpenAPI extension keys) is not in it.
    const json = JSON.stringify(stored);
    expect(json).not.toContain("Internal note");
    expect(json).not.toContain("x-amazon-apigateway-integration");
    expect(viewDataFor(stored).fixDownloadBase).toBe(`/api/audits/${state.id}/fix`);
  });

  it("two shared template audits of one API compare as live ones do: the API-key OPTIONS finding is fixed", async () => {
    const shareUpload = async (text: string): Promise<string> => {
      const target = await redirectTarget(auditUploadedTemplates({ status: "idle" }, upload([{ path: ORDERS_OPENAPI_PATH, text }])));
      const form = new FormData();
      form.set("templateAudit", target.split("/").pop()!);
      form.set("api", "1");
      form.set("expiry", "never");
      const state = await shareTemplateAudit({ status: "idle" }, form);
      if (state.status !== "shared") throw new Error(JSON.stringify(state));
      return state.id;
    };
    const before = await shareUpload(ORDERS_OPENAPI);
    // The fix: the OPTIONS method no longer requires the key.
    const after = await shareUpload(ORDERS_OPENAPI.replace("      security:\n        - key: []\n", ""));
    const compared = await loadComparison(after, before);
    if (!compared.ok) throw new Error(JSON.stringify(compared));
    expect(compared.base.id).toBe(before);
    expect(
      compared.comparison.findings.fixed.map((finding) => `${finding.ruleId} ${finding.target.httpMethod} ${finding.target.path}`),
    ).toContain("options-requires-api-key OPTIONS /orders");
    expect(compared.comparison.findings.new.map((finding) => finding.ruleId)).not.toContain("options-requires-api-key");
  });

  it("refuses a malformed or expired template audit, and read-only mode", async () => {
    const form = new FormData();
    form.set("templateAudit", "A".repeat(22));
    form.set("api", "1");
    form.set("expiry", "never");
    expect(await shareTemplateAudit({ status: "idle" }, form)).toMatchObject({
      status: "error",
      message: expect.stringContaining("no longer on the server"),
    });
    form.set("templateAudit", "../x");
    expect(await shareTemplateAudit({ status: "idle" }, form)).toMatchObject({ status: "invalid" });
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    expect(await shareTemplateAudit({ status: "idle" }, form)).toMatchObject({ status: "refused" });
  });
});
