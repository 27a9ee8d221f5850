import { describe, expect, it } from "vitest";
import { normalizeApi } from "@/lib/model/normalize";
import { createNormalizeCache } from "@/lib/model/normalize-cache";
import { apiModelSchema } from "@/lib/model/schema";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import type { EffectiveMethodSettings } from "@/lib/model/types";

/**
 * A stage's effective settings are made when first read (effective-settings.ts): the stage must look and behave as if
 * they had been there from the start, and be made once.
 */
function snapshot(): RawApiSnapshot {
  return {
    region: "us-east-1",
    restApi: { id: "api1", name: "shop" },
    resources: [
      { id: "r1", path: "/" },
      { id: "r2", parentId: "r1", path: "/a", pathPart: "a", resourceMethods: { GET: {}, OPTIONS: {} } },
    ],
    authorizers: [],
    stages: [
      {
        stageName: "prod",
        deploymentId: "d1",
        cacheClusterEnabled: true,
        variableNames: [],
        methodSettings: { "*/*": { cachingEnabled: true }, "~1a/OPTIONS": { cacheTtlInSeconds: 10 } },
      },
    ],
    gatewayResponses: [],
    deployments: { d1: { id: "d1", apiSummary: { "/a": { GET: { authorizationType: "NONE" }, OPTIONS: {} } } } },
    missing: [],
  };
}

describe("a stage's effective settings", () => {
  it("are made on first read, once, and shared by the audit's normalisations", () => {
    const cache = createNormalizeCache();
    const first = normalizeApi(snapshot(), { cache }).model.stages[0]!;
    expect(cache.settings.size).toBe(0); // nothing made yet
    const settings = first.effectiveSettings;
    expect(cache.settings.size).toBe(1);
    expect(first.effectiveSettings).toBe(settings);
    expect(settings.map((s) => [s.httpMethod, s.path, s.cachingEnabled, s.cacheTtlInSeconds, s.source])).toEqual([
      ["GET", "/a", true, 300, "stage"],
      ["OPTIONS", "/a", false, 10, "method"],
    ]);
  });

  it("are an own enumerable property in the stage's key order, seen by JSON, copies and the schema", () => {
    const { model } = normalizeApi(snapshot());
    const stage = model.stages[0]!;
    expect(Object.keys(stage).slice(5, 8)).toEqual(["methodSettings", "effectiveSettings", "drift"]);
    const json = JSON.parse(JSON.stringify(stage)) as typeof stage;
    expect(json.effectiveSettings).toHaveLength(2);
    expect({ ...stage }.effectiveSettings).toBe(stage.effectiveSettings);
    expect(structuredClone(stage)).toEqual(json);
    expect(Object.getOwnPropertyDescriptor({ ...stage }, "effectiveSettings")?.value).toHaveLength(2);
    expect(apiModelSchema.safeParse(model).success).toBe(true);
  });

  it("can be replaced, as a data property could", () => {
    const stage = normalizeApi(snapshot()).model.stages[0]!;
    const replacement: EffectiveMethodSettings[] = [];
    stage.effectiveSettings = replacement;
    expect(stage.effectiveSettings).toBe(replacement);
    expect(JSON.parse(JSON.stringify(stage)).effectiveSettings).toEqual([]);
  });

  it("are made on first read of a stage frozen before it (models are read-only downstream)", () => {
    const stage = Object.freeze(normalizeApi(snapshot()).model.stages[0]!);
    expect(stage.effectiveSettings.map((s) => [s.httpMethod, s.cacheTtlInSeconds])).toEqual([
      ["GET", 300],
      ["OPTIONS", 10],
    ]);
    expect(stage.effectiveSettings).toBe(stage.effectiveSettings);
  });
});
