import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  PREFLIGHT_AUDIT_EXTERNAL_ID,
  PREFLIGHT_AUDIT_ROLE_ARN,
  SECOND_ACCOUNT_ID,
  STOREFRONT_API_ID,
  startEmulator,
  type Emulator,
} from "@/lib/emulator";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { openConnection } from "@/lib/aws/connections/connection";
import type { ConnectionSpec } from "@/lib/aws/connections/connection-id";
import { callerAccountId } from "@/lib/aws/identity/caller-account";
import { emulatorConnection, fastLiveOptions } from "@/lib/aws/testing/emulator-connection";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());
afterEach(() => emu.reset());

async function open(spec: ConnectionSpec, env: NodeJS.ProcessEnv = { NODE_ENV: "test", PREFLIGHT_DEMO_ENDPOINT: emu.url }) {
  const opened = await openConnection(spec, { env });
  if (!opened.ok) throw opened.error;
  return opened.connection;
}

describe("the caller's account through the emulator's STS", () => {
  it("gives the demo's account from GetCallerIdentity, and the role's account when a role is assumed", async () => {
    expect(await callerAccountId(await open({ kind: "demo" }), "us-east-1")).toBe("123456789012");
    expect(
      await callerAccountId(
        await open({ kind: "demo", role: { roleArn: PREFLIGHT_AUDIT_ROLE_ARN, externalId: PREFLIGHT_AUDIT_EXTERNAL_ID } }),
        "us-east-1",
      ),
    ).toBe(SECOND_ACCOUNT_ID);
    expect(emu.requestLog.entries().map((e) => [e.operation, e.accountId])).toEqual([
      ["GetCallerIdentity", "123456789012"],
      ["AssumeRole", "123456789012"],
      ["GetCallerIdentity", SECOND_ACCOUNT_ID],
    ]);
  });

  it("puts the STS account in the demo's report without the account-inferred warning", async () => {
    const result = await runAudit({
      connection: await open({ kind: "demo" }),
      region: "us-east-1",
      restApiId: STOREFRONT_API_ID,
      live: fastLiveOptions(),
    });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.report.api.accountId).toBe("123456789012");
    // The account may come from the identity cached by the test above: either way it is STS's answer.
    expect(result.report.warnings.map((w) => w.code)).not.toContain("account-inferred");
  });

  it("falls back to the ARNs, with the warning, when STS does not answer", async () => {
    // A key of its own, so no identity cached by another test answers instead.
    const connection = emulatorConnection(emu.url, "AKIAFALLBACKTEST0001");
    emu.faults.add({ operation: "GetCallerIdentity", kind: "InternalError" });
    const result = await runAudit({ connection, region: "us-east-1", restApiId: STOREFRONT_API_ID, live: fastLiveOptions() });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    expect(result.report.api.accountId).toBe("123456789012");
    expect(result.report.warnings).toContainEqual(expect.objectContaining({ code: "account-inferred" }));
    expect(
      emu.requestLog
        .entries()
        .filter((e) => e.operation === "GetCallerIdentity")
        .map((e) => e.status),
    ).toEqual([500]);
  });

  it("does not retry a failed lookup from cache: the next call asks STS again", async () => {
    const connection = emulatorConnection(emu.url, "AKIARETRYLOOKUP00001");
    emu.faults.add({ operation: "GetCallerIdentity", kind: "Throttle", times: 1 });
    expect(await callerAccountId(connection, "us-east-1")).toBeUndefined();
    expect(await callerAccountId(connection, "us-east-1")).toBe("123456789012");
  });

  it("never asks AWS's STS when only API Gateway's endpoint is overridden", async () => {
    const connection = await open({ kind: "env" }, { NODE_ENV: "test", AWS_ENDPOINT_URL_API_GATEWAY: emu.url });
    expect(connection).toMatchObject({ customEndpoint: true });
    expect(connection.stsEndpoint).toBeUndefined();
    expect(await callerAccountId(connection, "us-east-1")).toBeUndefined();
    expect(emu.requestLog.entries()).toEqual([]);
  });
});
