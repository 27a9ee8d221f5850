import { expect, it } from "vitest";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { api } from "@/lib/rules/testing/model-builder";
import { cases } from "./cases";
import { cachedAuthorizerSharedAcrossMethods } from "./rule";

testRule(cachedAuthorizerSharedAcrossMethods, cases);

it("widens the policy to the stage of the API it audits", () => {
  const model = api({ id: "sfront0001", region: "eu-west-1", accountId: "111122223333" })
    .authorizer("shop", { type: "TOKEN" })
    .resource("/a", (r) => r.method("GET", (m) => m.authorizer("shop")))
    .resource("/b", (r) => r.method("GET", (m) => m.authorizer("shop")))
    .stage("prod")
    .build();
  const [finding] = runRule(cachedAuthorizerSharedAcrossMethods, model);
  expect(finding?.fixes[0]).toMatchObject({
    kind: "widen-authorizer-policy",
    resourceArnPattern: "arn:aws:execute-api:eu-west-1:111122223333:sfront0001/prod/*/*",
  });
});
