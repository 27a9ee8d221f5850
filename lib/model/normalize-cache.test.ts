import { describe, expect, it } from "vitest";
import { normalizeApi } from "@/lib/model/normalize";
import { createNormalizeCache } from "@/lib/model/normalize-cache";
import type { RawApiSnapshot, RawResource, RawStage } from "@/lib/model/raw-snapshot";

/**
 * One audit's normalisations share their raw objects: the draft's deployment and the same deployment served on its own
 * (lib/audit/stage-runs.ts builds that snapshot from the draft's raw objects). With one cache the second normalisation
 * reuses the first one's work and still answers exactly as on its own, warnings included.
 */
function draft(): RawApiSnapshot {
  const served: RawResource[] = [
    {
      id: "r2",
      parentId: "r1",
      path: "/orders",
      pathPart: "orders",
      resourceMethods: {
        // An unknown verb and an unknown authorization type: the deployed copy warns.
        FETCH: { httpMethod: "FETCH" },
        GET: { httpMethod: "GET", authorizationType: "MAGIC", apiKeyRequired: false },
        OPTIONS: {
          httpMethod: "OPTIONS",
          authorizationType: "NONE",
          methodIntegration: {
            type: "MOCK",
            integrationResponses: { "200": { responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'*'" } } },
          },
          methodResponses: { "200": { responseParameters: { "method.response.header.Access-Control-Allow-Origin": false } } },
        },
      },
    },
    { id: "r1", path: "/" },
  ];
  const stage: RawStage = {
    stageName: "prod",
    deploymentId: "d1",
    variableNames: [],
    methodSettings: { "*/*": { metricsEnabled: true, cachingEnabled: true } },
    canarySettings: { deploymentId: "d1", percentTraffic: 10 },
  };
  return {
    region: "us-east-1",
    restApi: { id: "abc123", name: "shop" },
    resources: [
      { id: "r1", path: "/" },
      {
        id: "r2",
        parentId: "r1",
        path: "/orders",
        pathPart: "orders",
        resourceMethods: { GET: { httpMethod: "GET", authorizationType: "NONE", apiKeyRequired: false } },
      },
    ],
    authorizers: [],
    stages: [stage],
    gatewayResponses: [],
    deployments: {
      d1: {
        id: "d1",
        apiSummary: {
          "/orders": {
            OPTIONS: { authorizationType: "NONE", apiKeyRequired: false },
            GET: { authorizationType: "MAGIC", apiKeyRequired: false },
          },
        },
        served: { source: "export", exportedStage: "prod", resources: served, authorizers: [], gatewayResponses: [], filledFromDraft: [] },
      },
    },
    missing: [],
  };
}

/** The deployment's configuration as the stage serves it, from the same raw objects (as stage-runs.ts builds it). */
function servedBy(snapshot: RawApiSnapshot): RawApiSnapshot {
  const deployment = snapshot.deployments.d1!;
  const stage: RawStage = { ...snapshot.stages![0]! };
  delete stage.canarySettings;
  return {
    ...snapshot,
    resources: deployment.served!.resources,
    authorizers: deployment.served!.authorizers,
    gatewayResponses: deployment.served!.gatewayResponses,
    stages: [stage],
    deployments: { d1: deployment },
  };
}

describe("normalizeApi with a cache shared by one audit's normalisations", () => {
  it("answers as without it, warnings included, and reuses the deployment, its resources and the settings", () => {
    const snapshot = draft();
    const cache = createNormalizeCache();
    const first = normalizeApi(snapshot, { cache });
    const second = normalizeApi(servedBy(snapshot), { cache });
    expect(first).toEqual(normalizeApi(snapshot));
    expect(second).toEqual(normalizeApi(servedBy(snapshot)));
    expect(JSON.stringify(second)).toBe(JSON.stringify(normalizeApi(servedBy(snapshot))));
    // The deployed copy's warnings are said in each normalisation (twice in the draft's: stage and canary).
    expect(first.warnings.filter((w) => w.includes("FETCH"))).toHaveLength(2);
    expect(second.warnings.filter((w) => w.includes("FETCH"))).toHaveLength(2);
    expect(second.warnings).toEqual(normalizeApi(servedBy(snapshot)).warnings);

    const deployment = first.model.stages[0]!.deployment!;
    expect(second.model.stages[0]!.deployment).toBe(deployment);
    expect(first.model.stages[0]!.canary!.deployment).toBe(deployment);
    expect(second.model.resources).toBe(deployment.served!.resources);
    expect(second.model.stages[0]!.effectiveSettings).toBe(first.model.stages[0]!.effectiveSettings);
  });

  it("keeps apart what differs: the draft's resources, another cache cluster", () => {
    const snapshot = draft();
    const cache = createNormalizeCache();
    const first = normalizeApi(snapshot, { cache });
    const clustered = servedBy(snapshot);
    // The same method settings (the same object) on a stage with a cache cluster: GET is cached there.
    clustered.stages = [{ ...clustered.stages![0]!, cacheClusterEnabled: true }];
    const second = normalizeApi(clustered, { cache });
    expect(second).toEqual(normalizeApi(clustered));
    expect(second.model.resources).not.toBe(first.model.resources);
    expect(second.model.stages[0]!.effectiveSettings.find((s) => s.httpMethod === "GET")?.cachingEnabled).toBe(true);
    expect(first.model.stages[0]!.effectiveSettings.find((s) => s.httpMethod === "GET")?.cachingEnabled).toBe(false);
  });
});
