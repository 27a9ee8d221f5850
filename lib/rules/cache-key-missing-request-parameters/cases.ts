import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type MethodBuilder } from "@/lib/rules/testing/model-builder";

const cachedProd = (s: import("@/lib/rules/testing/model-builder").StageBuilder) => s.cacheCluster().settings({ cachingEnabled: true });
const build = (get: (m: MethodBuilder) => void, cached = true) =>
  api()
    .resource("/orders/{id}", (r) => r.method("GET", get).cors())
    .stage("prod", cached ? cachedProd : undefined)
    .build();

export const cases: RuleCases = {
  valid: [
    { name: "the path parameter is in the cache key", model: build((m) => m.cacheKey("method.request.path.id")) },
    { name: "nothing cached", model: build(() => {}, false) },
    {
      name: "declared query string keyed too",
      model: build((m) => m.cacheKey("method.request.path.id", "method.request.querystring.expand")),
    },
  ],
  invalid: [
    {
      name: "cached GET /orders/{id} without method.request.path.id",
      model: build(() => {}),
      findings: [
        {
          messageId: "path",
          severity: "high",
          target: { stage: "prod", path: "/orders/{id}", httpMethod: "GET" },
          messageIncludes: ["method.request.path.id"],
          fixKinds: ["add-cache-key-parameter", "redeploy-stage"],
        },
      ],
    },
    {
      name: "a declared query string left out of the key",
      model: build((m) => m.cacheKey("method.request.path.id").requestParameter("method.request.querystring.page")),
      findings: [{ messageId: "query", severity: "medium", messageIncludes: ["method.request.querystring.page"] }],
    },
  ],
};
