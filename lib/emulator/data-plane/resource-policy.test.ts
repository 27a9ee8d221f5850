import { describe, expect, it } from "vitest";
import { evaluateResourcePolicy } from "./resource-policy";

const ARN = "arn:aws:execute-api:us-east-1:123456789012:api1/prod/OPTIONS/orders";
const anonymous = { user: "anonymous", sourceIp: "198.51.100.7" };
const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const allow = { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" };

describe("evaluateResourcePolicy (data plane)", () => {
  it("allows without a policy and with Allow *", () => {
    expect(evaluateResourcePolicy(undefined, ARN, anonymous)).toEqual({ allowed: true });
    expect(evaluateResourcePolicy(policy(allow), ARN, anonymous)).toEqual({ allowed: true });
  });

  it("answers AWS's messages for an implicit and an explicit deny", () => {
    expect(evaluateResourcePolicy(policy({ ...allow, Principal: { AWS: "arn:aws:iam::123456789012:root" } }), ARN, anonymous)).toEqual({
      allowed: false,
      message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${ARN}`,
    });
    expect(
      evaluateResourcePolicy(
        policy(allow, { Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*/OPTIONS/*" }),
        ARN,
        anonymous,
      ),
    ).toEqual({
      allowed: false,
      message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: ${ARN} with an explicit deny`,
    });
  });

  it("lets a signed caller of the account through an account-only Allow, and applies source IP conditions", () => {
    const signed = { user: "arn:aws:iam::123456789012:user/emulator", accountId: "123456789012", sourceIp: "198.51.100.7" };
    expect(evaluateResourcePolicy(policy({ ...allow, Principal: { AWS: "123456789012" } }), ARN, signed)).toEqual({ allowed: true });
    const ipOnly = policy({ ...allow, Condition: { IpAddress: { "aws:SourceIp": ["198.51.100.0/24"] } } });
    expect(evaluateResourcePolicy(ipOnly, ARN, anonymous).allowed).toBe(true);
    expect(evaluateResourcePolicy(ipOnly, ARN, { ...anonymous, sourceIp: "203.0.113.9" }).allowed).toBe(false);
    const vpceOnly = policy(allow, {
      Effect: "Deny",
      Principal: "*",
      Action: "execute-api:Invoke",
      Resource: "execute-api:/*",
      Condition: { StringNotEquals: { "aws:SourceVpce": "vpce-1" } },
    });
    expect(evaluateResourcePolicy(vpceOnly, ARN, anonymous).allowed).toBe(false);
  });
});
