import type { RuleCases } from "@/lib/rules/testing/rule-tester";
import { api, type StageBuilder } from "@/lib/rules/testing/model-builder";

const build = (stage: (s: StageBuilder) => void) =>
  api()
    .resource("/products", (r) => r.method("GET"))
    .stage("prod", stage)
    .build();

export const cases: RuleCases = {
  valid: [
    { name: "encrypted cache", model: build((s) => s.cacheCluster().settings({ cachingEnabled: true, cacheDataEncrypted: true })) },
    { name: "cache cluster with no method caching", model: build((s) => s.cacheCluster()) },
  ],
  invalid: [
    {
      name: "stage-wide caching without encryption",
      model: build((s) => s.cacheCluster().settings({ cachingEnabled: true })),
      findings: [{ messageId: "stageWide", severity: "low", target: { stage: "prod" }, fixKinds: ["set-stage-method-setting"] }],
    },
  ],
};
