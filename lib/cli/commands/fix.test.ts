import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseHcl } from "@cdktf/hcl2json";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEALTHY_API_ID, STOREFRONT_API_ID } from "@/lib/emulator";
import type { JsonPlan } from "@/lib/remediation/formats/sdk-json";
import { fixFormatNames } from "@/lib/cli/formats/fix-formats";
import { cliAgainstEmulator } from "@/lib/cli/testing/cli-harness";

const { cli, bin } = cliAgainstEmulator();
const STOREFRONT = [STOREFRONT_API_ID, "--demo", "--region", "us-east-1"];
const HEALTHY = [HEALTHY_API_ID, "--demo", "--region", "us-east-1"];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "preflight-fix-"));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function bashSyntaxCheck(script: string): Promise<string> {
  return new Promise((resolve) => {
    const child = execFile("bash", ["-n"], (error, _stdout, stderr) => resolve(error ? stderr || error.message : ""));
    child.stdin?.end(script);
  });
}

describe("preflight fix", () => {
  it("--format cli prints a bash script of AWS CLI calls for the storefront", async () => {
    const r = await cli("fix", ...STOREFRONT, "--format", "cli");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(r.out).toContain("update-method");
    expect(r.out).toContain("create-deployment");
    expect(await bashSyntaxCheck(r.out)).toBe("");
    expect(r.err).toContain("options-requires-authorization:/products:OPTIONS");
    expect(r.err).toContain("Needs IAM: apigateway:");
  });

  it("--format terraform prints HCL that parses", async () => {
    const r = await cli("fix", ...STOREFRONT, "--format", "terraform");
    expect(r.code).toBe(0);
    const hcl = (await parseHcl("preflight.tf", r.out)) as {
      variable: Record<string, Array<{ default: string }>>;
      resource: Record<string, unknown>;
    };
    expect(hcl.variable.rest_api_id?.[0]?.default).toBe(STOREFRONT_API_ID);
    expect(Object.keys(hcl.resource)).toContain("aws_api_gateway_method");
  });

  it("accepts the exact format names too (aws-cli = cli, sdk-json = json)", async () => {
    expect((await cli("fix", ...STOREFRONT, "--format", "aws-cli")).out).toBe((await cli("fix", ...STOREFRONT, "--format", "cli")).out);
    const plan = JSON.parse((await cli("fix", ...STOREFRONT, "--format", "sdk-json")).out) as JsonPlan;
    expect(plan.api.id).toBe(STOREFRONT_API_ID);
  });

  it("--finding RULE_ID:PATH:VERB fixes that finding alone; --stage redeploys only that stage", async () => {
    const one = JSON.parse(
      (await cli("fix", ...STOREFRONT, "--format", "json", "--finding", "options-requires-api-key:/orders:OPTIONS")).out,
    ) as JsonPlan;
    expect(one.findings.map((f) => f.ruleId)).toEqual(["options-requires-api-key"]);
    const deployed = (plan: JsonPlan) =>
      plan.steps.flatMap((s) => (s.type === "call" && s.command === "CreateDeploymentCommand" ? [s.input.stageName] : []));
    expect(deployed(one).sort()).toEqual(["dev", "prod"]);

    const dev = JSON.parse((await cli("fix", ...STOREFRONT, "--format", "json", "--stage", "dev")).out) as JsonPlan;
    expect(deployed(dev)).toEqual(["dev"]);
    // deployment-drift is on prod only in the seed, so it is not part of the dev fix.
    const all = JSON.parse((await cli("fix", ...STOREFRONT, "--format", "json")).out) as JsonPlan;
    expect(all.findings.map((f) => f.ruleId)).toContain("deployment-drift");
    expect(dev.findings.map((f) => f.ruleId)).not.toContain("deployment-drift");
    expect(dev.findings.length).toBeLessThan(all.findings.length);
  });

  it("writes --output (scripts executable) and --bundle (every format in a zip)", async () => {
    const script = join(dir, "fix.sh");
    const zip = join(dir, "fix.zip");
    const r = await cli("fix", ...STOREFRONT, "--format", "cli", "--output", script, "--bundle", zip);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(await readFile(script, "utf8")).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect((await stat(script)).mode & 0o111).toBe(0o111);
    const files = Object.keys(unzipSync(await readFile(zip)));
    expect(files).toContain(`preflight-fix-${STOREFRONT_API_ID}/README.txt`);
    expect(files.some((name) => name.endsWith(".tf"))).toBe(true);
    expect(files.some((name) => name.endsWith(".sh"))).toBe(true);
  });

  it("exits 0 with a one-line note when there is nothing to fix (healthy API)", async () => {
    const r = await cli("fix", ...HEALTHY, "--format", "cli");
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain(`Nothing to fix: ${HEALTHY_API_ID} has no fixable finding at or above medium`);
  });

  it("--min-severity info includes the healthy API's informational authorizer finding (authorizer code formats render)", async () => {
    const r = await cli("fix", ...HEALTHY, "--format", "authorizer-node", "--min-severity", "info");
    expect(r.code).toBe(0);
    expect(r.err).toContain("[info] cached-authorizer-shared-across-methods");
    expect(r.out.length).toBeGreaterThan(0);
  });

  it("exits 2 with a clear message on bad input", async () => {
    const unknown = await cli("fix", ...STOREFRONT, "--format", "xml");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(`--format must be one of ${fixFormatNames().join(", ")}`);
    expect(unknown.err).toContain("cli, json, cloudformation, sam, terraform, cdk, authorizer-node, authorizer-python");
    const noFormat = await cli("fix", ...STOREFRONT);
    expect(noFormat.code).toBe(2);
    expect(noFormat.err).toContain("--format is required");
    const badRule = await cli("fix", ...STOREFRONT, "--format", "cli", "--finding", "no-such-rule");
    expect(badRule.code).toBe(2);
    expect(badRule.err).toContain('"no-such-rule" is not a rule id');
    const badVerb = await cli("fix", ...STOREFRONT, "--format", "cli", "--finding", "missing-preflight:/cart:FETCH");
    expect(badVerb.code).toBe(2);
    expect(badVerb.err).toContain('"FETCH" is not one of');
    const badStage = await cli("fix", ...STOREFRONT, "--format", "cli", "--stage", "qa");
    expect(badStage.code).toBe(2);
    expect(badStage.err).toContain('Stage "qa" does not exist');
    const noAuthorizerCode = await cli("fix", ...STOREFRONT, "--format", "authorizer-python", "--finding", "missing-preflight");
    expect(noAuthorizerCode.code).toBe(2);
    expect(noAuthorizerCode.err).toContain("--format authorizer-python has nothing to render");
  });

  it("runs as bin/preflight.mjs with the process exit codes", async () => {
    const healthy = await bin("fix", ...HEALTHY, "--format", "terraform");
    expect(healthy.code).toBe(0);
    expect(healthy.err).toContain("Nothing to fix");
    const unknown = await bin("fix", ...HEALTHY, "--format", "pulumi");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("--format must be one of cli, json,");
  });
});
