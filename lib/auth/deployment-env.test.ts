import { describe, expect, it } from "vitest";
import { exposureRefusal, isLoopbackHost, publicUrlOf, signInEnv, splitHostHeader } from "@/lib/auth/deployment-env.mjs";

const COMPLETE = {
  PREFLIGHT_OIDC_ISSUER: "https://login.example.com",
  PREFLIGHT_OIDC_CLIENT_ID: "preflight",
  PREFLIGHT_OIDC_CLIENT_SECRET: "s3cr3t",
  NEXTAUTH_SECRET: "x".repeat(32),
  PREFLIGHT_OIDC_ALLOWED_DOMAINS: "Example.com, @corp.example",
};

describe("signInEnv", () => {
  it("is off when nothing is set, and on when the issuer, client, secret and an admission rule are set", () => {
    expect(signInEnv({})).toMatchObject({ configured: false, problems: [] });
    expect(signInEnv(COMPLETE)).toMatchObject({ configured: true, allowedDomains: ["example.com", "corp.example"], groupsClaim: "groups" });
  });

  it("refuses a configuration that would admit every account of the issuer", () => {
    const open = signInEnv({ ...COMPLETE, PREFLIGHT_OIDC_ALLOWED_DOMAINS: "" });
    expect(open.configured).toBe(false);
    expect(open.problems.join()).toMatch(/ALLOWED_DOMAINS nor PREFLIGHT_OIDC_ALLOWED_GROUPS/);
    expect(
      signInEnv({ ...COMPLETE, PREFLIGHT_OIDC_ALLOWED_DOMAINS: "", PREFLIGHT_OIDC_ALLOWED_GROUPS: "preflight-users" }).configured,
    ).toBe(true);
  });

  it("names each missing piece of a partial configuration and refuses a plain-http remote issuer", () => {
    expect(signInEnv({ PREFLIGHT_OIDC_ISSUER: "http://idp.example.com" }).problems).toEqual([
      "PREFLIGHT_OIDC_CLIENT_ID is not set",
      "PREFLIGHT_OIDC_CLIENT_SECRET is not set",
      expect.stringMatching(/^NEXTAUTH_SECRET is not set/),
      "neither PREFLIGHT_OIDC_ALLOWED_DOMAINS nor PREFLIGHT_OIDC_ALLOWED_GROUPS is set",
      "PREFLIGHT_OIDC_ISSUER must be an https URL",
    ]);
    expect(signInEnv({ ...COMPLETE, PREFLIGHT_OIDC_ISSUER: "http://127.0.0.1:9999" }).configured).toBe(true);
  });
});

describe("hosts", () => {
  it("knows loopback names and addresses only", () => {
    for (const host of ["127.0.0.1", "127.8.9.10", "localhost", "app.localhost", "::1", "[::1]"])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "10.0.0.1", "127.0.0.1.nip.io", "attacker.example", "::", "localhost.attacker.example"])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it("splits Host headers, IPv6 literals included", () => {
    expect(splitHostHeader("Example.com:3000")).toEqual({ hostname: "example.com", port: "3000" });
    expect(splitHostHeader("[::1]:3000")).toEqual({ hostname: "::1", port: "3000" });
    expect(splitHostHeader("a:b:c")).toBeUndefined();
  });

  it("takes the public URL from PREFLIGHT_PUBLIC_URL, else NEXTAUTH_URL", () => {
    expect(publicUrlOf({ NEXTAUTH_URL: "https://preflight.example.com" })?.host).toBe("preflight.example.com");
    expect(publicUrlOf({ PREFLIGHT_PUBLIC_URL: "https://a.example", NEXTAUTH_URL: "https://b.example" })?.host).toBe("a.example");
    expect(publicUrlOf({ PREFLIGHT_PUBLIC_URL: "not a url" })).toBeUndefined();
  });
});

describe("exposureRefusal (npm start)", () => {
  it("lets loopback through and refuses any other address without sign-in or read-only, saying how to configure either", () => {
    expect(exposureRefusal({}, "127.0.0.1")).toBeUndefined();
    const refusal = exposureRefusal({}, "0.0.0.0");
    expect(refusal).toMatch(/Refusing to listen on HOST=0\.0\.0\.0/);
    expect(refusal).toMatch(/PREFLIGHT_OIDC_ISSUER/);
    expect(refusal).toMatch(/PREFLIGHT_READ_ONLY=1/);
    const url = { PREFLIGHT_PUBLIC_URL: "https://preflight.example.com" };
    expect(exposureRefusal({ PREFLIGHT_READ_ONLY: "1", ...url }, "0.0.0.0")).toBeUndefined();
    expect(exposureRefusal({ ...COMPLETE, ...url }, "10.1.2.3")).toBeUndefined();
    expect(exposureRefusal({ ...COMPLETE, NEXTAUTH_URL: "https://preflight.example.com" }, "10.1.2.3")).toBeUndefined();
    expect(exposureRefusal({ PREFLIGHT_READ_ONLY: "1" }, "0.0.0.0")).toMatch(/needs PREFLIGHT_PUBLIC_URL/);
  });

  it("refuses a half-configured sign-in even on loopback", () => {
    expect(exposureRefusal({ PREFLIGHT_OIDC_ISSUER: "https://login.example.com" }, "127.0.0.1")).toMatch(/half configured/);
  });
});
