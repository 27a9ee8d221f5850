import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import type { AuditReport } from "@/lib/audit/types";
import type { Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { emulatorClient } from "@/lib/emulator/testing/sdk-client";
import { applyJsonPlan, validateJsonPlan } from "@/lib/aws/remediation/apply-json-plan";
import { createRemediationContext } from "@/lib/remediation/context";
import { renderAll } from "@/lib/remediation/render-all";
import { awsCliV2Version, runFixScript } from "@/lib/remediation/testing/aws-cli-v2";
import { ruleById } from "@/lib/rules";
import type { Finding } from "@/lib/rules/types";

/**
 * End to end on the emulator's storefront: audit, apply the generated fixes (JSON plan through the SDK, or
 * the bash script through the real AWS CLI v2), audit again. Every fixable finding must be gone and no new
 * one may appear.
 */
const key = (finding: Finding) => `${finding.ruleId} ${JSON.stringify(finding.target)}`;
const fixable = (finding: Finding) => finding.fixes.length > 0 && ruleById(finding.ruleId)?.meta.fixable === true;

describe("generated fixes applied to the emulator", () => {
  let emulator: Emulator;
  let connection: Connection;

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
  });
  beforeEach(() => {
    emulator.reset();
    // prod keeps its seeded canary: the plan's remove-stage-canary step must settle it like any other finding.
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function audit(): Promise<AuditReport> {
    const result = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    return result.report;
  }

  function expectFixed(before: AuditReport, after: AuditReport): void {
    const beforeKeys = new Set(before.findings.map(key));
    const remainingFixable = after.findings.filter(
      (finding) => fixable(finding) && before.findings.some((old) => key(old) === key(finding)),
    );
    expect(remainingFixable.map(key)).toEqual([]);
    expect(after.findings.filter((finding) => !beforeKeys.has(key(finding))).map(key)).toEqual([]);
  }

  it("the JSON plan, applied with the SDK, fixes every fixable finding", async () => {
    const before = await audit();
    expect(before.findings.filter(fixable).length).toBeGreaterThan(3);
    const bundle = renderAll(before.findings, createRemediationContext(before.model, before.findings));
    const plan = validateJsonPlan(JSON.parse(bundle.snippets.find((snippet) => snippet.format === "sdk-json")!.content));
    const result = await applyJsonPlan(emulatorClient(emulator.url), plan);
    expect(result.applied.length).toBeGreaterThan(0);
    expectFixed(before, await audit());
  }, 120_000);

  it("applying the JSON plan twice is safe", async () => {
    const before = await audit();
    const bundle = renderAll(before.findings, createRemediationContext(before.model, before.findings));
    const plan = JSON.parse(bundle.snippets.find((snippet) => snippet.format === "sdk-json")!.content) as unknown;
    await applyJsonPlan(emulatorClient(emulator.url), plan);
    const second = await applyJsonPlan(emulatorClient(emulator.url), plan);
    expect(second.applied.some((step) => step.outcome === "skipped-exists")).toBe(true);
  }, 120_000);

  it("the bash script, run with the real AWS CLI v2, fixes every fixable finding", async () => {
    expect(awsCliV2Version()).toMatch(/^aws-cli\/2\./);
    const before = await audit();
    const bundle = renderAll(before.findings, createRemediationContext(before.model, before.findings));
    await runFixScript(bundle.snippets.find((snippet) => snippet.format === "aws-cli")!.content, emulator.url);
    expectFixed(before, await audit());
  }, 300_000);
});
