import { describe, expect, it } from "vitest";
import { evaluatePolicy, wildcardMatch } from "./policy-evaluation";

const arn = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/1";
const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

describe("wildcardMatch", () => {
  it("treats * as any run of characters, including slashes", () => {
    expect(wildcardMatch("arn:aws:execute-api:*:*:abc123/*/GET/*", arn)).toBe(true);
    expect(wildcardMatch("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*", arn)).toBe(false);
  });

  it("treats ? as exactly one character and escapes regex metacharacters", () => {
    expect(wildcardMatch("a?c", "abc")).toBe(true);
    expect(wildcardMatch("a?c", "ac")).toBe(false);
    expect(wildcardMatch("a.c", "abc")).toBe(false);
  });
});

describe("evaluatePolicy", () => {
  it("allows on a matching Allow", () => {
    expect(evaluatePolicy(policy({ Effect: "Allow", Action: "execute-api:Invoke", Resource: arn }), arn)).toBe("allow");
  });

  it("lets an explicit Deny beat an Allow", () => {
    const doc = policy(
      { Effect: "Allow", Action: "execute-api:*", Resource: "*" },
      { Effect: "Deny", Action: ["execute-api:Invoke"], Resource: [arn] },
    );
    expect(evaluatePolicy(doc, arn)).toBe("explicit-deny");
  });

  it("is an implicit deny when the Allow is scoped to another method", () => {
    const other = arn.replace("/GET/pets/1", "/GET/orders");
    expect(evaluatePolicy(policy({ Effect: "Allow", Action: "execute-api:Invoke", Resource: other }), arn)).toBe("implicit-deny");
  });

  it("ignores statements for other actions and accepts a single statement object", () => {
    expect(evaluatePolicy(policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }), arn)).toBe("implicit-deny");
    expect(evaluatePolicy({ Statement: { Effect: "Allow", Action: "*", Resource: "*" } }, arn)).toBe("allow");
  });

  it("treats malformed documents as implicit deny", () => {
    expect(evaluatePolicy(null, arn)).toBe("implicit-deny");
    expect(evaluatePolicy({ Statement: ["nonsense", 1] }, arn)).toBe("implicit-deny");
  });
});
