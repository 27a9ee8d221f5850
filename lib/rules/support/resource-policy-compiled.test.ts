import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicy, evaluatePreflightPolicy, parsePolicy, type AnonymousRequest } from "./resource-policy";
import { referencePreflightPolicy } from "@/lib/rules/testing/resource-policy-reference";

/**
 * compilePolicy decides each statement's Principal, Action and Condition once per API and matches only the Resource per
 * ARN (issue 16). Random policies and requests must get the verdict the per-request evaluation it replaced gives
 * (kept in lib/rules/testing/resource-policy-reference.ts), both one request at a time and with one compiled policy
 * asked about many ARNs. Seeded and bounded: the machine is shared.
 */
const CONTEXT = { region: "us-east-1", accountId: "123456789012", apiId: "abc123" } as const;

const pattern = fc.constantFrom(
  "*",
  "execute-api:/*",
  "execute-api:/prod/*",
  "execute-api:/*/OPTIONS/*",
  "execute-api:/*/GET/orders*",
  "execute-api:/dev/POST/*",
  "arn:aws:execute-api:*:*:*/*/OPTIONS/*",
  "arn:aws:execute-api:us-east-1:123456789012:abc123/*",
  "arn:aws:execute-api:eu-west-1:*:*/*",
  "arn:aws:execute-api:*:*:other/*",
  "",
);
const oneOrMany = <T>(item: fc.Arbitrary<T>) => fc.oneof(item, fc.array(item, { maxLength: 3 }));
const principal = fc.constantFrom<unknown>("*", { AWS: "*" }, { AWS: ["arn:aws:iam::1:root", "*"] }, { AWS: "arn:aws:iam::1:root" }, 7);
const action = oneOrMany(
  fc.constantFrom("execute-api:Invoke", "execute-api:*", "EXECUTE-API:invoke", "*", "execute-api:ManageConnections"),
);
const condition = fc.constantFrom<unknown>(
  { NotIpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
  { IpAddress: { "aws:SourceIp": ["1.2.3.4"] } },
  { StringEquals: { "aws:SourceVpce": "vpce-1" } },
  { StringNotEquals: { "aws:SourceVpce": "vpce-1" } },
  { Bool: { "aws:SecureTransport": "true" } },
  { Bool: { "aws:SecureTransport": "false" } },
  { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-1" } },
  { "ForAllValues:StringLike": { "aws:PrincipalTag/team": "x*" } },
  { Null: { "aws:PrincipalArn": "true" } },
  { NumericLessThan: { "aws:EpochTime": "1" } },
  "not an object",
);

const statement = fc.record(
  {
    Sid: fc.constantFrom<unknown>("Named", "", 3),
    Effect: fc.constantFrom<unknown>("Allow", "Deny", "allow", undefined),
    Principal: principal,
    NotPrincipal: principal,
    Action: action,
    NotAction: action,
    Resource: oneOrMany(pattern),
    NotResource: oneOrMany(pattern),
    Condition: condition,
  },
  { requiredKeys: [] },
);

const policyText = fc.oneof(
  { weight: 10, arbitrary: fc.array(statement, { maxLength: 4 }).map((Statement) => JSON.stringify({ Version: "2012-10-17", Statement })) },
  { weight: 1, arbitrary: statement.map((Statement) => JSON.stringify({ Statement })) },
  { weight: 1, arbitrary: fc.constantFrom("{not json", "[]", "null", "x".repeat(30_000)) },
);

const arn = fc
  .record({
    stage: fc.constantFrom("prod", "dev", "*"),
    verb: fc.constantFrom("OPTIONS", "GET", "POST"),
    path: fc.constantFrom("orders", "orders/example", "example/path", ""),
  })
  .map(({ stage, verb, path }) => `arn:aws:execute-api:${CONTEXT.region}:${CONTEXT.accountId}:${CONTEXT.apiId}/${stage}/${verb}/${path}`);

describe("compilePolicy", () => {
  it("gives the per-request evaluation's verdict, one request at a time and compiled once for many", () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(policyText, fc.boolean(), fc.array(arn, { minLength: 1, maxLength: 4 }), (text, privateEndpoint, arns) => {
        const compiled = compilePolicy(parsePolicy(text), { ...CONTEXT, privateEndpoint });
        for (const requestArn of arns) {
          const request: AnonymousRequest = { ...CONTEXT, arn: requestArn, privateEndpoint };
          const expected = referencePreflightPolicy(text, request);
          kinds.add(expected.kind);
          expect(evaluatePreflightPolicy(text, request)).toEqual(expected);
          expect(compiled(requestArn)).toEqual(expected);
        }
      }),
      { numRuns: 600, seed: 16 },
    );
    // The random policies reach every verdict, so the comparison covers each.
    expect([...kinds].sort()).toEqual(["allowed", "explicit-deny", "implicit-deny", "invalid", "not-evaluated"]);
  });
});
