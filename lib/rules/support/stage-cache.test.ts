import { describe, expect, it } from "vitest";
import { cachedMethods } from "@/lib/rules/support/stage-cache";
import type { EffectiveMethodSettings, StageModel } from "@/lib/model/types";
import { DEFAULT_METHOD_SETTINGS } from "@/lib/model/method-settings";

const SETTING: EffectiveMethodSettings = {
  ...DEFAULT_METHOD_SETTINGS,
  cachingEnabled: true,
  path: "/a",
  httpMethod: "GET",
  source: "stage",
};

function stage(cacheClusterEnabled: boolean, effectiveSettings: () => EffectiveMethodSettings[]): StageModel {
  const model = {
    name: "prod",
    deploymentId: "d1",
    cacheClusterEnabled,
    tracingEnabled: false,
    variableNames: [],
    methodSettings: {},
    drift: [],
  };
  return Object.defineProperty(model, "effectiveSettings", { get: effectiveSettings, enumerable: true }) as unknown as StageModel;
}

describe("cachedMethods", () => {
  it("does not read a stage's per-method settings when the stage has no cache cluster (they are made on first read)", () => {
    expect(
      cachedMethods(
        stage(false, () => {
          throw new Error("read");
        }),
      ),
    ).toEqual([]);
  });

  it("lists the cached methods of a stage with a cache cluster", () => {
    expect(cachedMethods(stage(true, () => [SETTING, { ...SETTING, httpMethod: "POST" }]))).toEqual([SETTING]);
  });
});
