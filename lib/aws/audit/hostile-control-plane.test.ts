import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { runAudit, type RunAuditResult } from "@/lib/aws/audit/run-live-audit";
import { MAX_ITEMS } from "@/lib/aws/reader/read-api";
import { DEFAULT_AUDIT_TIMEOUT_MS } from "@/lib/aws/reader/live-reader";
import { fastLiveOptions, startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import { UNKNOWN_ENUM_VALUE } from "@/lib/emulator/body-faults";
import type { FaultSpec } from "@/lib/emulator/faults";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds";
import type { AuditReport } from "@/lib/audit/types";

/**
 * A broken proxy or a future API Gateway version (issue 15): the emulator alters its answers (lib/emulator/body-faults.ts,
 * SlowDrip) and the real SDK reads them. Every case ends in a labelled result (a partial audit naming what is missing,
 * warnings naming what was left out, or a named error) within the audit's time limit, and nothing rejects unhandled.
 */
// Short limits for the trickling bodies (which only a deadline ends); the default ones (30 s a call, 120 s an audit)
// for the big bodies, which a busy shared machine may take seconds to parse: they must end labelled, not time out.
const DRIP_LIMITS = { callTimeoutMs: 1_000, auditTimeoutMs: 4_000 };
// The audit's deadline plus what normalising and the rules may take on a busy shared machine.
const SLACK_MS = 6_000;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

// Bodies of several megabytes (10,000 items, 1 MiB strings, deep nesting) take seconds to parse on a busy machine.
describe("a hostile or broken control plane", { timeout: 60_000 }, () => {
  let emulator: Emulator;
  let connection: Connection;

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
  }, 60_000);
  afterEach(() => emulator.faults.clear());
  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await emulator?.close();
  });

  async function auditWith(
    fault: FaultSpec,
    limits: { callTimeoutMs?: number; auditTimeoutMs?: number } = {},
  ): Promise<{ result: RunAuditResult; ms: number }> {
    emulator.faults.add(fault);
    const start = Date.now();
    const result = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID, live: fastLiveOptions(limits) });
    const ms = Date.now() - start;
    // Let a late socket error or a losing race settle before looking for unhandled rejections.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(ms).toBeLessThan((limits.auditTimeoutMs ?? DEFAULT_AUDIT_TIMEOUT_MS) + SLACK_MS);
    return { result, ms };
  }

  function report(result: RunAuditResult): AuditReport {
    if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.failure)}`);
    return result.report;
  }

  const warningsOf = (r: AuditReport, code: string) => r.warnings.filter((w) => w.code === code).map((w) => w.message);

  it("a truncated GetRestApi answer is a named error: response:malformed", async () => {
    const { result } = await auditWith({ operation: "GetRestApi", kind: "MalformedJson" });
    expect(result.ok).toBe(false);
    if (result.ok || result.failure.kind !== "aws") throw new Error("expected an AWS failure");
    expect(result.failure.error.code).toBe("response:malformed");
    expect(result.failure.error.operation).toBe("GetRestApi");
  });

  it("a truncated GetResources answer is a partial audit: resources missing, their rules not evaluated", async () => {
    const r = report((await auditWith({ operation: "GetResources", kind: "MalformedJson" })).result);
    expect(r.partial).toBe(true);
    expect(r.model.missing.map((m) => m.part)).toEqual(["resources"]);
    expect(warningsOf(r, "partial-read").join(" ")).toMatch(/GetResources .*not valid JSON/);
    expect(r.notEvaluated.some((n) => n.missing.includes("resources"))).toBe(true);
  });

  it("unknown enum values are named in warnings and mapped conservatively", async () => {
    const r = report((await auditWith({ operation: "GetResources", kind: "UnexpectedEnum" })).result);
    const unexpected = warningsOf(r, "unexpected-value");
    expect(unexpected.some((m) => m.includes(`authorizationType "${UNKNOWN_ENUM_VALUE}"`))).toBe(true);
    expect(unexpected.some((m) => m.includes(`integration of unknown type "${UNKNOWN_ENUM_VALUE}"`))).toBe(true);
    // Treated as CUSTOM, never as NONE: an unknown authorization is not reported as open.
    expect(r.model.resources.flatMap((res) => res.methods).every((m) => m.authorizationType === "CUSTOM")).toBe(true);

    const api = report((await auditWith({ operation: "GetRestApi", kind: "UnexpectedEnum" })).result);
    expect(warningsOf(api, "unexpected-value").some((m) => m.includes(`apiKeySource "${UNKNOWN_ENUM_VALUE}"`))).toBe(true);
  });

  it("items without their identity are left out and the part is listed as incomplete", async () => {
    const r = report((await auditWith({ operation: "GetStages", kind: "MissingFields" })).result);
    expect(r.partial).toBe(true);
    const missing = r.model.missing.find((m) => m.part === "stages");
    expect(missing?.reason).toMatch(/GetStages answered \d+ of \d+ stages .*left out/);
    expect(r.model.stages).toEqual([]);
  });

  it("10,000 stages: the first hundred are audited and the part is listed as incomplete", async () => {
    const r = report((await auditWith({ operation: "GetStages", kind: "ManyItems" })).result);
    expect(r.model.stages).toHaveLength(MAX_ITEMS.stages);
    expect(r.model.missing.find((m) => m.part === "stages")?.reason).toMatch(/answered 10000 stages.*first 100/);
  });

  it("10,000 resources in one answer are audited in full", async () => {
    const r = report((await auditWith({ operation: "GetResources", kind: "ManyItems" })).result);
    expect(r.partial).toBe(false);
    expect(r.model.resources).toHaveLength(10_000);
  });

  it("1 MiB names, descriptions and paths: a complete audit", async () => {
    const r = report((await auditWith({ operation: "GetResources", kind: "HugeStrings" })).result);
    expect(r.partial).toBe(false);
    expect(Math.max(...r.model.resources.map((res) => res.path.length))).toBeGreaterThan(1024 * 1024);
  });

  it("10,000-deep structures where maps belong are left out and counted", async () => {
    const r = report((await auditWith({ operation: "GetResources", kind: "DeepNesting" })).result);
    expect(warningsOf(r, "unexpected-value").some((m) => /GetResources answered \d+ \w+ values? of an undocumented type/.test(m))).toBe(
      true,
    );
    // Nothing nested reached the model: every header mapping is a string.
    for (const method of r.model.resources.flatMap((res) => res.methods))
      for (const response of method.integration?.integrationResponses ?? [])
        for (const value of Object.values(response.responseParameters)) expect(typeof value).toBe("string");
    const stages = report((await auditWith({ operation: "GetStages", kind: "DeepNesting" })).result);
    expect(warningsOf(stages, "unexpected-value").join(" ")).toMatch(/GetStages answered \d+ variables values? of an undocumented type/);
  });

  it("a GetResources body that trickles in is cut off by the call deadline: a partial audit", async () => {
    const { result } = await auditWith({ operation: "GetResources", kind: "SlowDrip", chunkBytes: 8, delayMs: 200 }, DRIP_LIMITS);
    const r = report(result);
    expect(r.partial).toBe(true);
    expect(warningsOf(r, "partial-read").join(" ")).toMatch(/GetResources .*no complete answer in time/);
  });

  it("a GetRestApi body that trickles in is a named error: network:timeout", async () => {
    const { result } = await auditWith({ operation: "GetRestApi", kind: "SlowDrip", chunkBytes: 8, delayMs: 200 }, DRIP_LIMITS);
    expect(result.ok).toBe(false);
    if (result.ok || result.failure.kind !== "aws") throw new Error("expected an AWS failure");
    expect(result.failure.error.code).toBe("network:timeout");
  });
});
