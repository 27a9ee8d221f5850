import { expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { missingPreflight } from "./rule";

testRule(missingPreflight, cases);

it("suggests a preflight allowing the resource's methods, its identity header and the API's known origin", () => {
  const model = api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/me", (r) => r.method("GET", (m) => m.authorizer("jwt")).method("PATCH", (m) => m.authorizer("jwt").apiKey()))
    .gatewayResponse("DEFAULT_4XX", { headers: { "Access-Control-Allow-Origin": "'https://shop.example.com'" } })
    .stage("prod")
    .build();
  const [finding] = runRule(missingPreflight, model);
  expect(finding?.fixes[0]).toEqual({
    kind: "add-cors-preflight",
    resourceId: "me",
    path: "/me",
    allowOrigin: "https://shop.example.com",
    allowMethods: ["GET", "PATCH", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization", "X-Api-Key"],
  });
});
