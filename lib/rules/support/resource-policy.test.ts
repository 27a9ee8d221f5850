import { describe, expect, it } from "vitest";
import { globMatch } from "./glob-match";
import { evaluatePreflightPolicy, type AnonymousRequest } from "./resource-policy";

const request: AnonymousRequest = {
  arn: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/OPTIONS/orders/1",
  region: "us-east-1",
  accountId: "123456789012",
  apiId: "abc123",
  privateEndpoint: false,
};
const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const allowAll = { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" };

describe("evaluatePreflightPolicy", () => {
  it("allows with Principal * and the execute-api shorthand", () => {
    expect(evaluatePreflightPolicy(policy(allowAll), request)).toEqual({ kind: "allowed" });
  });

  it("explicit Deny wins, NotAction and NotResource included", () => {
    expect(
      evaluatePreflightPolicy(
        policy(allowAll, {
          Sid: "NoOptions",
          Effect: "Deny",
          Principal: "*",
          Action: "execute-api:*",
          Resource: "arn:aws:execute-api:*:*:*/*/OPTIONS/*",
        }),
        request,
      ),
    ).toEqual({ kind: "explicit-deny", statement: '"NoOptions"' });
    expect(
      evaluatePreflightPolicy(
        policy(allowAll, { Effect: "Deny", Principal: "*", NotAction: "execute-api:InvalidateCache", NotResource: "execute-api:/*/GET/*" }),
        request,
      ).kind,
    ).toBe("explicit-deny");
    expect(
      evaluatePreflightPolicy(
        policy(allowAll, { Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", NotResource: "execute-api:/*/OPTIONS/*" }),
        request,
      ),
    ).toEqual({ kind: "allowed" });
  });

  it("an Allow for a named principal or another account is an implicit deny for anonymous callers", () => {
    expect(
      evaluatePreflightPolicy(
        policy({
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::123456789012:root" },
          Action: "execute-api:Invoke",
          Resource: "execute-api:/*",
        }),
        request,
      ).kind,
    ).toBe("implicit-deny");
  });

  it("an Allow limited to a VPC endpoint never matches a browser on a public endpoint; Deny StringNotEquals aws:SourceVpce always does", () => {
    const vpce = { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c" } };
    expect(evaluatePreflightPolicy(policy({ ...allowAll, Condition: vpce }), request).kind).toBe("implicit-deny");
    const denyOutside = {
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*",
      Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1a2b3c" } },
    };
    expect(evaluatePreflightPolicy(policy(allowAll, denyOutside), request).kind).toBe("explicit-deny");
    // Through the endpoint of a PRIVATE API the value is real but unknown to the audit.
    expect(evaluatePreflightPolicy(policy(allowAll, denyOutside), { ...request, privateEndpoint: true }).kind).toBe("not-evaluated");
  });

  it("says not evaluated for source IP conditions, and honours IfExists and Null", () => {
    const ip = { ...allowAll, Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24"] } } };
    expect(evaluatePreflightPolicy(policy(ip), request)).toMatchObject({ kind: "not-evaluated" });
    expect(
      evaluatePreflightPolicy(policy({ ...allowAll, Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-123" } } }), request)
        .kind,
    ).toBe("allowed");
    expect(evaluatePreflightPolicy(policy({ ...allowAll, Condition: { Null: { "aws:PrincipalArn": "true" } } }), request).kind).toBe(
      "allowed",
    );
    expect(evaluatePreflightPolicy(policy({ ...allowAll, Condition: { Bool: { "aws:SecureTransport": "true" } } }), request).kind).toBe(
      "allowed",
    );
  });

  it("rejects what is not a policy, and bounds its work", () => {
    expect(evaluatePreflightPolicy("{not json", request).kind).toBe("invalid");
    expect(evaluatePreflightPolicy("x".repeat(30_000), request).kind).toBe("invalid");
    expect(globMatch(`${"*a".repeat(500)}b`, "a".repeat(2000))).toBe(false);
  });
});
