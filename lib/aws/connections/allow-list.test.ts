import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allowedRegions, connectionRefusal, loadAllowList, regionRefusal } from "@/lib/aws/connections/allow-list";

const ROLE = "arn:aws:iam::111122223333:role/preflight-audit";

function allowList(env: Record<string, string>, signIn = false) {
  const loaded = loadAllowList(env, signIn);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.allowList;
}

describe("allow-list", () => {
  it("allows everything when nothing is set on a local instance", () => {
    const list = allowList({});
    expect(list).toEqual({});
    expect(connectionRefusal({ kind: "env", role: { roleArn: ROLE } }, list)).toBeUndefined();
    expect(regionRefusal("ap-south-1", list)).toBeUndefined();
  });

  it("refuses every role on a signed-in deployment that names none (the confused deputy)", () => {
    expect(connectionRefusal({ kind: "env", role: { roleArn: ROLE, externalId: "anything" } }, allowList({}, true))).toMatch(
      /names no role ARNs/,
    );
    expect(connectionRefusal({ kind: "env" }, allowList({}, true))).toBeUndefined();
  });

  it("checks connections, profiles, role ARNs (exact or trailing-* prefix) and regions from the environment", () => {
    const list = allowList({
      PREFLIGHT_ALLOWED_CONNECTIONS: "env, profile",
      PREFLIGHT_ALLOWED_PROFILES: "audit",
      PREFLIGHT_ALLOWED_ROLE_ARNS: "arn:aws:iam::111122223333:role/preflight-*",
      PREFLIGHT_ALLOWED_REGIONS: "eu-west-1,us-east-1",
    });
    expect(connectionRefusal({ kind: "demo" }, list)).toMatch(/"demo" connection is not allowed/);
    expect(connectionRefusal({ kind: "profile", profile: "admin" }, list)).toMatch(/profile "admin" is not allowed/);
    expect(connectionRefusal({ kind: "profile", profile: "audit", role: { roleArn: ROLE } }, list)).toBeUndefined();
    expect(connectionRefusal({ kind: "env", role: { roleArn: "arn:aws:iam::999999999999:role/preflight-audit" } }, list)).toMatch(
      /not on this Preflight's allow-list/,
    );
    // "*" is only a trailing prefix marker: a "." or "+" in an entry is literal.
    expect(connectionRefusal({ kind: "env", role: { roleArn: "arn:aws:iam::111122223333:role/other" } }, list)).toBeDefined();
    expect(regionRefusal("ap-south-1", list)).toMatch(/Region ap-south-1 is not allowed/);
    expect(allowedRegions(["us-east-1", "ap-south-1", "eu-west-1"], list)).toEqual(["us-east-1", "eu-west-1"]);
  });

  it("reads a JSON file, intersects it with the environment and refuses a malformed file", () => {
    const dir = mkdtempSync(join(tmpdir(), "allow-list-"));
    const path = join(dir, "allow.json");
    writeFileSync(path, JSON.stringify({ connections: ["profile:audit"], regions: ["eu-west-1", "us-east-1"], roleArns: [ROLE] }));
    const list = allowList({ PREFLIGHT_ALLOW_LIST_FILE: path, PREFLIGHT_ALLOWED_REGIONS: "us-east-1" }, true);
    expect(list).toEqual({ connections: ["profile:audit"], regions: ["us-east-1"], roleArns: [ROLE] });
    expect(connectionRefusal({ kind: "profile", profile: "audit", role: { roleArn: ROLE } }, list)).toBeUndefined();
    expect(connectionRefusal({ kind: "profile", profile: "dev" }, list)).toBeDefined();

    writeFileSync(path, JSON.stringify({ regions: "us-east-1", extra: true }));
    const broken = loadAllowList({ PREFLIGHT_ALLOW_LIST_FILE: path }, false);
    expect(broken.ok).toBe(false);
    expect(loadAllowList({ PREFLIGHT_ALLOW_LIST_FILE: join(dir, "missing.json") }, false)).toMatchObject({ ok: false });
  });
});
