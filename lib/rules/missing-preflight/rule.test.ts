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

it("says when a POST counts as preflighted only because it is assumed to take JSON", () => {
  const build = (configure: (m: import("@/lib/rules/testing/model-builder").MethodBuilder) => void = () => {}) =>
    api()
      .resource("/orders", (r) => r.method("POST", configure))
      .resource("/cart", (r) => r.cors())
      .stage("prod")
      .build();
  const [assumed] = runRule(missingPreflight, build());
  expect(assumed?.symptom).toContain("POST /orders declares no request model, so it is assumed to take JSON as single-page apps send it");
  expect(assumed?.evidence.assumedJsonPost).toBeDefined();
  // A declared JSON model is no assumption: the finding stands without the sentence.
  const [declared] = runRule(
    missingPreflight,
    build((m) => m.requestModel("application/json")),
  );
  expect(declared?.symptom).not.toContain("assumed to take JSON");
  expect(declared?.evidence.assumedJsonPost).toBeUndefined();
});
