import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import type { AuditReport } from "@/lib/audit/types";
import type { Emulator } from "@/lib/emulator";
import { getStage } from "@/lib/emulator/control-plane/stages";
import { STOREFRONT_API_ID, STOREFRONT_CANARY_DEPLOYMENT_ID, STOREFRONT_CANARY_PERCENT } from "@/lib/emulator/seeds/storefront";
import { createRemediationContext } from "@/lib/remediation/context";
import { renderAll } from "@/lib/remediation/render-all";
import { applyJsonPlan } from "@/lib/aws/remediation/apply-json-plan";
import { emulatorClient } from "@/lib/emulator/testing/sdk-client";
import { awsCliV2Version, runFixScript } from "@/lib/remediation/testing/aws-cli-v2";
import { planWholeApi } from "@/lib/remediation/whole-api-plan";
import type { Finding } from "@/lib/rules/types";

/**
 * The storefront's prod stage sends 10 % of its requests to a canary deployment whose OPTIONS /account requires an
 * API key (lib/emulator/seeds/storefront.ts). A redeploy replaces only the stage's main deployment, so before the
 * remove-stage-canary intent every fix left that 403 in place. Here the generated bash script runs with the real AWS
 * CLI v2 against the emulator, with the canary left as seeded, and the canary is gone afterwards. Without AWS CLI v2
 * the suite is skipped locally and fails under CI (.ci/run installs it).
 */
const cliVersion = awsCliV2Version();
const inCi = !!process.env.CI && !["0", "false"].includes(process.env.CI.toLowerCase());
const describeCli = cliVersion || inCi ? describe : describe.skip;

const key = (finding: Finding) => `${finding.ruleId} ${JSON.stringify(finding.target)}`;
const removesCanary = (finding: Finding) => finding.fixes.some((intent) => intent.kind === "remove-stage-canary");

describeCli("the generated fix removes a canary that serves a problem, with the real AWS CLI v2", () => {
  let emulator: Emulator;
  let connection: Connection;

  beforeAll(async () => {
    expect(cliVersion, "AWS CLI v2 in /usr/bin (sudo apt-get install -y awscli)").toMatch(/^aws-cli\/2\./);
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
  });
  beforeEach(() => emulator.reset());
  afterAll(async () => {
    await emulator?.close();
  });

  async function audit(): Promise<AuditReport> {
    const result = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    return result.report;
  }

  /** Statuses of `count` browser preflights to prod's OPTIONS /account, the canary's share drawn from a fixed seed. */
  async function preflightStatuses(count: number): Promise<number[]> {
    emulator.store.seedRandom(7);
    const statuses: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await fetch(`${emulator.url}/restapis/${STOREFRONT_API_ID}/prod/_user_request_/account`, {
        method: "OPTIONS",
        headers: { Origin: "https://shop.example.com", "Access-Control-Request-Method": "GET" },
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    return statuses;
  }

  const canaryOf = () => getStage(emulator.store.scope(), STOREFRONT_API_ID, "prod").canarySettings;

  it("the canary-only finding's script removes prod's canary, and a new audit no longer has the finding", async () => {
    const before = await audit();
    const canaryOnly = before.findings.filter((finding) => finding.evidence.canaryOnly === true);
    expect(canaryOnly.map((finding) => finding.fixes)).toContainEqual([
      {
        kind: "remove-stage-canary",
        stage: "prod",
        canaryDeploymentId: STOREFRONT_CANARY_DEPLOYMENT_ID,
        percentTraffic: STOREFRONT_CANARY_PERCENT,
      },
    ]);

    const bundle = renderAll(canaryOnly, createRemediationContext(before.model, canaryOnly));
    const script = bundle.snippets.find((snippet) => snippet.format === "aws-cli")!.content;
    // One stage change and nothing else: the draft and prod's own deployment do not have the problem.
    expect(script.match(/"\$\{AWS\[@\]\}" apigateway [a-z-]+/g)).toEqual(['"${AWS[@]}" apigateway update-stage']);
    await runFixScript(script, emulator.url);

    expect(canaryOf()).toBeUndefined();
    const after = await audit();
    expect(after.findings.filter((finding) => canaryOnly.some((old) => key(old) === key(finding))).map(key)).toEqual([]);
    expect(after.findings.filter(removesCanary).map(key)).toEqual([]);
  }, 120_000);

  it("the whole-API script redeploys prod before removing its canary, and leaves no fixable finding behind", async () => {
    expect(new Set(await preflightStatuses(50))).toEqual(new Set([401]));
    const before = await audit();
    expect(canaryOf()).toMatchObject({ deploymentId: STOREFRONT_CANARY_DEPLOYMENT_ID });
    const plan = planWholeApi(before);
    if (plan.status !== "ready") throw new Error(`no whole-API plan: ${JSON.stringify(plan)}`);
    const script = plan.bundle.snippets.find((snippet) => snippet.format === "aws-cli")!.content;
    const redeployProd = script.search(/apigateway create-deployment \\\n\s+--rest-api-id "\$API_ID" \\\n\s+--stage-name prod/);
    const removeCanary = script.indexOf("/canarySettings");
    expect(redeployProd).toBeGreaterThan(0);
    expect(removeCanary).toBeGreaterThan(redeployProd);

    await runFixScript(script, emulator.url);

    expect(canaryOf()).toBeUndefined();
    // Every preflight is answered by the redeployed, fixed draft (before: its TOKEN authorizer's 401, on both deployments).
    expect(new Set(await preflightStatuses(50))).toEqual(new Set([200]));
    const after = await audit();
    const remaining = after.findings.filter(
      (finding) => finding.fixes.length > 0 && before.findings.some((old) => old.fixes.length > 0 && key(old) === key(finding)),
    );
    expect(remaining.map(key)).toEqual([]);
  }, 300_000);

  it("the JSON plan, applied with the SDK, removes the canary the same way (UpdateStage remove /canarySettings)", async () => {
    const before = await audit();
    const plan = planWholeApi(before);
    if (plan.status !== "ready") throw new Error(`no whole-API plan: ${JSON.stringify(plan)}`);
    const json = JSON.parse(plan.bundle.snippets.find((snippet) => snippet.format === "sdk-json")!.content) as unknown;
    const result = await applyJsonPlan(emulatorClient(emulator.url), json);
    expect(result.applied.length).toBeGreaterThan(0);
    expect(canaryOf()).toBeUndefined();
    const after = await audit();
    expect(after.findings.filter(removesCanary).map(key)).toEqual([]);
  }, 120_000);
});
