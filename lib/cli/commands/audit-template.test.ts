import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "@/lib/audit/types";
import { MATRIX_COLUMNS, type SarifLog } from "@/lib/report";
import { validateSarif } from "@/lib/report/testing/sarif-validator";
import { main } from "@/lib/cli/main";

const CORPUS = join(__dirname, "..", "..", "..", "..", "shared", "corpus");
const PREFLIGHT_AUTH = "sam/aws__serverless-application-model__tests__translator__input__api_with_cors_and_auth_preflight_auth.yaml";

let dir: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), env: process.env });
  return { code, out, err };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "preflight-template-cli-"));
  mkdirSync(join(dir, "app"));
  copyFileSync(join(CORPUS, PREFLIGHT_AUTH), join(dir, "app", "template.yaml"));
  // A scan meets YAML that is not infrastructure (skipped quietly) and YAML that does not parse (listed).
  writeFileSync(join(dir, "app", "workflow.yml"), "on: [push]\njobs: {}\n");
  writeFileSync(join(dir, "app", "chart.yaml"), "a: [1,\nb: {{ .Values }}\n");
  mkdirSync(join(dir, "empty"));
  writeFileSync(join(dir, "empty", "notes.yaml"), "just: notes\n");
  writeFileSync(join(dir, "broken.yaml"), "Resources:\n  Api:\n    Type: [AWS::Serverless::Api\n");
  writeFileSync(join(dir, "huge.json"), Buffer.alloc(51 * 1024 * 1024, 0x20));
});

describe("preflight audit --template", () => {
  it("text: each finding leads with file:line:column of the element that wrote it; exit 1 on findings", async () => {
    const r = await cli("audit", "--template", join(dir, "app", "template.yaml"));
    expect(r.code).toBe(1);
    expect(r.out).toContain("Source: SAM ");
    // The generated OPTIONS methods come from Globals.Api.Cors (line 3 of the template).
    expect(r.out).toMatch(/app\/template\.yaml:3:\d+: \[HIGH\] options-requires-authorization: OPTIONS \/ /);
    expect(r.out).toMatch(/app\/template\.yaml:3:\d+: \[HIGH\] options-requires-authorization: OPTIONS \/any /);
  });

  it("sarif: one valid SARIF 2.1.0 run whose results carry the template file and line", async () => {
    const r = await cli("audit", "--template", join(dir, "app"), "--format", "sarif");
    expect(r.code).toBe(1);
    const log = JSON.parse(r.out) as SarifLog;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs).toHaveLength(1);
    const options = log.runs[0]!.results.filter((result) => result.ruleId === "options-requires-authorization") as Array<{
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    }>;
    expect(options).toHaveLength(2);
    for (const result of options) {
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/app\/template\.yaml$/);
      expect(result.locations[0]!.physicalLocation.region.startLine).toBe(3);
    }
  });

  it("json is an array of reports and csv has a leading api column, even for one API", async () => {
    const json = await cli("audit", "--template", join(dir, "app"), "--format", "json");
    const reports = JSON.parse(json.out) as AuditReport[];
    expect(reports).toHaveLength(1);
    expect(reports[0]!.source).toMatchObject({ kind: "template", format: "sam", apiName: "ServerlessApi" });
    const csv = await cli("audit", "--template", join(dir, "app"), "--format", "csv");
    const rows = parseCsv(csv.out, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(["api", ...MATRIX_COLUMNS]);
    expect(rows.find((row) => row.path === "/any" && row.verb === "OPTIONS")?.api).toBe("ServerlessApi");
  });

  it("a directory scan skips non-infrastructure YAML quietly and lists what does not parse on stderr", async () => {
    const r = await cli("audit", "--template", join(dir, "app"), "--fail-on", "none");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^skipped .*app\/chart\.yaml:2:1: Flow sequence/m);
    expect(r.err).not.toContain("workflow.yml");
  });

  it("errors name the file (and line): malformed, not a template, too large, nothing found; exit 2", async () => {
    const broken = await cli("audit", "--template", join(dir, "broken.yaml"));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/broken\.yaml:4:1: Flow sequence in block collection/);

    const notes = await cli("audit", "--template", join(dir, "empty", "notes.yaml"));
    expect(notes.code).toBe(2);
    expect(notes.err).toMatch(/notes\.yaml: not a SAM, CloudFormation, CDK, OpenAPI or Terraform plan document/);

    const huge = await cli("audit", "--template", join(dir, "huge.json"));
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/huge\.json: 51\.0 MB, over the 10 MB limit for one template file/);

    const empty = await cli("audit", "--template", join(dir, "empty"));
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/^No REST API found in .*empty \(1 candidate file read/);
  });

  // With an API id, --template compares the live API with the files (lib/cli/live-fix.test.ts); without one, live flags are refused.
  it("refuses live-API flags beside --template without an API id", async () => {
    const r = await cli("audit", "--template", join(dir, "app"), "--demo");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--template audits files, not a live API: drop --demo.");
  });
});
