import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type StageBuilder } from "@/lib/rules/testing/model-builder";

const build = (stage: (s: StageBuilder) => void) =>
  api()
    .resource("/products", (r) => r.method("GET").cors())
    .resource("/orders", (r) => r.method("GET").method("POST").cors())
    .stage("prod", stage)
    .build();

export const cases: RuleCases = {
  valid: [
    {
      name: "the default strategy (SUCCEED_WITH_RESPONSE_HEADER)",
      model: build((s) => s.cacheCluster().settings({ cachingEnabled: true })),
    },
    {
      name: "FAIL_WITH_403 but nothing cached (no cache cluster)",
      model: build((s) => s.settings({ cachingEnabled: true, unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403" })),
    },
    {
      name: "FAIL_WITH_403 with invalidation open to everyone (no 403; cache-invalidation-unauthenticated reports it)",
      model: build((s) =>
        s.cacheCluster().settings({
          cachingEnabled: true,
          requireAuthorizationForCacheControl: false,
          unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403",
        }),
      ),
    },
    {
      name: "FAIL_WITH_403 only on an uncached POST override",
      model: build((s) =>
        s
          .cacheCluster()
          .settings({ cachingEnabled: true })
          .methodSetting("/orders", "POST", { cachingEnabled: false, unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403" }),
      ),
    },
  ],
  invalid: [
    {
      name: "stage-wide FAIL_WITH_403 on cached GETs",
      model: build((s) => s.cacheCluster().settings({ cachingEnabled: true, unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403" })),
      findings: [
        {
          messageId: "stageWide",
          target: { stage: "prod" },
          stages: ["prod"],
          messageIncludes: ["GET /orders and GET /products", "FAIL_WITH_403"],
          fixKinds: ["set-stage-method-setting"],
        },
      ],
    },
    {
      name: "one cached method's override",
      model: build((s) =>
        s
          .cacheCluster()
          .settings({ cachingEnabled: true })
          .methodSetting("/orders", "GET", { unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403" }),
      ),
      findings: [{ messageId: "method", target: { stage: "prod", path: "/orders", httpMethod: "GET" } }],
    },
  ],
};
