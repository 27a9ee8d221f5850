import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STOREFRONT_API_ID } from "@/lib/emulator";
import type { AuditReport } from "@/lib/audit/types";
import { MATRIX_COLUMNS, type SarifLog } from "@/lib/report";
import { RULES } from "@/lib/rules";
import { cliAgainstEmulator } from "@/lib/cli/testing/cli-harness";

const { cli } = cliAgainstEmulator();
const STOREFRONT = [STOREFRONT_API_ID, "--demo", "--region", "us-east-1"];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "preflight-audit-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function storefrontReport(): Promise<AuditReport> {
  return JSON.parse((await cli("audit", ...STOREFRONT, "--format", "json")).out) as AuditReport;
}

describe("preflight audit --format", () => {
  it("sarif: a SARIF 2.1.0 log with one result per storefront finding and every rule described", async () => {
    const report = await storefrontReport();
    const r = await cli("audit", ...STOREFRONT, "--format", "sarif");
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.out) as SarifLog;
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0]!;
    expect(run.results.length).toBe(report.findings.length);
    expect(run.results.length).toBeGreaterThan(0);
    expect(run.results.map((result) => result.ruleId)).toEqual(report.findings.map((f) => f.ruleId));
    expect((run.tool.driver.rules as Array<{ id: string }>).map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.meta.id));
  });

  it("md: the findings table with a row per finding", async () => {
    const report = await storefrontReport();
    const r = await cli("audit", ...STOREFRONT, "--format", "md");
    expect(r.code).toBe(1);
    expect(r.out).toContain(`# Preflight audit: storefront (${STOREFRONT_API_ID})`);
    expect(r.out).toContain("## Findings\n\n| # | Severity | Rule | Where | Stages | Message |");
    const rows = r.out.split("\n").filter((line) => /^\| \d+ \| [a-z]+ \| `/.test(line));
    expect(rows.map((row) => row.split(" | ")[2])).toEqual(report.findings.map((f) => `\`${f.ruleId}\``));
  });

  it("csv: the matrix header and one row per method of the model", async () => {
    const report = await storefrontReport();
    const r = await cli("audit", ...STOREFRONT, "--format", "csv");
    expect(r.code).toBe(1);
    const [header, ...rows] = parseCsv(r.out) as string[][];
    expect(header).toEqual([...MATRIX_COLUMNS]);
    const methods = report.model.resources.flatMap((resource) => resource.methods.map((method) => `${resource.path} ${method.httpMethod}`));
    expect(rows.map((row) => `${row[0]} ${row[1]}`).sort()).toEqual(methods.sort());
    expect(rows.find((row) => row[0] === "/products" && row[1] === "OPTIONS")?.[9]).toContain("options-requires-authorization");
  });

  it("--output writes the report instead of printing it, and keeps the exit code", async () => {
    const file = join(dir, "storefront.sarif");
    const r = await cli("audit", ...STOREFRONT, "--format", "sarif", "--output", file);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(`Wrote the sarif report to ${file}`);
    expect((JSON.parse(await readFile(file, "utf8")) as SarifLog).runs[0]!.results.length).toBeGreaterThan(0);
  });

  it("exits 2 on an unknown format (listing the valid ones) or an unwritable --output", async () => {
    const unknown = await cli("audit", ...STOREFRONT, "--format", "xml");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--format must be one of text, json, sarif, md, csv (got "xml")');
    const unwritable = await cli("audit", ...STOREFRONT, "--format", "md", "--output", join(dir, "no-such-folder", "r.md"));
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain("its folder does not exist");
  });
});
