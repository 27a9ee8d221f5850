import { describe, expect, it } from "vitest";
import { STOREFRONT_API_ID, HEALTHY_API_ID } from "@/lib/emulator";
import { exitCodeFor } from "@/lib/cli/commands/audit";
import { cliAgainstEmulator } from "@/lib/cli/testing/cli-harness";
import type { AuditReport } from "@/lib/audit/types";

const { cli, bin } = cliAgainstEmulator();

describe("preflight CLI", () => {
  it("lists the demo's APIs", async () => {
    const r = await cli("list", "--demo");
    expect(r.code).toBe(0);
    expect(r.out).toContain("us-east-1: 3 REST APIs");
    expect(r.out).toContain(STOREFRONT_API_ID);
  });

  it("lists every region as JSON, one entry per region", async () => {
    const r = await cli("list", "--demo", "--all-regions", "--format", "json");
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { regions: Array<{ region: string; ok: boolean }> };
    expect(parsed.regions.length).toBeGreaterThanOrEqual(30);
    expect(parsed.regions.every((x) => x.ok)).toBe(true);
  });

  it("audits as JSON = the AuditReport, exit 1 on findings at or above --fail-on", async () => {
    const r = await cli("audit", STOREFRONT_API_ID, "--demo", "--region", "us-east-1", "--format", "json", "--fail-on", "high");
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as AuditReport;
    expect(report.reportVersion).toBe(1);
    expect(report.api.id).toBe(STOREFRONT_API_ID);
    expect(report.counts.high).toBeGreaterThan(0);
    expect(r.out).not.toContain("preflight-demo-not-a-secret");
  });

  it("exits 0 for the healthy API at --fail-on high, and --stage limits stages", async () => {
    const r = await cli("audit", HEALTHY_API_ID, "--demo", "--stage", "prod", "--fail-on", "high");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("stages prod");
  });

  it("exits 2 with a clear message on errors", async () => {
    expect((await cli("audit", "nosuchapi1", "--demo")).err).toContain("[api:not-found]");
    expect((await cli("audit", "nosuchapi1", "--demo")).code).toBe(2);
    expect((await cli("audit", "--demo")).code).toBe(2);
    expect((await cli("audit", "x y", "--demo")).err).toContain("not a REST API id");
    expect((await cli("audit", HEALTHY_API_ID, "--demo", "--fail-on", "urgent")).err).toContain("--fail-on must be");
    expect((await cli("audit", HEALTHY_API_ID, "--demo", "--format", "xml")).err).toContain("--format must be");
    expect((await cli("audit", HEALTHY_API_ID, "--demo", "--bogus")).err).toContain("Usage:");
    expect((await cli("list", "--demo", "--profile", "x")).err).toContain("--demo cannot be combined");
    expect((await cli("frobnicate")).code).toBe(2);
  });

  it("help lists every command with its usage", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    for (const name of ["list", "audit", "fix"]) expect(r.out).toContain(`preflight ${name} `);
    expect(r.out).toContain("--format cli|json|cloudformation|sam|terraform|cdk|authorizer-node|authorizer-python");
  });

  it("computes exit codes from counts", () => {
    const counts = { critical: 0, high: 0, medium: 1, low: 0, info: 3 };
    expect(exitCodeFor(counts, "high")).toBe(0);
    expect(exitCodeFor(counts, "medium")).toBe(1);
    expect(exitCodeFor(counts, "info")).toBe(1);
    expect(exitCodeFor(counts, "none")).toBe(0);
  });

  it("runs as bin/preflight.mjs (tsx, react-server condition)", async () => {
    const r = await bin("list", "--demo");
    expect(r.code).toBe(0);
    expect(r.out).toContain(HEALTHY_API_ID);
  });
});
