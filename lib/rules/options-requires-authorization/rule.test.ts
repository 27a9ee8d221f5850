import { expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { optionsRequiresAuthorization } from "./rule";

testRule(optionsRequiresAuthorization, cases);

it("names the browser call and the missing header in the symptom", () => {
  const model = api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/orders/{id}", (r) => r.method("PUT", (m) => m.authorizer("jwt")).options((m) => m.authorizer("jwt").cors()))
    .stage("prod")
    .build();
  const [finding] = runRule(optionsRequiresAuthorization, model);
  expect(finding?.symptom).toBe(
    'Browsers calling PUT /orders/{id} from another origin fail: the preflight OPTIONS /orders/{id} gets 401 {"message":"Unauthorized"} because Lambda TOKEN authorizer \'jwt\' needs the Authorization header, which a preflight never carries, so API Gateway answers without invoking the Lambda.',
  );
  expect(finding?.fixes[0]).toEqual({
    kind: "set-method-authorization",
    resourceId: "orders-id",
    path: "/orders/{id}",
    httpMethod: "OPTIONS",
    from: "CUSTOM",
    to: "NONE",
  });
});

it("lowers its confidence for a REQUEST authorizer with caching off whose header source a preflight lacks", () => {
  const build = (ttl: number) =>
    api()
      .authorizer("session", { type: "REQUEST", identitySource: "method.request.header.X-Session", ttl })
      .resource("/cart", (r) => r.method("PUT", (m) => m.authorizer("session")).options((m) => m.authorizer("session").cors()))
      .stage("prod")
      .build();
  const [uncached] = runRule(optionsRequiresAuthorization, build(0));
  expect(uncached?.message).toContain('401 {"message":"Unauthorized"}');
  expect(uncached?.confidence).toBe("likely");
  const [cached] = runRule(optionsRequiresAuthorization, build(300));
  expect(cached?.confidence).toBe("certain");
});

it("judges a preflight that falls through to a {param} sibling's guarded OPTIONS by that OPTIONS", () => {
  const model = api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/users/{userId}", (r) => r.method("GET", (m) => m.authorizer("jwt")).options((m) => m.authorizer("jwt").cors()))
    .resource("/users/me", (r) => r.method("PATCH", (m) => m.authorizer("jwt")))
    .stage("prod")
    .build();
  const findings = runRule(optionsRequiresAuthorization, model);
  expect(findings).toHaveLength(1);
  expect(findings[0]?.evidence.answersFor).toEqual(["/users/me"]);
  expect(findings[0]?.symptom).toContain("PATCH /users/me (whose preflights fall through to OPTIONS /users/{userId})");
});

it("words a TTL 0 REQUEST authorizer that runs on the preflight as every time, with no cache flush and a likely confidence", () => {
  const model = api()
    .authorizer("tenant", { type: "REQUEST", identitySource: "context.httpMethod", ttl: 0 })
    .resource("/orders", (r) => r.method("PUT", (m) => m.authorizer("tenant")).options((m) => m.authorizer("tenant").cors()))
    .stage("prod")
    .build();
  const [finding] = runRule(optionsRequiresAuthorization, model);
  expect(finding?.symptom).not.toContain("intermittently");
  expect(finding?.symptom).toContain("every time");
  expect(finding?.evidence.failsEveryTime).toBe(true);
  expect(finding?.confidence).toBe("likely");
  expect(finding?.fixes.map((f) => f.kind)).not.toContain("flush-authorizer-cache");
});
