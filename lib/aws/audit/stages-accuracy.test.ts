import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import {
  STOREFRONT_API_ID,
  STOREFRONT_CANARY_DEPLOYMENT_ID,
  STOREFRONT_CANARY_PERCENT,
  STOREFRONT_PROD_DEPLOYMENT_ID,
} from "@/lib/emulator/seeds/storefront";
import type { AuditReport } from "@/lib/audit/types";
import type { Finding } from "@/lib/rules/types";
import { runAudit } from "@/lib/aws/audit/run-live-audit";

/**
 * Issue 13 end to end: what each stage serves, read with GetExport through the real SDK, with the storefront's two
 * plantings for it: a CORS fix made in the draft and never deployed (GET /account), and prod's 10 % canary serving a
 * deployment that required an API key on OPTIONS /account. The wording and severity asserted are what users see.
 */
describe("what each stage serves (storefront)", () => {
  let emulator: Emulator;
  let connection: Connection;
  let report: AuditReport;

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
  });
  beforeEach(async () => {
    emulator.reset();
    const result = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    report = result.report;
  });
  afterAll(async () => emulator?.close());

  const find = (ruleId: string, path: string, verb: string, stage?: string): Finding[] =>
    report.findings.filter(
      (f) =>
        f.ruleId === ruleId && f.target.path === path && f.target.httpMethod === verb && (stage === undefined || f.target.stage === stage),
    );

  it("a CORS fix made in the draft but not deployed is still reported for the stages that serve the old response", () => {
    const [finding, ...others] = find("actual-response-without-cors", "/account", "GET");
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: "medium", stages: ["dev", "prod"], draftOnly: false });
    expect(finding?.message).toContain("Fixed in the draft but not deployed: stages dev, prod still serve it until redeployed.");
    expect(finding?.evidence.fixedInDraft).toBe(true);
  });

  it("says per setting how each stage differs from the draft: deployed, but changed since", () => {
    for (const stage of ["prod", "dev"]) {
      const drift = find("deployment-drift", "/account", "GET", stage);
      expect(drift.map((f) => f.message).sort()).toEqual([
        `Stage ${stage} serves GET /account with integration response 200 header Access-Control-Allow-Origin (none); the draft has '*' (deployed, but changed since).`,
        `Stage ${stage} serves GET /account with method response 200 header Access-Control-Allow-Origin (none); the draft has declared (deployed, but changed since).`,
      ]);
      expect(drift.every((f) => f.severity === "low" && f.fixes.some((fix) => fix.kind === "redeploy-stage"))).toBe(true);
    }
  });

  it("a canary-only problem says it affects the canary's share of requests", () => {
    const [finding, ...others] = find("options-requires-api-key", "/account", "OPTIONS");
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: "high", stages: ["prod"], draftOnly: false });
    expect(finding?.symptom).toMatch(new RegExp(`^For ${STOREFRONT_CANARY_PERCENT} % of requests to prod \\(its canary\\): `));
    expect(finding?.message).toContain(
      `Only in stage prod's canary (deployment ${STOREFRONT_CANARY_DEPLOYMENT_ID}): it affects ${STOREFRONT_CANARY_PERCENT} % of requests.`,
    );
    expect(finding?.evidence).toMatchObject({ canaryOnly: true, canaryPercent: STOREFRONT_CANARY_PERCENT });
  });

  it("a problem the canary fixed says it affects the rest of the stage's requests", () => {
    const [finding] = find("options-requires-authorization", "/orders/{id}", "OPTIONS");
    expect(finding).toMatchObject({ severity: "high", stages: ["prod"], messageId: "fixedNotDeployed" });
    expect(finding?.message).toContain(
      `On stage prod this affects the 90 % of requests its deployment ${STOREFRONT_PROD_DEPLOYMENT_ID} serves; its canary (deployment ${STOREFRONT_CANARY_DEPLOYMENT_ID}, 10 % of requests) does not have it.`,
    );
  });

  it("holds each stage's served configuration in the model, read from its export, and the canary from its summary", () => {
    const prod = report.model.stages.find((s) => s.name === "prod");
    expect(prod?.deployment?.served).toMatchObject({ source: "export", exportedStage: "prod", filledFromDraft: [] });
    const servedOptions = prod?.deployment?.served?.resources
      .find((r) => r.path === "/orders/{id}")
      ?.methods.find((m) => m.httpMethod === "OPTIONS");
    expect(servedOptions?.authorizationType).toBe("CUSTOM");
    // Ids are the draft's, so the matrix and fixes can point at them.
    const draftResource = report.model.resources.find((r) => r.path === "/orders/{id}");
    expect(servedOptions?.resourceId).toBe(draftResource?.id);
    expect(prod?.canary).toMatchObject({ deploymentId: STOREFRONT_CANARY_DEPLOYMENT_ID, percentTraffic: 10 });
    expect(prod?.canary?.deployment?.served?.source).toBe("apisummary");
  });
});
