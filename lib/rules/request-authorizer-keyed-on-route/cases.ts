import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type AuthorizerSpec } from "@/lib/rules/testing/model-builder";

const build = (spec: AuthorizerSpec) =>
  api()
    .authorizer("route", spec)
    .resource("/reports", (r) =>
      r
        .method("GET", (m) => m.authorizer("route"))
        .method("POST", (m) => m.authorizer("route"))
        .cors(),
    )
    .stage("prod")
    .build();

export const cases: RuleCases = {
  valid: [
    {
      name: "keyed on the session header and the route",
      model: build({ type: "REQUEST", identitySource: "method.request.header.X-Session,context.httpMethod,context.resourcePath" }),
    },
    {
      name: "route-only identity sources with caching off",
      model: build({ type: "REQUEST", ttl: 0, identitySource: "context.httpMethod,context.resourcePath" }),
    },
    {
      name: "keyed on the caller's source IP",
      model: build({ type: "REQUEST", identitySource: "context.identity.sourceIp,context.httpMethod" }),
    },
    { name: "a TOKEN authorizer", model: build({ type: "TOKEN" }) },
  ],
  invalid: [
    {
      name: "context.httpMethod and context.resourcePath only, TTL unset (300 s)",
      model: build({ type: "REQUEST", identitySource: "context.httpMethod,context.resourcePath" }),
      findings: [
        {
          messageId: "routeKeyed",
          severity: "high",
          target: { authorizerId: "route" },
          stages: ["prod"],
          messageIncludes: ["300 s", "context.httpMethod and context.resourcePath", "GET /reports and POST /reports"],
          fixKinds: ["set-authorizer-ttl", "flush-authorizer-cache"],
        },
      ],
    },
    {
      name: "a stage variable only",
      model: build({ type: "REQUEST", ttl: 60, identitySource: "stageVariables.tenant" }),
      findings: [{ messageId: "routeKeyed", messageIncludes: ["60 s"] }],
    },
  ],
};
