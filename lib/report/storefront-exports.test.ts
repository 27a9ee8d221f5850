import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useSeededAudit } from "@/lib/aws/testing/seed-audit";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { renderCsvMatrix } from "@/lib/report/csv";
import { renderMarkdownReport } from "@/lib/report/markdown";
import { buildSarif } from "@/lib/report/sarif";
import { RULES } from "@/lib/rules";

/** Every export of a real audit (the emulator's storefront through the reader and every rule). */
describe("exports of the storefront audit", () => {
  const storefront = useSeededAudit(STOREFRONT_API_ID);

  it("SARIF with the real rule registry validates against the 2.1.0 schema", () => {
    const report = storefront();
    const schema = JSON.parse(readFileSync(join(__dirname, "sarif-schema-2.1.0-rtm.5.json"), "utf8")) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = buildSarif(
      report,
      RULES.map((rule) => rule.meta),
    );
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(report.findings.length);
  });

  it("Markdown renders a fix for every fixable finding, CSV a row per method", () => {
    const report = storefront();
    const markdown = renderMarkdownReport(report).content;
    const withFixes = report.findings.filter((finding) => finding.fixes.length > 0).length;
    expect(markdown.match(/```bash/g)?.length).toBe(withFixes);
    const methods = report.model.resources.reduce((sum, resource) => sum + resource.methods.length, 0);
    expect(renderCsvMatrix(report).content.trim().split("\r\n")).toHaveLength(methods + 1);
  });
});
