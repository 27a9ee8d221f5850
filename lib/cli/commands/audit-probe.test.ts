import { describe, expect, it } from "vitest";
import { STOREFRONT_API_ID } from "@/lib/emulator";
import type { AuditReport } from "@/lib/audit/types";
import { cliAgainstEmulator } from "@/lib/cli/testing/cli-harness";

const { cli } = cliAgainstEmulator();
const STOREFRONT = [STOREFRONT_API_ID, "--demo", "--region", "us-east-1", "--stage", "prod"];

describe("preflight audit --probe", () => {
  it("prints the request budget before probing and puts the observations in the JSON report", async () => {
    const r = await cli(
      "audit",
      ...STOREFRONT,
      "--probe",
      "--probe-repeat",
      "2",
      "--probe-origin",
      "https://shop.example.com",
      "--format",
      "json",
    );
    expect(r.code).toBe(1);
    const budgetLine = r.err
      .split("\n")
      .findIndex((line) =>
        /^Probe of stage prod: \d+ checks × 2 = \d+ requests to http:\/\/127\.0\.0\.1:\d+\/restapis\/sfront0001\/prod\/_user_request_/.test(
          line,
        ),
      );
    const firstProgress = r.err.split("\n").findIndex((line) => line.startsWith("  probe: "));
    expect(budgetLine).toBeGreaterThanOrEqual(0);
    expect(firstProgress).toBeGreaterThan(budgetLine);
    const report = JSON.parse(r.out) as AuditReport;
    expect(report.probe?.origins).toEqual(["https://shop.example.com"]);
    expect(report.probe?.sent).toBe(report.probe?.budget.requests);
    expect(report.probe?.checks.find((c) => c.path === "/products" && c.kind === "preflight")?.answers[0]?.status).toBe(401);
  });

  it("shows the probe in the text report", async () => {
    const r = await cli("audit", ...STOREFRONT, "--probe", "--probe-repeat", "1", "--probe-origin", "https://shop.example.com");
    expect(r.out).toMatch(/Live probe of stage prod at http:\/\/127\.0\.0\.1:\d+\/restapis\/sfront0001\/prod\/_user_request_/);
    expect(r.out).toContain("matches      OPTIONS /orders (for POST) from https://shop.example.com: observed 403 ForbiddenException ×1");
  });

  it("refuses probe options without --probe, a bad repeat count and a non-origin", async () => {
    expect((await cli("audit", ...STOREFRONT, "--probe-repeat", "3")).err).toContain("--probe-repeat need --probe");
    const repeat = await cli("audit", ...STOREFRONT, "--probe", "--probe-repeat", "0");
    expect(repeat.code).toBe(2);
    expect(repeat.err).toContain("--probe-repeat must be a whole number from 1 to 20");
    const origin = await cli("audit", ...STOREFRONT, "--probe", "--probe-origin", "https://evil.example.com/path");
    expect(origin.code).toBe(2);
    expect(origin.err).toContain("is not an origin");
  });
});
