/**
 * `fix <storefront id> --format patch` against the emulator: the storefront demo is "deployed" by CloudFormation
 * from its SAM template, so the patch is against the stack's original template (GetTemplate), git applies to the
 * demo's template.yaml, and the patched template re-audits without the fixed findings; AccessDenied degrades to the
 * CloudFormation snippet with a note; a working copy that differs from the live API yields drift findings.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HEALTHY_API_ID, STOREFRONT_API_ID } from "@/lib/emulator";
import { STOREFRONT_TEMPLATE_PATH } from "@/lib/emulator/seeds/storefront-stack";
import { cliAgainstEmulator } from "@/lib/cli/testing/cli-harness";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { auditTemplates } from "@/lib/templates/audit-templates";
import type { Finding } from "@/lib/rules/types";

const { cli, emulator } = cliAgainstEmulator();
const work = mkdtempSync(join(tmpdir(), "preflight-live-fix-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ORIGINAL = readFileSync(STOREFRONT_TEMPLATE_PATH, "utf8");
const keyOf = (f: Finding) =>
  [f.ruleId, f.target.path ?? "", f.target.httpMethod ?? "", f.target.responseType ?? "", f.target.stage ?? ""].join("|");

async function auditFile(dir: string) {
  const tree = diskFileTree(["template.yaml"], dir);
  if (!tree.ok) throw new Error(tree.message);
  const audited = await auditTemplates(tree.tree, { region: "us-east-1" });
  expect(audited.errors).toEqual([]);
  const report = audited.reports.find((r) => r.source.kind === "template" && r.source.apiName === "StorefrontApi");
  if (!report) throw new Error("StorefrontApi not found");
  return report;
}

describe("fix <live API> --format patch: the stack's own template", () => {
  it("names the stack and logical id, git applies to the demo SAM template, and removes the fixed findings", async () => {
    const run = await cli("fix", STOREFRONT_API_ID, "--demo", "--format", "patch");
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain("deployed by CloudFormation stack storefront-api as StorefrontApi");
    expect(run.out).toMatch(
      /^# Preflight: live API sfront0001 \(storefront\) in us-east-1, deployed by CloudFormation stack storefront-api as logical id StorefrontApi\./,
    );
    expect(run.out).toContain("cloudformation:GetTemplate, TemplateStage=Original");
    expect(run.out).toContain("diff --git a/template.yaml b/template.yaml\n");
    const ops = emulator()
      .requestLog.entries()
      .map((e) => e.operation);
    expect(ops).toContain("GetTemplate");
    expect(ops).toContain("DescribeStackResources");

    const dir = mkdtempSync(join(work, "repo-"));
    writeFileSync(join(dir, "template.yaml"), ORIGINAL);
    const before = await auditFile(dir);
    writeFileSync(join(dir, "fix.patch"), run.out);
    execFileSync("git", ["init", "-q"], { cwd: dir });
    execFileSync("git", ["apply", "fix.patch"], { cwd: dir });
    const patched = readFileSync(join(dir, "template.yaml"), "utf8");
    expect(patched).not.toBe(ORIGINAL);

    // Unchanged lines byte for byte, in order: every original line the diff does not remove.
    const removed = new Set<number>();
    let oldLine = 0;
    for (const line of run.out.split("\n")) {
      const hunk = /^@@ -(\d+)/.exec(line);
      if (hunk) oldLine = Number(hunk[1]);
      else if (line.startsWith("-") && !line.startsWith("---")) removed.add(oldLine++);
      else if (line.startsWith(" ")) oldLine++;
    }
    const after = patched.split("\n");
    let cursor = 0;
    ORIGINAL.split("\n").forEach((line, index) => {
      if (removed.has(index + 1)) return;
      while (cursor < after.length && after[cursor] !== line) cursor++;
      expect(cursor, `kept line ${JSON.stringify(line)}`).toBeLessThan(after.length);
      cursor++;
    });

    const again = await auditFile(dir);
    const beforeKeys = new Set(before.findings.map(keyOf));
    const afterKeys = new Set(again.findings.map(keyOf));
    // The template's medium-and-above findings with a template change are gone; nothing new appeared.
    const fixedRules = ["options-requires-authorization", "options-requires-api-key", "missing-preflight"];
    for (const key of beforeKeys) if (fixedRules.some((rule) => key.startsWith(`${rule}|`))) expect(afterKeys.has(key), key).toBe(false);
    expect([...afterKeys].filter((key) => !beforeKeys.has(key))).toEqual([]);
    expect(afterKeys.size).toBeLessThan(beforeKeys.size);
  });

  it("says the live API and its stack template agree (the demo is the template's draft)", async () => {
    const run = await cli("fix", STOREFRONT_API_ID, "--demo", "--format", "patch");
    expect(run.out).toContain("# The live API and the template agree on methods, authorization, API keys and preflight integrations.");
  });

  it("AccessDenied on GetTemplate degrades to the CloudFormation snippet with a note", async () => {
    emulator().faults.add({ operation: "GetTemplate", kind: "AccessDenied" });
    const run = await cli("fix", STOREFRONT_API_ID, "--demo", "--format", "patch");
    expect(run.code, run.err).toBe(0);
    expect(run.err).toContain("note: No patch: cloudformation:GetTemplate on stack storefront-api was denied");
    expect(run.out).toMatch(
      /^# No patch: cloudformation:GetTemplate on stack storefront-api was denied .*Printing the CloudFormation snippet/,
    );
    expect(run.out).not.toContain("diff --git");
    expect(run.out).toContain("AWS::ApiGateway::Method");
  });

  it("an API without CloudFormation tags degrades too, saying why", async () => {
    const run = await cli("fix", HEALTHY_API_ID, "--demo", "--format", "patch", "--min-severity", "info");
    expect(run.code, run.err).toBe(0);
    expect(run.err).toMatch(/no aws:cloudformation:stack-name and aws:cloudformation:logical-id tags|Nothing to fix/);
  });
});

describe("a working copy beside the live API (--template)", () => {
  it("fix patches the working copy; audit reports where it and the live API differ", async () => {
    const dir = mkdtempSync(join(work, "copy-"));
    // The working copy drops the API key requirement of OPTIONS /orders and adds nothing else.
    const changed = ORIGINAL.replace(
      "            options:\n              security:\n                - api_key: []\n",
      "            options:\n              security: []\n",
    );
    expect(changed).not.toBe(ORIGINAL);
    writeFileSync(join(dir, "template.yaml"), changed);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const audit = await cli("audit", STOREFRONT_API_ID, "--demo", "--template", "template.yaml", "--format", "json");
      expect([0, 1]).toContain(audit.code);
      const report = JSON.parse(audit.out) as { findings: Finding[]; model: { templateDrift?: { template: string; logicalId: string } } };
      expect(report.model.templateDrift).toMatchObject({ template: "template.yaml", logicalId: "StorefrontApi" });
      const drift = report.findings.filter((f) => f.ruleId === "live-differs-from-template");
      expect(drift.map((f) => `${f.target.httpMethod} ${f.target.path} ${f.messageId}`)).toEqual(["OPTIONS /orders apiKeyRequired"]);

      const fix = await cli("fix", STOREFRONT_API_ID, "--demo", "--template", "template.yaml", "--format", "patch");
      expect(fix.code, fix.err).toBe(0);
      expect(fix.out).toContain("# Patched: your working copy template.yaml.");
      expect(fix.out).toContain("apiKeyRequired true on the live API and false in template.yaml (StorefrontApi)");
      expect(
        emulator()
          .requestLog.entries()
          .map((e) => e.operation),
      ).not.toContain("GetTemplate");
    } finally {
      process.chdir(cwd);
    }
  });
});
