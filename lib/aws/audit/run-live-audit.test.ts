import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, STOREFRONT_API_ID, HEALTHY_API_ID, type Emulator } from "@/lib/emulator";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { emulatorConnection, fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { apiModelSchema } from "@/lib/model/schema";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());
afterEach(() => emu.reset());

const audit = (restApiId: string, extra: { stage?: string } = {}) =>
  runAudit({ connection: emulatorConnection(emu.url), region: "us-east-1", restApiId, live: fastLiveOptions(), ...extra });

describe("runAudit", () => {
  it("produces a complete report for the storefront with findings, counts and stats", async () => {
    const result = await audit(STOREFRONT_API_ID);
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const r = result.report;
    expect(r.partial).toBe(false);
    expect(r.api).toMatchObject({ id: STOREFRONT_API_ID, region: "us-east-1", accountId: "123456789012" });
    // The emulator's STS answers GetCallerIdentity, so the account is known rather than inferred.
    // The only gap: prod's canary deployment is not exportable (an export is of a stage), so the draft fills it in.
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: "partial-read",
        part: "deployments",
        message: expect.stringContaining("canary deployment sfdeploy03"),
      }),
    ]);
    expect(r.source).toEqual({ kind: "live", connection: "demo", customEndpoint: true });
    expect(r.findings.length).toBeGreaterThan(3);
    expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(r.findings.length);
    // ⌈R/500⌉ + 4 + 2 exports (prod, dev) + 1 canary summary (STS is skipped for the custom endpoint).
    expect(r.stats.totalCalls).toBe(8);
    expect(r.stats.calls).toMatchObject({ GetExport: 2, GetDeployment: 1 });
    expect(r.stats.wallTimeMs).toBeGreaterThanOrEqual(0);
    expect(apiModelSchema.safeParse(r.model).success).toBe(true);
    expect(new Set(r.findings.map((f) => f.ruleId))).toContain("options-requires-authorization");
  });

  it("is partial, with not-evaluated rules, when gateway responses are denied", async () => {
    emu.faults.add({ operation: "GetGatewayResponses", kind: "AccessDenied" });
    const result = await audit(STOREFRONT_API_ID);
    if (!result.ok) throw new Error("expected a report");
    expect(result.report.partial).toBe(true);
    expect(result.report.warnings).toContainEqual(expect.objectContaining({ code: "partial-read", part: "gatewayResponses" }));
    expect(result.report.notEvaluated.some((n) => n.missing.includes("gatewayResponses"))).toBe(true);
  });

  it("limits the model to one stage, and refuses an unknown stage", async () => {
    const one = await audit(HEALTHY_API_ID, { stage: "prod" });
    expect(one.ok && one.report.model.stages.map((s) => s.name)).toEqual(["prod"]);
    const none = await audit(HEALTHY_API_ID, { stage: "qa" });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.failure).toMatchObject({ kind: "stage-not-found", stages: ["prod"] });
  });

  it("returns the typed error for an unknown API", async () => {
    const result = await audit("missing001");
    expect(result.ok).toBe(false);
    if (!result.ok && result.failure.kind === "aws") expect(result.failure.error.code).toBe("api:not-found");
  });
});
