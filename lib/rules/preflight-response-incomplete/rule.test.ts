import { expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { preflightResponseIncomplete } from "./rule";

testRule(preflightResponseIncomplete, cases);

it("corrects the headers, keeping a named origin with its credentials", () => {
  const model = api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/products/{id}", (r) =>
      r.method("DELETE", (m) => m.authorizer("jwt")).cors({ allowOrigin: "https://shop.example.com", allowCredentials: true, allowMethods: "GET,OPTIONS", allowHeaders: "Content-Type" }),
    )
    .stage("prod")
    .build();
  const [finding] = runRule(preflightResponseIncomplete, model);
  expect(finding?.fixes[0]).toEqual({
    kind: "set-preflight-headers",
    resourceId: "products-id",
    path: "/products/{id}",
    statusCode: "200",
    allowOrigin: "https://shop.example.com",
    allowCredentials: true,
    allowMethods: ["DELETE", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization"],
  });
});
