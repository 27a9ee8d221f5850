import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type MethodBuilder, type StageBuilder } from "@/lib/rules/testing/model-builder";

const storefront = (method: (m: MethodBuilder) => void, stage: (s: StageBuilder) => void) =>
  api()
    .authorizer("shop", { type: "TOKEN" })
    .resource("/products/{id}", (r) => r.method("GET", method))
    .resource("/catalog", (r) => r.method("GET"))
    .stage("prod", stage)
    .build();

const cached = (s: StageBuilder) => s.cacheCluster().settings({ cachingEnabled: true, cacheDataEncrypted: true });

export const cases: RuleCases = {
  valid: [
    {
      name: "the caller's token is in the cache key",
      model: storefront((m) => m.authorizer("shop").cacheKey("method.request.path.id", "method.request.header.Authorization"), cached),
    },
    {
      name: "cache cluster on, no method caching",
      model: storefront(
        (m) => m.authorizer("shop"),
        (s) => s.cacheCluster(),
      ),
    },
    {
      name: "caching only on the unauthenticated method",
      model: storefront(
        (m) => m.authorizer("shop"),
        (s) => s.cacheCluster().methodSetting("/catalog", "GET", { cachingEnabled: true }),
      ),
    },
    {
      name: "caching enabled without a cache cluster does nothing",
      model: storefront(
        (m) => m.authorizer("shop"),
        (s) => s.settings({ cachingEnabled: true }),
      ),
    },
    {
      name: "stage-wide caching applies to GET only; an authorized POST is not cached",
      model: api()
        .authorizer("shop", { type: "TOKEN" })
        .resource("/orders", (r) => r.method("POST", (m) => m.authorizer("shop")))
        .stage("prod", cached)
        .build(),
    },
  ],
  invalid: [
    {
      name: "authorized GET cached by path id only",
      model: storefront((m) => m.authorizer("shop").cacheKey("method.request.path.id"), cached),
      findings: [
        {
          messageId: "shared",
          target: { path: "/products/{id}", httpMethod: "GET", stage: "prod" },
          stages: ["prod"],
          messageIncludes: ["method.request.path.id", "method.request.header.Authorization"],
          fixKinds: ["add-cache-key-parameter", "redeploy-stage"],
        },
      ],
    },
    {
      name: "a method override caches an authorized GET",
      model: storefront(
        (m) => m.authorizer("shop"),
        (s) => s.cacheCluster().methodSetting("/products/{id}", "GET", { cachingEnabled: true }),
      ),
      findings: [{ messageId: "shared", messageIncludes: ["no parameters"] }],
    },
    {
      name: "AWS_IAM GET cached by path id: recommend turning caching off, not keying on the SigV4 signature",
      model: storefront((m) => m.auth("AWS_IAM").cacheKey("method.request.path.id"), cached),
      findings: [
        {
          messageId: "iamShared",
          severity: "high",
          messageIncludes: ["turn caching off", "Checkov CKV_AWS_225, AWS Config api-gw-cache-enabled-and-encrypted"],
          fixKinds: ["set-stage-method-setting"],
        },
      ],
    },
    {
      name: "AWS_IAM GET keyed on Authorization: the cache never hits",
      model: storefront((m) => m.auth("AWS_IAM").cacheKey("method.request.path.id", "method.request.header.Authorization"), cached),
      findings: [{ messageId: "iamKeyed", severity: "low" }],
    },
  ],
};
