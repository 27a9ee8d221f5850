import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT_ID, PREFLIGHT_AUDIT_EXTERNAL_ID, PREFLIGHT_AUDIT_ROLE_ARN, SECOND_ACCOUNT_ID } from "@/lib/emulator";
import { seedHealthy, seedProxy } from "@/lib/emulator/seeds";
import { cliAgainstEmulator } from "@/lib/cli/testing/cli-harness";

const { cli, emulator } = cliAgainstEmulator();

/** The demo account keeps its five seeded APIs; the second account (reached through the demo's role) gets two. */
function seedSecondAccount(): void {
  const scope = emulator().store.scope(SECOND_ACCOUNT_ID, "us-east-1");
  seedHealthy(scope);
  seedProxy(scope);
}

const twoAccounts = (out: string) => [
  "sweep",
  "--demo",
  "--role-arn",
  PREFLIGHT_AUDIT_ROLE_ARN,
  "--external-id",
  PREFLIGHT_AUDIT_EXTERNAL_ID,
  "--region",
  "us-east-1",
  "--out",
  out,
  "--fail-on",
  "none",
];

interface Summary {
  accounts: string[];
  apis: { accountId?: string; apiId: string; ok: boolean; report?: string }[];
}

describe("preflight sweep", () => {
  it("audits every API of two accounts, one report per API and a summary", async () => {
    seedSecondAccount();
    const out = mkdtempSync(join(tmpdir(), "preflight-sweep-"));
    const run = await cli(...twoAccounts(out));
    expect(run.code, run.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as Summary;
    expect(summary.accounts).toHaveLength(2);
    const byAccount = (account: string) => summary.apis.filter((api) => api.accountId === account);
    expect(byAccount(DEFAULT_ACCOUNT_ID)).toHaveLength(5);
    expect(byAccount(SECOND_ACCOUNT_ID)).toHaveLength(2);
    expect(summary.apis.every((api) => api.ok)).toBe(true);
    const files = readdirSync(out).filter((file) => file !== "summary.json");
    expect(files.sort()).toEqual(summary.apis.map((api) => api.report).sort());
    const report = JSON.parse(readFileSync(join(out, files[0]!), "utf8")) as { api: { id: string } };
    expect(summary.apis.some((api) => api.apiId === report.api.id)).toBe(true);
    // Each API read once, in its own account.
    const log = emulator().requestLog.entries();
    const reads = (account: string) => log.filter((entry) => entry.operation === "GetRestApi" && entry.accountId === account).length;
    expect(reads(DEFAULT_ACCOUNT_ID)).toBe(5);
    expect(reads(SECOND_ACCOUNT_ID)).toBe(2);
  });

  it("one account's throttling does not slow another: the other's whole sweep is done before the throttled one reads an API", async () => {
    seedSecondAccount();
    // The demo account's listing is refused once with Retry-After: 1 (as API Gateway's 429 does).
    emulator().faults.add({ operation: "GetRestApis", kind: "Throttle", accountId: DEFAULT_ACCOUNT_ID, times: 1 });
    const out = mkdtempSync(join(tmpdir(), "preflight-sweep-"));
    const run = await cli(...twoAccounts(out));
    expect(run.code, run.err).toBe(0);
    const log = emulator().requestLog.entries();
    const second = log.filter((entry) => entry.accountId === SECOND_ACCOUNT_ID);
    const firstThrottledRead = log.findIndex((entry) => entry.accountId === DEFAULT_ACCOUNT_ID && entry.operation === "GetRestApi");
    expect(second.every((entry) => entry.status === 200)).toBe(true);
    expect(second.filter((entry) => entry.operation === "GetRestApi")).toHaveLength(2);
    expect(firstThrottledRead).toBeGreaterThan(-1);
    const lastSecond = log.map((entry) => entry.accountId).lastIndexOf(SECOND_ACCOUNT_ID);
    expect(lastSecond).toBeLessThan(firstThrottledRead);
    // And the throttled account still finishes: all five APIs audited.
    const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as Summary;
    expect(summary.apis.filter((api) => api.accountId === DEFAULT_ACCOUNT_ID && api.ok)).toHaveLength(5);
  });

  it("refuses a sweep without --out or with both --region and --all-regions", async () => {
    expect((await cli("sweep", "--demo", "--region", "us-east-1")).code).toBe(2);
    expect((await cli("sweep", "--demo", "--region", "us-east-1", "--all-regions", "--out", tmpdir())).code).toBe(2);
  });
});
