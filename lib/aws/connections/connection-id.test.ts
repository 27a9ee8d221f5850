import { describe, expect, it } from "vitest";
import { formatConnectionId, parseConnectionId } from "@/lib/aws/connections/connection-id";

describe("connection ids", () => {
  it("round-trips every kind, role included, and stays URL-safe", () => {
    const specs = [
      { kind: "demo" as const },
      { kind: "env" as const },
      { kind: "profile" as const, profile: "prod.admin-1" },
      { kind: "profile" as const, profile: "dev", role: { roleArn: "arn:aws:iam::123456789012:role/path/Auditor", externalId: "ext-42" } },
      { kind: "env" as const, role: { roleArn: "arn:aws:iam::123456789012:role/Auditor" } },
      { kind: "demo" as const, role: { roleArn: "arn:aws:iam::210987654321:role/PreflightAudit", externalId: "preflight-demo" } },
    ];
    for (const spec of specs) {
      const id = formatConnectionId(spec);
      expect(encodeURIComponent(id).replace(/%3A/g, ":")).toBe(id);
      expect(parseConnectionId(id)).toEqual({ ok: true, spec });
    }
    expect(formatConnectionId({ kind: "profile", profile: "dev" })).toBe("profile:dev");
  });

  it("rejects bad ids with a clear message", () => {
    expect(parseConnectionId("aws")).toMatchObject({ ok: false, error: expect.stringContaining("unknown connection") });
    expect(parseConnectionId("profile:bad name")).toMatchObject({ ok: false, error: expect.stringContaining("profile name") });
    expect(parseConnectionId("profile:")).toMatchObject({ ok: false });
    expect(parseConnectionId("demo~role:e30")).toMatchObject({ ok: false });
    expect(parseConnectionId("env~role:!!")).toMatchObject({ ok: false, error: expect.stringContaining("role part") });
    const notARole = Buffer.from(JSON.stringify({ roleArn: "arn:aws:iam::123:user/x" })).toString("base64url");
    expect(parseConnectionId(`env~role:${notARole}`)).toMatchObject({ ok: false, error: expect.stringContaining("role ARN") });
  });
});
