import { describe, expect, it } from "vitest";
import { auditPath, comparePath, liveAuditPath, storedAuditPath } from "./paths";

describe("page paths", () => {
  it("encodes every segment, so a profile connection id keeps its colon inside one segment", () => {
    expect(auditPath("profile:prod", "eu-west-1", "a1b2")).toBe("/audit/profile%3Aprod/eu-west-1/a1b2");
    expect(liveAuditPath({ api: { id: "a/b", region: "us-east-1" }, source: { connection: "demo" } })).toBe("/audit/demo/us-east-1/a%2Fb");
  });

  it("links stored audits and their comparison", () => {
    expect(storedAuditPath("abc_-1")).toBe("/audits/abc_-1");
    expect(comparePath("base", "head")).toBe("/audits/base/compare/head");
  });
});
