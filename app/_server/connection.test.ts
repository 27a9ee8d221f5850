import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DENIED_ACCOUNT_ID, PREFLIGHT_AUDIT_ROLE_ARN, startEmulator, type Emulator } from "@/lib/emulator";
import { formatConnectionId } from "@/lib/aws/connections/connection-id";
import { loadReport } from "./audit";
import { openConnectionById } from "./connection";
import { inventoryFor } from "./inventory";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());
afterEach(() => {
  vi.unstubAllEnvs();
  emu.reset();
});

const roleId = (externalId?: string) =>
  formatConnectionId({ kind: "demo", role: { roleArn: PREFLIGHT_AUDIT_ROLE_ARN, ...(externalId ? { externalId } : {}) } });

describe("connections on a deployment", () => {
  it("refuses a role, connection or region outside the allow-list before any AWS call", async () => {
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emu.url);
    vi.stubEnv("PREFLIGHT_ALLOWED_ROLE_ARNS", "arn:aws:iam::111122223333:role/only-this");
    vi.stubEnv("PREFLIGHT_ALLOWED_REGIONS", "eu-west-1");
    const role = await loadReport(roleId("wrong"), "eu-west-1", "abc123");
    expect(role).toMatchObject({ ok: false, error: { code: "connection:not-allowed" } });
    const region = await loadReport("demo", "us-east-1", "abc123");
    expect(region).toMatchObject({ ok: false, error: { code: "connection:not-allowed", message: expect.stringMatching(/us-east-1/) } });
    vi.stubEnv("PREFLIGHT_ALLOWED_CONNECTIONS", "env");
    expect(await openConnectionById("demo")).toMatchObject({ ok: false, error: { code: "connection:not-allowed" } });
    expect(emu.requestLog.entries()).toEqual([]);
  });

  it("never shows the server's own principal ARN when sts:AssumeRole is denied", async () => {
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emu.url);
    const result = await loadReport(roleId("not-the-external-id"), "us-east-1", "abc123");
    if (result.ok) throw new Error("a wrong external id must be refused");
    const log = emu.requestLog.entries().filter((entry) => entry.operation === "AssumeRole");
    expect(log.length).toBeGreaterThan(0);
    const shown = JSON.stringify(result.error);
    expect(result.error.message).toMatch(/sts:AssumeRole/);
    expect(shown).toContain(PREFLIGHT_AUDIT_ROLE_ARN);
    expect(shown).not.toMatch(/arn:aws:iam::\d{12}:user\//);
    expect(shown).not.toContain(`${DENIED_ACCOUNT_ID}:user`);
    expect(shown).toContain("[this server's AWS identity]");
  });

  it("never shows it in the home page's region listing either", async () => {
    vi.stubEnv("PREFLIGHT_DEMO_ENDPOINT", emu.url);
    const opened = await openConnectionById(roleId("not-the-external-id"));
    if (!opened.ok) throw new Error(opened.error.message);
    const [listing] = inventoryFor(opened.connection, ["us-east-1"]);
    const outcome = await listing!.result;
    if (outcome.ok) throw new Error("a wrong external id must be refused");
    expect(outcome.error.message).toMatch(/sts:AssumeRole/);
    expect(JSON.stringify(outcome.error)).not.toMatch(/arn:aws:iam::\d{12}:user\//);
  });
});
