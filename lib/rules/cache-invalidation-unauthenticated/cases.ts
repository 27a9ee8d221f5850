import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type StageBuilder } from "@/lib/rules/testing/model-builder";

const build = (stage: (s: StageBuilder) => void) =>
  api()
    .resource("/products", (r) => r.method("GET"))
    .resource("/orders", (r) => r.method("GET"))
    .stage("prod", stage)
    .build();

export const cases: RuleCases = {
  valid: [
    { name: "authorization required (the default)", model: build((s) => s.cacheCluster().settings({ cachingEnabled: true })) },
    {
      name: "open invalidation but nothing cached",
      model: build((s) => s.cacheCluster().settings({ requireAuthorizationForCacheControl: false })),
    },
    {
      name: "SUCCEED_WITHOUT_RESPONSE_HEADER ignores the header",
      model: build((s) =>
        s.cacheCluster().settings({ cachingEnabled: true, unauthorizedCacheControlHeaderStrategy: "SUCCEED_WITHOUT_RESPONSE_HEADER" }),
      ),
    },
  ],
  invalid: [
    {
      name: "stage-wide requireAuthorizationForCacheControl false",
      model: build((s) => s.cacheCluster().settings({ cachingEnabled: true, requireAuthorizationForCacheControl: false })),
      findings: [
        {
          messageId: "stageWide",
          target: { stage: "prod" },
          messageIncludes: ["GET /orders and GET /products"],
          fixKinds: ["set-stage-method-setting"],
        },
      ],
    },
    {
      name: "one method override",
      model: build((s) =>
        s.cacheCluster().settings({ cachingEnabled: true }).methodSetting("/orders", "GET", { requireAuthorizationForCacheControl: false }),
      ),
      findings: [{ messageId: "method", target: { stage: "prod", path: "/orders", httpMethod: "GET" } }],
    },
  ],
};
