import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicy, evaluatePreflightPolicy, parsePolicy, type AnonymousRequest } from "./resource-policy";
import { randomPolicyText } from "@/lib/rules/testing/random-policies";
import { referencePreflightPolicy } from "@/lib/rules/testing/resource-policy-reference";

/**
 * compilePolicy decides each statement's Principal, Action and Condition once per API and matches only the Resource per
 * ARN (issue 16). Random policies and requests must get the verdict the per-request evaluation it replaced gives
 * (kept in lib/rules/testing/resource-policy-reference.ts), both one request at a time and with one compiled policy
 * asked about many ARNs. Seeded and bounded: the machine is shared.
 */
const CONTEXT = { region: "us-east-1", accountId: "123456789012", apiId: "abc123" } as const;

const policyText = randomPolicyText({ ...CONTEXT, stages: ["prod", "dev"] });

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
