import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import { HEALTHY_API_ID } from "@/lib/emulator/seeds/healthy";
import { STOREFRONT_API_ID, STOREFRONT_PLANTED } from "@/lib/emulator/seeds/storefront";
import type { Finding } from "@/lib/rules/types";
import { runAudit } from "@/lib/aws/audit/run-live-audit";

/**
 * Accuracy end to end: the real reader (AWS SDK) against the emulator's seeds, then every rule.
 * Every problem planted in the storefront must be found at its target; the healthy twin must stay quiet.
 */

// A planted item is found when some finding names one of its "where" targets.
function matches(finding: Finding, where: string, stage: string | undefined): boolean {
  const t = finding.target;
  if (stage !== undefined && !finding.stages.includes(stage)) return false;
  if (where === "gatewayresponses") return t.responseType !== undefined;
  if (where.startsWith("stage:")) return t.stage === where.slice("stage:".length);
  if (where.startsWith("authorizer:")) return authorizerName(finding) === where.slice("authorizer:".length);
  const [verb, path] = where.split(" ");
  return t.path === path && (t.httpMethod === verb || (t.httpMethod === undefined && finding.ruleId === "missing-preflight"));
}

let authorizerNames = new Map<string, string>();
function authorizerName(finding: Finding): string | undefined {
  return finding.target.authorizerId === undefined ? undefined : authorizerNames.get(finding.target.authorizerId);
}

// Not a defect Preflight can see: storefront-request protects one method (GET /orders) and its
// method-scoped policy is only ever reused for that same method, so caching it is correct.
const NOT_A_DEFECT = new Set(["request-authorizer"]);

describe("audit accuracy on the emulator seeds", () => {
  let emulator: Emulator;
  let connection: Connection;

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function audit(restApiId: string) {
    const result = await runAudit({ connection, region: "us-east-1", restApiId });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    return result.report;
  }

  it("finds every planted storefront problem at its target", async () => {
    const report = await audit(STOREFRONT_API_ID);
    authorizerNames = new Map(report.model.authorizers.map((a) => [a.id, a.name]));
    expect(report.notEvaluated).toEqual([]);
    for (const planted of STOREFRONT_PLANTED) {
      if (NOT_A_DEFECT.has(planted.id)) continue;
      const found = planted.where.some((where) => report.findings.some((f) => matches(f, where, planted.stage)));
      expect(found, `${planted.id}: ${planted.problem} at ${planted.where.join(", ")}`).toBe(true);
    }
  }, 60_000);

  it("reports the storefront's headline problems with the exact answers API Gateway gives", async () => {
    const report = await audit(STOREFRONT_API_ID);
    const at = (ruleId: string, path: string) => report.findings.find((f) => f.ruleId === ruleId && f.target.path === path);
    expect(at("options-requires-authorization", "/products")?.message).toContain('401 {"message":"Unauthorized"}');
    expect(at("options-requires-authorization", "/account")?.message).toContain("Cognito authorizer 'storefront-cognito'");
    expect(at("options-requires-api-key", "/orders")?.message).toContain('403 {"message":"Forbidden"}');
    expect(at("missing-preflight", "/cart")?.message).toContain('403 {"message":"Missing Authentication Token"}');
    expect(at("options-requires-authorization", "/orders/{id}")).toMatchObject({ messageId: "fixedNotDeployed", stages: ["prod"] });
    expect(at("preflight-response-incomplete", "/products/{id}")?.message).toMatch(/omits PUT, DELETE .*omits Authorization/);
  }, 60_000);

  it("finds nothing above info on the healthy twin", async () => {
    const report = await audit(HEALTHY_API_ID);
    expect(report.notEvaluated).toEqual([]);
    const aboveInfo = report.findings.filter((f) => f.severity !== "info");
    expect(aboveInfo.map((f) => `${f.ruleId} ${JSON.stringify(f.target)}`)).toEqual([]);
  }, 60_000);
});
