import { describe, expect, it } from "vitest";
import { isPublicPath } from "@/lib/auth/public-paths";
import { contentSecurityPolicy } from "@/lib/auth/security-headers";

const ID = "QUFBQUFBQUFBQUFBQUFBQQ";

describe("isPublicPath (what answers without a session when sign-in is configured)", () => {
  it("opens the auth routes, health and a shared audit by its link, with its downloads and comparisons", () => {
    for (const path of [
      "/api/auth/signin",
      "/api/auth/callback/oidc",
      "/api/health",
      "/audits",
      `/audits/${ID}`,
      `/audits/${ID}/compare/${ID}`,
      `/api/audits/${ID}`,
      `/api/audits/${ID}/export/sarif`,
      `/api/audits/${ID}/fix/aws-cli`,
    ])
      expect(isPublicPath(path), path).toBe(true);
  });

  it("keeps everything else behind sign-in, look-alikes included", () => {
    for (const path of [
      "/",
      "/audit/demo/us-east-1/abc",
      "/api/audit/demo/us-east-1/abc/export/json",
      "/templates",
      "/rules",
      "/api/authx",
      "/api/health/x",
      `/audits/${ID}x`,
      `/audits/${ID}/other`,
      `/api/audits/${ID}/export/../../audit`,
    ])
      expect(isPublicPath(path), path).toBe(false);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, forbids framing, and lets forms reach the IdP", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", development: false, formTargets: ["https://login.example.com"] });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self' https://login.example.com");
  });
});
