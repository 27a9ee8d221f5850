import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { deleteTokenSha256 } from "@/lib/share/delete-token";
import { sampleReport } from "@/lib/share/testing/sample-report";
import { chooseConnection } from "@/app/actions/connect";
import { shareAudit } from "@/app/actions/share";
import { deleteStoredAudit, findStoredAudit, loadHistory, loadRecent, storeReport } from "./share";
import { openConnectionById } from "./connection";

/** A deployment with sign-in configured; these calls run outside a request, so nobody is signed in. */
const SIGN_IN = {
  PREFLIGHT_OIDC_ISSUER: "https://login.example.com",
  PREFLIGHT_OIDC_CLIENT_ID: "preflight",
  PREFLIGHT_OIDC_CLIENT_SECRET: "client-secret",
  PREFLIGHT_OIDC_ALLOWED_DOMAINS: "example.com",
  NEXTAUTH_SECRET: "x".repeat(40),
};

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "preflight-share-access-"));
  process.env.PREFLIGHT_DATA_DIR = dataDir;
});
afterEach(() => {
  vi.unstubAllEnvs();
});
afterAll(async () => {
  await (await getAuditStore()).close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function stored(): Promise<{ id: string; deleteToken: string }> {
  const outcome = await storeReport(sampleReport(), "never");
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome;
}

function signIn() {
  for (const [name, value] of Object.entries(SIGN_IN)) vi.stubEnv(name, value);
}

describe("delete token", () => {
  it("is returned once at share time and stored only as its SHA-256", async () => {
    const { id, deleteToken } = await stored();
    expect(deleteToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const guard = await (await getAuditStore()).deleteGuard(id);
    expect(guard).toEqual({ deleteTokenSha256: deleteTokenSha256(deleteToken) });
    expect(JSON.stringify(await findStoredAudit(id))).not.toContain(deleteToken);
  });

  it("with sign-in configured, deleting needs the token: none or a wrong one is refused, the right one deletes", async () => {
    const { id, deleteToken } = await stored();
    signIn();
    expect(await deleteStoredAudit(id)).toMatchObject({ ok: false, error: { code: "delete:not-allowed" } });
    expect(await deleteStoredAudit(id, "A".repeat(32))).toMatchObject({ ok: false, error: { code: "delete:not-allowed" } });
    expect(await findStoredAudit(id)).toBeDefined();
    expect(await deleteStoredAudit(id, deleteToken)).toEqual({ ok: true, deleted: true });
    expect(await findStoredAudit(id)).toBeUndefined();
  });

  it("without sign-in (a loopback instance) its user may delete without the token, as before", async () => {
    const { id } = await stored();
    expect(await deleteStoredAudit(id)).toEqual({ ok: true, deleted: true });
  });
});

describe("with sign-in configured and no session", () => {
  it("hides the history of an API and the recent audits", async () => {
    await stored();
    const api = { accountId: sampleReport().api.accountId, region: sampleReport().api.region, apiId: sampleReport().api.id };
    expect((await loadHistory(api)).ok).toBe(true);
    signIn();
    expect(await loadHistory(api)).toMatchObject({ ok: false, message: expect.stringMatching(/signed-in users only/) });
    expect(await loadRecent()).toMatchObject({ ok: false });
  });

  it("refuses the connect and share actions and never opens a connection, whatever page posted them", async () => {
    signIn();
    expect(await chooseConnection({ status: "idle" }, new FormData())).toMatchObject({ status: "refused", message: /Sign in first/ });
    const form = new FormData();
    for (const [key, value] of Object.entries({ connection: "demo", region: "us-east-1", apiId: "abc123", expiry: "never" }))
      form.set(key, value);
    expect(await shareAudit({ status: "idle" }, form)).toMatchObject({ status: "refused", message: /Sign in first/ });
    expect(await openConnectionById("demo")).toMatchObject({ ok: false, error: { code: "auth:required" } });
  });
});
