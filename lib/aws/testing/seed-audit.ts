/** Test helper: a fresh emulator and the live audit of one of its seeded APIs, as the app would read it. */
import { afterAll, beforeAll } from "vitest";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { AuditReport } from "@/lib/audit/types";
import type { Emulator } from "@/lib/emulator";

/** The caller closes the emulator (also when the audit fails, it is closed here before throwing). */
export async function auditSeededApi(restApiId: string): Promise<{ emulator: Emulator; report: AuditReport }> {
  const { emulator, connection } = await startEmulatorWithDemoConnection();
  const result = await runAudit({ connection, region: "us-east-1", restApiId });
  if (!result.ok) {
    await emulator.close();
    throw new Error(JSON.stringify(result.failure));
  }
  return { emulator, report: result.report };
}

/**
 * Inside a describe: audits the seeded API once before its tests and closes the emulator after them. Returns
 * a getter, since the report exists only once beforeAll has run.
 */
export function useSeededAudit(restApiId: string): () => AuditReport {
  let emulator: Emulator | undefined;
  let report: AuditReport | undefined;
  beforeAll(async () => {
    ({ emulator, report } = await auditSeededApi(restApiId));
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!report) throw new Error(`useSeededAudit: the audit of ${restApiId} has not run (call it inside describe)`);
    return report;
  };
}
