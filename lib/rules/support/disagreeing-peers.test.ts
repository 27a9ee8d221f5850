import { expect, it } from "vitest";
import { optionsRequiresAuthorization } from "@/lib/rules/options-requires-authorization/rule";
import { cacheKeyMissingCallerIdentity } from "@/lib/rules/cache-key-missing-caller-identity/rule";
import { api } from "@/lib/rules/testing/model-builder";
import { runRule } from "@/lib/rules/testing/rule-tester";

it("a finding whose fix opens OPTIONS says Checkov, Powerpipe and cdk-nag will flag it, and why", () => {
  const model = api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/orders", (r) =>
      r
        .method("PUT", (m) => m.authorizer("jwt"))
        .cors()
        .options((m) => m.authorizer("jwt")),
    )
    .stage("prod")
    .build();
  const [finding] = runRule(optionsRequiresAuthorization, model);
  expect(finding?.message).toContain(
    "Checkov CKV2_AWS_70, Powerpipe api_gateway_method_authorization_type_configured, cdk-nag AwsSolutions-APIG4 will flag this fix",
  );
  expect(finding?.message).toContain("browsers send OPTIONS without credentials");
});

it("a finding whose fix opens nothing says nothing about peers", () => {
  const model = api()
    .authorizer("jwt", { type: "TOKEN" })
    .resource("/orders/{id}", (r) => r.method("GET", (m) => m.authorizer("jwt").cacheKey("method.request.path.id")).cors())
    .stage("prod", (s) => s.cacheCluster().settings({ cachingEnabled: true }))
    .build();
  for (const finding of runRule(cacheKeyMissingCallerIdentity, model)) expect(finding.message).not.toContain("will flag");
});
