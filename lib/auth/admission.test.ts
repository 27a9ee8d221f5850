import { describe, expect, it } from "vitest";
import { admit } from "@/lib/auth/admission";

const rules = { allowedDomains: ["example.com"], allowedGroups: ["preflight-users"], groupsClaim: "groups" };

describe("admit", () => {
  it("admits a verified e-mail in an allowed domain, case-insensitively", () => {
    expect(admit({ email: "Ana@Example.com", email_verified: true }, rules)).toEqual({ ok: true, email: "ana@example.com", groups: [] });
  });

  it("refuses another domain, a look-alike subdomain and an unverified address", () => {
    expect(admit({ email: "eve@evil.com", email_verified: true }, rules)).toMatchObject({ ok: false });
    expect(admit({ email: "eve@example.com.evil.com" }, rules)).toMatchObject({ ok: false });
    expect(admit({ email: "eve@evilexample.com" }, rules)).toMatchObject({ ok: false });
    expect(admit({ email: "eve@example.com", email_verified: false }, rules)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not verified/),
    });
  });

  it("admits by group (string or list) from the configured claim, whatever the e-mail", () => {
    expect(admit({ sub: "u1", groups: ["other", "preflight-users"] }, rules)).toEqual({ ok: true, groups: ["other", "preflight-users"] });
    const cognito = { ...rules, groupsClaim: "cognito:groups" };
    expect(admit({ email: "x@elsewhere.org", "cognito:groups": "preflight-users" }, cognito)).toMatchObject({ ok: true });
    expect(admit({ sub: "u2", groups: [{ name: "preflight-users" }] }, rules)).toMatchObject({ ok: false });
  });
});
