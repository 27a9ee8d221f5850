import { expect, it } from "vitest";
import { api } from "@/lib/rules/testing/model-builder";
import { runRule, testRule } from "@/lib/rules/testing/rule-tester";
import { cases } from "./cases";
import { actualResponseWithoutCors } from "./rule";

testRule(actualResponseWithoutCors, cases);

it("suggests the origin the resource's preflight already allows, one intent per broken 2xx status", () => {
  const model = api()
    .resource("/orders", (r) =>
      r
        .method("POST", (m) => m.mock().response("200").response("201", { "Access-Control-Allow-Origin": null }, "201"))
        .cors({ allowOrigin: "https://shop.example.com" }),
    )
    .resource("/health", (r) => r.method("GET", (m) => m.mock().response("200")).cors())
    .stage("prod")
    .build();
  const findings = runRule(actualResponseWithoutCors, model);
  expect(findings.map((f) => `${f.target.httpMethod} ${f.target.path}`)).toEqual(["GET /health", "POST /orders"]);
  expect(findings[1]?.fixes).toEqual([
    {
      kind: "add-method-response-cors-origin",
      resourceId: "orders",
      path: "/orders",
      httpMethod: "POST",
      statusCode: "200",
      allowOrigin: "https://shop.example.com",
    },
    {
      kind: "add-method-response-cors-origin",
      resourceId: "orders",
      path: "/orders",
      httpMethod: "POST",
      statusCode: "201",
      allowOrigin: "https://shop.example.com",
    },
    { kind: "redeploy-stage", stage: "prod", description: "Deploy Access-Control-Allow-Origin on POST /orders" },
  ]);
  // /health's own preflight allows '*', and that is what its GET should return.
  expect(findings[0]?.fixes[0]).toMatchObject({ allowOrigin: "*" });
});

it("a resource without a preflight takes the origin the rest of the API uses", () => {
  const model = api()
    .resource("/orders", (r) => r.method("PUT").cors({ allowOrigin: "https://shop.example.com" }))
    .resource("/ping", (r) => r.method("GET", (m) => m.mock().response("200")))
    .build();
  const [finding] = runRule(actualResponseWithoutCors, model);
  expect(finding?.fixes[0]).toMatchObject({
    kind: "add-method-response-cors-origin",
    path: "/ping",
    allowOrigin: "https://shop.example.com",
  });
});
