import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { AuditPage } from "./pages/audit-page";
import { ExportMenu } from "./pages/export-pages";
import { SharePanel, StoredAuditPage } from "./pages/share-pages";
import { TemplateUploadPage } from "./pages/template-pages";

// SAM's translator test for the classic bug: DefaultAuthorizer plus Cors, so SAM puts the authorizer on the OPTIONS methods it generates.
const FIXTURE = path.resolve("e2e/fixtures/sam-cors-preflight-auth.yaml");
const FIXTURE_NAME = path.basename(FIXTURE);
const FIXTURE_TEXT = readFileSync(FIXTURE, "utf8");

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
}

test("a SAM template uploaded in the browser gets the matrix, the finding at its file:line, SARIF locations and a shareable stored audit", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByTestId("open-templates").click();
  const upload = new TemplateUploadPage(page);
  await expect(upload.form).toBeVisible();
  await expect(page.getByTestId("drop-zone")).toContainText("10 MB per file and 50 MB in all");

  // Limits are enforced in the browser before anything is sent: an 11 MB file blocks the audit until removed.
  await upload.files.setInputFiles([
    { name: FIXTURE_NAME, mimeType: "application/yaml", buffer: Buffer.from(FIXTURE_TEXT) },
    { name: "huge.yaml", mimeType: "application/yaml", buffer: Buffer.alloc(11 * 1024 * 1024, "a") },
  ]);
  await expect(upload.problems).toContainText('"huge.yaml": 11 MB, over the 10 MB limit for one file');
  await expect(upload.submit).toBeDisabled();
  await upload.chosenPath("huge.yaml").getByRole("button", { name: "Remove huge.yaml" }).click();
  await expect(upload.problems).toHaveCount(0);
  await expect(upload.status).toContainText("1 file chosen");
  const id = await upload.audit();

  // The list of REST APIs in the upload: the explicit AWS::Serverless::Api, by logical id.
  const api = page.locator('[data-testid=template-api][data-api="ServerlessApi"]');
  await expect(api).toContainText("SAM");
  await expect(api).toContainText(FIXTURE_NAME);
  await expect(api.getByTestId("template-api-counts")).toHaveAttribute("data-total", /[1-9]/);
  await api.getByRole("link", { name: "ServerlessApi" }).click();
  await page.waitForURL(`/templates/${id}/1`);

  // The same audit view as a live API, the header naming the template.
  const audit = new AuditPage(page);
  await expect(audit.header).toContainText(`SAM · ${FIXTURE_NAME} · ServerlessApi`);
  const options = audit.cell("/", "OPTIONS");
  await expect(options).toHaveAttribute("data-severity", /critical|high/);
  await options.click();
  const finding = audit.detail.locator("[data-testid=finding-card][data-rule=options-requires-authorization]");
  await expect(finding).toBeVisible();
  const location = finding.getByTestId("finding-location");
  const where = await location.getAttribute("data-location");
  expect(where).toMatch(new RegExp(`^${FIXTURE_NAME.replaceAll(".", "\\.")}:\\d+:\\d+$`));
  await expect(location).toContainText(where!);
  // The line it names is where the template asks for CORS, which is what makes SAM generate the OPTIONS methods.
  const [, line, column] = where!.split(":").map(Number);
  expect(FIXTURE_TEXT.split("\n")[line! - 1]!.slice(column! - 1)).toMatch(/^Cors: /);

  // SARIF from the cached report: the same file and line, as code scanning would annotate it.
  const sarif = JSON.parse((await new ExportMenu(page).download("sarif")).text) as { runs: { results: SarifResult[] }[] };
  const result = sarif.runs[0]!.results.find((item) => item.ruleId === "options-requires-authorization")!;
  expect(result.locations[0]!.physicalLocation).toEqual({
    artifactLocation: { uri: FIXTURE_NAME },
    region: { startLine: line, startColumn: column },
  });

  // Share stores the report; the stored page says it came from a template, and offers no live re-read.
  const link = await new SharePanel(page).share("never");
  const stored = new StoredAuditPage(page);
  await stored.open(link);
  await expect(stored.banner).toContainText("before deploy");
  await expect(stored.banner).toContainText(`SAM ${FIXTURE_NAME} (ServerlessApi)`);
  await expect(page.getByTestId("read-live")).toHaveCount(0);
  await expect(audit.cell("/", "OPTIONS")).toHaveAttribute("data-severity", /critical|high/);
  await page.screenshot({ path: "test-output/screenshots/template-stored-audit.png", fullPage: true });
});

test("a folder keeps its relative paths and leaves out what is not a template; a dropped file is added too", async ({ page }) => {
  const upload = new TemplateUploadPage(page);
  await upload.open();
  await upload.folder.setInputFiles(path.resolve("e2e/fixtures/sam-folder"));
  // README.md is not a template and .aws-sam/ is build output: only infra/template.yaml is sent.
  await expect(upload.chosen).toHaveCount(1);
  await expect(upload.chosenPath("sam-folder/infra/template.yaml")).toBeVisible();
  await expect(upload.status).toContainText("left out 2");

  await upload.drop([{ name: "dropped.yaml", text: FIXTURE_TEXT }]);
  await expect(upload.chosenPath("dropped.yaml")).toBeVisible();
  await expect(upload.status).toContainText("2 files chosen");
  await page.screenshot({ path: "test-output/screenshots/template-upload.png", fullPage: true });
  await upload.audit();
  await expect(page.getByTestId("template-api")).toHaveCount(2);
  await expect(page.getByTestId("template-apis")).toContainText("sam-folder/infra/template.yaml");
  await page.screenshot({ path: "test-output/screenshots/template-results.png", fullPage: true });
});

test("axe finds no serious or critical violations on the upload page and the results list, light and dark", async ({ page }) => {
  const upload = new TemplateUploadPage(page);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await upload.open();
    await upload.files.setInputFiles(FIXTURE);
    await expect(upload.chosen).toHaveCount(1);
    const pages: [string, Awaited<ReturnType<AxeBuilder["analyze"]>>][] = [["/templates", await new AxeBuilder({ page }).analyze()]];
    await upload.audit();
    await expect(page.getByTestId("template-results")).toBeVisible();
    // After the action's redirect the title arrives with the streamed metadata; axe checks the settled page.
    await expect(page).toHaveTitle(/Template audit/);
    pages.push([page.url(), await new AxeBuilder({ page }).analyze()]);
    for (const [url, results] of pages) {
      const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
      expect(
        serious.map(
          (violation) =>
            `${url} [${scheme}] ${violation.id}: ${violation.nodes
              .map((node) => node.target.join(" "))
              .slice(0, 3)
              .join(" | ")}`,
        ),
      ).toEqual([]);
    }
  }
});
