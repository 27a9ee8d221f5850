/**
 * `preflight audit --format` renderers on reports whose names, paths, stages and headers are hostile (issue 15):
 * JSON and SARIF parse back to the same strings (SARIF against its schema), CSV cells never start a formula and
 * read back, Markdown renders nothing from the account as markup, and the text report carries no terminal control.
 */
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AuditReport } from "@/lib/audit/types";
import { MULTI_REPORT_FORMATS, REPORT_FORMATS } from "@/lib/cli/formats";
import { hostileNames, hostileStorefront, SEED, type HostileNames } from "@/lib/remediation/testing/hostile-names";
import { renderSarif } from "@/lib/report/sarif";
import { reportFixture } from "@/lib/report/testing/report-fixture";
import { validateSarif } from "@/lib/report/testing/sarif-validator";

const RUNS = 60;

function hostileReport(names: HostileNames): AuditReport {
  const { report } = reportFixture();
  const { model, findings } = hostileStorefront(names);
  return {
    ...report,
    api: { ...report.api, id: names.apiId, name: names.apiName },
    model,
    findings,
    warnings: [{ code: "partial-read", message: `GetDeployment for stage ${names.stage} was denied`, part: "deployments" }],
  };
}

const reports = fc.sample(hostileNames, { seed: SEED, numRuns: RUNS }).map((names) => ({ names, report: hostileReport(names) }));

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) stringsIn(item, stringsIn(key, out));
  return out;
}

describe("audit --format with hostile names", () => {
  it("json: the AuditReport parses back unchanged, with no raw line separator or C1 control", () => {
    for (const { report } of reports) {
      const content = REPORT_FORMATS.json!(report);
      expect(content).not.toMatch(/[\u2028\u2029\u0085\u007f-\u009f]/);
      expect(JSON.parse(content)).toEqual(JSON.parse(JSON.stringify(report)));
    }
    const many = MULTI_REPORT_FORMATS.json!(reports.map((item) => item.report));
    expect(JSON.parse(many)).toHaveLength(RUNS);
  });

  it("sarif: valid against the 2.1.0 schema, every finding message read back as written", () => {
    for (const { report } of reports) {
      // The fixture's rule ids are not all in the registry: their metadata comes with the fixture.
      const log = JSON.parse(renderSarif(report, reportFixture(report.findings).rules).content) as unknown;
      expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
      const strings = stringsIn(log);
      for (const finding of report.findings) expect(strings.some((text) => text.includes(finding.message))).toBe(true);
    }
  });

  it("csv: no cell starts a formula; every path reads back (behind a quote where it would have been one)", () => {
    for (const { names, report } of reports) {
      const rows = parseCsv(REPORT_FORMATS.csv!(report), { columns: true }) as Array<Record<string, string>>;
      for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const paths = rows.map((row) => row.path);
      expect(paths.includes(names.path) || paths.includes(`'${names.path}`)).toBe(true);
    }
    const all = parseCsv(MULTI_REPORT_FORMATS.csv!(reports.map((item) => item.report)), { columns: true }) as Array<Record<string, string>>;
    for (const row of all) expect(row.api).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("md: outside code fences nothing from the account opens HTML, a link, an image or a code span; fences are never closed early", () => {
    // Markdown renders the CLI fix per finding: a third of the batch keeps this test quick.
    for (const { report } of reports.slice(0, RUNS / 3)) {
      const markdown = REPORT_FORMATS.md!(report);
      const fences = [...markdown.matchAll(/^(`{3,})(\w*)$/gm)];
      // Every fence opener (with a language) is followed by its own closer.
      for (let index = 0; index < fences.length; index += 2) {
        expect(fences[index]?.[2]).toBe("bash");
        expect(fences[index + 1]?.[1]).toBe(fences[index]?.[1]);
        expect(fences[index + 1]?.[2]).toBe("");
      }
      const prose = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, "");
      // The template's own markup: headings, tables, italics around the symptom, code spans around rule ids and actions.
      const fromAccount = prose
        .replace(/\\[\s\S]/g, "")
        .replace(/`[a-z0-9:-]+`/gi, "")
        .replace(/^#+ /gm, "")
        .replace(/^\*|\*$/gm, "")
        .replace(/\|/g, "");
      expect(fromAccount).not.toMatch(/[<>[\]`!]/);
      expect(fromAccount).not.toMatch(/www\.|:\/\//i);
    }
  });

  it("text: no terminal control but line feed and tab, the names otherwise kept", () => {
    for (const { report } of reports) {
      const text = REPORT_FORMATS.text!(report);
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
    const plain = hostileReport({ ...reports[0]!.names, apiName: "shop\u001b[2J\u001b]0;x\u0007 api" });
    expect(REPORT_FORMATS.text!(plain)).toContain("Preflight audit of shop api (");
  });
});
