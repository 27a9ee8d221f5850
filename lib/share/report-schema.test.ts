import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import type { AuditReport } from "@/lib/audit/types";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { auditReportSchema } from "@/lib/share/report-schema";

/**
 * A stored audit must render exactly like the live one: the full storefront report, read from the emulator
 * by the real reader, survives JSON and the stored-report schema with nothing stripped or changed.
 */
describe("stored-report schema round trip", () => {
  let emulator: Emulator;
  let report: AuditReport;

  beforeAll(async () => {
    const started = await startEmulatorWithDemoConnection();
    emulator = started.emulator;
    const result = await runAudit({ connection: started.connection, region: "us-east-1", restApiId: STOREFRONT_API_ID });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    report = result.report;
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
  });

  it("keeps every field of the storefront report", () => {
    // The report exercises the schema broadly: findings with fixes, authorizers, stages with settings and drift.
    expect(report.findings.some((finding) => finding.fixes.length > 0)).toBe(true);
    expect(report.model.stages.some((stage) => stage.drift.length > 0)).toBe(true);
    const stored = JSON.parse(JSON.stringify(report)) as unknown;
    const parsed = auditReportSchema.parse(stored);
    expect(parsed).toStrictEqual(stored);
  });
});
