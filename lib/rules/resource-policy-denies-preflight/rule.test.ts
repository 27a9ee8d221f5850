import { expect, it } from "vitest";
import { evaluatePreflightPolicy } from "@/lib/rules/support/resource-policy";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { resourcePolicyDeniesPreflight, preflightArn } from "./rule";

testRule(resourcePolicyDeniesPreflight, cases);

const request = (model: (typeof cases.invalid)[number]["model"]) => ({
  arn: preflightArn(model, "prod", "/orders"),
  region: model.api.region,
  accountId: model.api.accountId ?? "*",
  apiId: model.api.id,
  privateEndpoint: false,
});

it("the fixed policy lets the preflight through and still denies or restricts everything else", () => {
  for (const example of cases.invalid.slice(0, 2)) {
    const [finding] = runRule(resourcePolicyDeniesPreflight, example.model);
    const fix = finding?.fixes[0];
    if (fix?.kind !== "set-rest-api-policy") throw new Error("expected a policy fix");
    expect(evaluatePreflightPolicy(fix.policy, request(example.model)), example.name).toEqual({ kind: "allowed" });
    const put = { ...request(example.model), arn: request(example.model).arn.replace("/OPTIONS/", "/PUT/") };
    expect(evaluatePreflightPolicy(fix.policy, put).kind, example.name).toBe(evaluatePreflightPolicy(example.model.api.policy!, put).kind);
  }
});

it("narrows a Deny on every verb to the verbs other than OPTIONS", () => {
  const model = {
    ...cases.invalid[1]!.model,
    api: {
      ...cases.invalid[1]!.model.api,
      policy: JSON.stringify({
        Statement: [
          { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
          { Sid: "Freeze", Effect: "Deny", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/prod/*" },
        ],
      }),
    },
  };
  const [finding] = runRule(resourcePolicyDeniesPreflight, model);
  const fix = finding?.fixes[0];
  if (fix?.kind !== "set-rest-api-policy") throw new Error("expected a policy fix");
  expect(fix.changes).toContain('Deny "Freeze" no longer covers OPTIONS');
  expect(evaluatePreflightPolicy(fix.policy, request(model)).kind).toBe("allowed");
  expect(evaluatePreflightPolicy(fix.policy, { ...request(model), arn: request(model).arn.replace("/OPTIONS/", "/DELETE/") }).kind).toBe(
    "explicit-deny",
  );
});
