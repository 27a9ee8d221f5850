import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { templateAuditCache } from "@/app/_server/template-audits";
import { ORDERS_OPENAPI, ORDERS_OPENAPI_PATH } from "@/lib/templates/testing/orders-openapi";
import TemplatesPage from "./page";
import TemplateAuditPage from "./[id]/page";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("/templates", () => {
  it("offers the upload form with its limits", () => {
    const html = renderToStaticMarkup(<TemplatesPage />);
    expect(html).toContain('data-testid="template-upload"');
    expect(html).toContain("at most 5,000 files, 10 MB per file and 50 MB in all");
    expect(html).toContain("webkitdirectory");
  });

  it("refuses uploads in read-only viewer mode, as it refuses connections", () => {
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    const html = renderToStaticMarkup(<TemplatesPage />);
    expect(html).toContain('data-testid="templates-refused"');
    expect(html).not.toContain('data-testid="template-upload"');
  });
});

describe("/templates/<id>", () => {
  it("lists every REST API found with format, files and counts, then one line per file that did not parse", async () => {
    const audit = await auditTemplates(
      memoryFileTree([
        { path: ORDERS_OPENAPI_PATH, text: ORDERS_OPENAPI },
        { path: "broken.json", text: '{"openapi": ' },
      ]),
    );
    const cached = templateAuditCache().put(audit, [ORDERS_OPENAPI_PATH, "broken.json", "api/README.md"]);
    const html = renderToStaticMarkup(await TemplateAuditPage({ params: Promise.resolve({ id: cached.id }) }));
    expect(html).toContain("1 REST API in 3 uploaded files");
    expect(html).toContain(`href="/templates/${cached.id}/1"`);
    expect(html).toContain(">Orders</a>");
    expect(html).toContain("OpenAPI");
    expect(html).toContain(ORDERS_OPENAPI_PATH);
    // Several files are read like a scan (lib/templates/files/memory-file-tree.ts): one that does not parse is listed as skipped.
    expect(html).toContain("1 file skipped");
    expect(html).toContain("<li>broken.json:1:13: invalid JSON: unexpected end of input</li>");
    // A file that is not a template by its extension is named, not silently dropped.
    expect(html).toMatch(/1 file not read as templates.*<li>api\/README\.md<\/li>/);
  });

  it("shows a single file that is no template as a one-line error naming it", async () => {
    const cached = templateAuditCache().put(await auditTemplates(memoryFileTree([{ path: "notes.yaml", text: "just: notes\n" }])), [
      "notes.yaml",
    ]);
    const html = renderToStaticMarkup(await TemplateAuditPage({ params: Promise.resolve({ id: cached.id }) }));
    expect(html).toContain('data-testid="no-apis"');
    expect(html).toMatch(/data-testid="template-error">notes\.yaml: not a SAM, CloudFormation/);
  });

  it("is not found for an unknown or expired id", async () => {
    await expect(TemplateAuditPage({ params: Promise.resolve({ id: "A".repeat(22) }) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });
});
