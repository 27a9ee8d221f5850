import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { templateAuditCache } from "@/app/_server/template-audits";
import { ORDERS_OPENAPI, ORDERS_OPENAPI_PATH } from "@/lib/templates/testing/orders-openapi";
import { GET } from "@/app/api/templates/[id]/[n]/patch/route";
import { TemplatePatchPanel } from "@/components/templates/template-patch-panel";
import { templatePatchFor } from "@/app/_server/template-patch";
import { loadTemplateApi } from "@/app/_server/template-view";

async function upload() {
  const files = [{ path: ORDERS_OPENAPI_PATH, text: ORDERS_OPENAPI }];
  return templateAuditCache().put(
    await auditTemplates(memoryFileTree(files)),
    [ORDERS_OPENAPI_PATH],
    new Map(files.map((file) => [file.path, file.text])),
  );
}

describe("template patch (web)", () => {
  // The page itself needs Next's request context (AuditView reads the URL); it renders this panel from the same call.
  it("shows the patch as a diff with download and copy", async () => {
    const cached = await upload();
    const view = loadTemplateApi(cached.id, "1");
    const patch = view && templatePatchFor(view);
    if (!patch) throw new Error("no patch");
    const html = renderToStaticMarkup(
      <TemplatePatchPanel
        text={patch.text}
        downloadHref={`/api/templates/${cached.id}/1/patch`}
        files={patch.patched.size}
        fixed={patch.fixed.length}
      />,
    );
    expect(html).toContain('data-testid="template-patch"');
    expect(html).toContain(`href="/api/templates/${cached.id}/1/patch"`);
    expect(html).toContain('data-testid="copy-button"');
    expect(html).toContain(`diff --git a/${ORDERS_OPENAPI_PATH} b/${ORDERS_OPENAPI_PATH}`);
    // The OPTIONS operation's API key requirement is replaced by `security: []`.
    expect(html).toContain("-        - key: []");
    expect(html).toContain("+      security: []");
  });

  it("downloads the same patch, and 404s for an unknown audit", async () => {
    const cached = await upload();
    const response = await GET(new Request("http://localhost/"), { params: Promise.resolve({ id: cached.id, n: "1" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/x-diff; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("preflight-fix-Orders.patch");
    expect(await response.text()).toContain("+      security: []\n");
    const missing = await GET(new Request("http://localhost/"), { params: Promise.resolve({ id: "A".repeat(22), n: "1" }) });
    expect(missing.status).toBe(404);
  });

  it("keeps only the texts of files that define an API", async () => {
    const files = [
      { path: ORDERS_OPENAPI_PATH, text: ORDERS_OPENAPI },
      { path: "notes.yaml", text: "just: notes\n" },
    ];
    const cached = templateAuditCache().put(
      await auditTemplates(memoryFileTree(files)),
      files.map((f) => f.path),
      new Map(files.map((f) => [f.path, f.text])),
    );
    expect([...cached.texts.keys()]).toEqual([ORDERS_OPENAPI_PATH]);
  });
});
