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
      r
        .method("DELETE", (m) => m.authorizer("jwt"))
        .cors({
          allowOrigin: "https://shop.example.com",
          allowCredentials: true,
          allowMethods: "GET,OPTIONS",
          allowHeaders: "Content-Type",
        }),
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

it("judges an OPTIONS by the preflights that fall through to it too", () => {
  const model = api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/users/{userId}", (r) =>
      r.method("GET", (m) => m.authorizer("jwt")).cors({ allowMethods: "GET,OPTIONS", allowHeaders: "Content-Type,Authorization" }),
    )
    .resource("/users/me", (r) => r.method("PATCH", (m) => m.authorizer("jwt")))
    .stage("prod")
    .build();
  const [finding] = runRule(preflightResponseIncomplete, model);
  expect(finding?.target).toMatchObject({ path: "/users/{userId}", httpMethod: "OPTIONS" });
  expect(finding?.message).toContain("omits PATCH from Access-Control-Allow-Methods");
  expect(finding?.symptom).toContain("(and PATCH /users/me, whose preflights fall through to it)");
  const fix = finding?.fixes[0];
  expect(fix?.kind === "set-preflight-headers" ? fix.allowMethods : []).toContain("PATCH");
});
