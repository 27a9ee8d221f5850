import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConnectionId } from "@/lib/aws/connections/connection-id";
import { chooseConnection } from "./connect";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** next/navigation's redirect() throws; its digest carries the target URL. */
async function redirectTarget(fields: Record<string, string>): Promise<string> {
  try {
    await chooseConnection({ status: "idle" }, form(fields));
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    const match = /^NEXT_REDIRECT;[^;]*;([^;]+);/.exec(digest);
    if (match) return match[1]!;
    throw error;
  }
  throw new Error("expected a redirect");
}

describe("chooseConnection", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("refuses every connection in read-only mode, with a reason", async () => {
    vi.stubEnv("PREFLIGHT_READ_ONLY", "1");
    for (const fields of [{ kind: "demo" }, { kind: "profile", profile: "prod-audit" }] as Record<string, string>[]) {
      expect(await chooseConnection({ status: "idle" }, form(fields))).toEqual({
        status: "refused",
        message: expect.stringContaining("read-only viewer"),
      });
    }
  });

  it("opens the demo, the environment and a profile", async () => {
    expect(await redirectTarget({ kind: "demo" })).toBe("/?connection=demo");
    expect(await redirectTarget({ kind: "env" })).toBe("/?connection=env");
    expect(await redirectTarget({ kind: "profile", profile: "prod-audit" })).toBe("/?connection=profile%3Aprod-audit");
  });

  it("builds an assumed-role connection id that parses back to the same role", async () => {
    const target = await redirectTarget({
      kind: "role",
      base: "profile:dev",
      roleArn: " arn:aws:iam::123456789012:role/Audit ",
      externalId: "ext-42",
    });
    const id = decodeURIComponent(target.slice("/?connection=".length));
    expect(parseConnectionId(id)).toEqual({
      ok: true,
      spec: { kind: "profile", profile: "dev", role: { roleArn: "arn:aws:iam::123456789012:role/Audit", externalId: "ext-42" } },
    });
  });

  it("returns field errors and the submitted values for bad input", async () => {
    const state = await chooseConnection({ status: "idle" }, form({ kind: "role", base: "env", roleArn: "arn:aws:s3:::bucket" }));
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { roleArn: expect.stringContaining("not an IAM role ARN") },
      values: { roleArn: "arn:aws:s3:::bucket" },
    });
    expect(await chooseConnection({ status: "idle" }, form({ kind: "profile", profile: "bad name!" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { profile: "choose a profile" },
    });
    expect(await chooseConnection({ status: "idle" }, form({ kind: "root" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { kind: expect.any(String) },
    });
  });

  it("refuses to assume a role from the demo", async () => {
    const state = await chooseConnection(
      { status: "idle" },
      form({ kind: "role", base: "demo", roleArn: "arn:aws:iam::123456789012:role/Audit" }),
    );
    expect(state).toMatchObject({ status: "invalid", fieldErrors: { base: expect.any(String) } });
  });
});
