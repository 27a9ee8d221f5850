import { strFromU8, unzipSync } from "fflate";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { MATRIX_COLUMNS } from "@/lib/report/csv";
import { FORMAT_LABELS } from "@/components/remediation/format-labels";
import { AuditPage } from "./pages/audit-page";
import { downloadFrom, ExportMenu, FixAllPanel } from "./pages/export-pages";
import { SharePanel, StoredAuditPage } from "./pages/share-pages";

// The file each remediation format downloads as, by its ending (lib/remediation/formats/*).
const FIX_FILE_ENDINGS: Record<keyof typeof FORMAT_LABELS, string> = {
  "aws-cli": ".sh",
  "sdk-json": ".json",
  cloudformation: ".cloudformation.yaml",
  sam: ".sam.yaml",
  terraform: ".tf",
  cdk: ".cdk.ts",
  "authorizer-node": ".js",
  "authorizer-python": ".py",
};

const stem = new RegExp(`^preflight-${STOREFRONT_API_ID}-\\d{8}T\\d{6}Z`);

interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string } }; results: { ruleId: string }[] }[];
}

test("the storefront audit downloads as JSON, SARIF 2.1.0, Markdown and the CSV matrix", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open(STOREFRONT_API_ID);
  const total = Number(await page.getByTestId("report-counts").getAttribute("data-total"));
  expect(total).toBeGreaterThan(5);
  const exports = new ExportMenu(page);

  const json = await exports.download("json");
  expect(json.filename).toMatch(new RegExp(`${stem.source}\\.json$`));
  const report = JSON.parse(json.text) as { api: { id: string }; findings: unknown[] };
  expect(report.api.id).toBe(STOREFRONT_API_ID);
  expect(report.findings).toHaveLength(total);

  const sarif = await exports.download("sarif");
  expect(sarif.filename).toMatch(new RegExp(`${stem.source}\\.sarif$`));
  const log = JSON.parse(sarif.text) as SarifLog;
  expect(log.version).toBe("2.1.0");
  expect(log.runs[0]?.results).toHaveLength(total);
  expect(log.runs[0]?.results.map((result) => result.ruleId)).toContain("options-requires-authorization");

  const markdown = await exports.download("md");
  expect(markdown.filename).toMatch(new RegExp(`${stem.source}\\.md$`));
  expect(markdown.text.split("\n")[0]).toBe(`# Preflight audit: storefront (${STOREFRONT_API_ID})`);

  const csv = await exports.download("csv");
  expect(csv.filename).toMatch(new RegExp(`${stem.source}-methods\\.csv$`));
  const [header, ...rows] = csv.text.trim().split(/\r?\n/);
  expect(header).toBe(MATRIX_COLUMNS.join(","));
  expect(rows.some((row) => row.startsWith("/products,OPTIONS,"))).toBe(true);
});

test("a stored audit exports the same way, and the export routes answer bad requests with JSON errors", async ({ page, request }) => {
  await new AuditPage(page).open(STOREFRONT_API_ID);
  const link = await new SharePanel(page).share();
  const stored = new StoredAuditPage(page);
  await stored.open(link);
  const exports = new ExportMenu(page);
  const log = JSON.parse((await exports.download("sarif")).text) as SarifLog;
  expect(log.version).toBe("2.1.0");
  expect(log.runs[0]?.results.length).toBeGreaterThan(5);
  expect((await exports.download("csv")).text.split(/\r?\n/)[0]).toBe(MATRIX_COLUMNS.join(","));

  const id = link.split("/").pop()!;
  const badFormat = await request.get(`/api/audits/${id}/export/xlsx`);
  expect(badFormat.status()).toBe(400);
  expect(await badFormat.json()).toMatchObject({
    code: "request:invalid",
    details: { format: expect.stringContaining("json, sarif, md, csv") },
  });
  const unknown = await request.get("/api/audits/QUFBQUFBQUFBQUFBQUFBQQ/export/json");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ code: "audit:not-found" });
  const badRegion = await request.get(`/api/audit/demo/moon-1/${STOREFRONT_API_ID}/export/json`);
  expect(badRegion.status()).toBe(400);
  expect(await badRegion.json()).toMatchObject({ details: { region: "not an AWS region" } });
  const badFile = await request.get(`/api/audit/demo/us-east-1/${STOREFRONT_API_ID}/fix/setup.exe`);
  expect(badFile.status()).toBe(400);
});

test("Fix everything: every format for the whole API, each downloadable, and a zip with all of them", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await new AuditPage(page).open(STOREFRONT_API_ID);
  const fix = new FixAllPanel(page);
  await fix.open();
  expect(new URL(page.url()).searchParams.get("tab")).toBe("fix");
  await expect(page.getByTestId("fix-all-summary")).toContainText("redeploys");

  // The AWS CLI tab comes first: a strict bash script.
  const cli = await fix.show(FORMAT_LABELS["aws-cli"]);
  expect(cli.code).toContain("set -euo pipefail");
  await page.getByTestId("audit-header").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-output/screenshots/fix-all.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-output/screenshots/fix-all-dark.png" });
  await page.emulateMedia({ colorScheme: "light" });

  const shown: string[] = [];
  for (const [format, label] of Object.entries(FORMAT_LABELS) as [keyof typeof FORMAT_LABELS, string][]) {
    const { filename, code } = await fix.show(label);
    expect(filename, format).toMatch(new RegExp(`${FIX_FILE_ENDINGS[format].replace(/\./g, "\\.")}$`));
    const file = await fix.downloadShown();
    expect(file.filename, format).toBe(filename);
    // The route reads the API again; the seeded emulator has not changed, so the file is what the tab shows.
    expect(file.text, format).toBe(code);
    shown.push(filename);
  }

  const bundle = await fix.downloadBundle();
  expect(bundle.filename).toBe(`preflight-fix-${STOREFRONT_API_ID}.zip`);
  const entries = unzipSync(new Uint8Array(bundle.bytes));
  const names = Object.keys(entries).map((name) => name.slice(name.indexOf("/") + 1));
  expect(names.sort()).toEqual(["README.txt", ...shown].sort());
  const script = Object.entries(entries).find(([name]) => name.endsWith(".sh"))!;
  expect(strFromU8(script[1])).toContain("set -euo pipefail");
});

test("a finding's fix downloads from its remediation tabs exactly as shown", async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open(STOREFRONT_API_ID, "stage=prod&cell=/products:OPTIONS");
  const tabs = audit.detail.getByTestId("remediation-tabs").first();
  const panel = tabs.getByTestId("remediation-panel");
  await expect(panel).toContainText("apigateway update-method");
  const shownName = await panel.getByTestId("snippet-filename").textContent();
  const file = await downloadFrom(page, panel.getByTestId("download-snippet"));
  expect(file.filename).toBe(shownName);
  expect(file.text).toBe(await panel.locator("pre").textContent());
});

test("axe finds no serious or critical violations on the Fix everything tab, light and dark", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await new AuditPage(page).open(STOREFRONT_API_ID, "tab=fix");
    const fix = new FixAllPanel(page);
    await expect(fix.root).toBeVisible();
    // Check the conflict list too, which is collapsed at first.
    const conflicts = page.getByTestId("fix-all-conflicts");
    if ((await conflicts.count()) > 0) await conflicts.locator("summary").click();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
    expect(
      serious.map(
        (violation) =>
          `[${scheme}] ${violation.id}: ${violation.nodes
            .map((node) => node.target.join(" "))
            .slice(0, 3)
            .join(" | ")}`,
      ),
    ).toEqual([]);
  }
});
