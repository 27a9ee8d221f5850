import fc from "fast-check";
import { describe, it } from "vitest";
import type { RawApiSnapshot, RawDeployment, RawMethod, RawMethodSetting, RawResource, RawStage } from "@/lib/model/raw-snapshot";
import { expectSameNormalization } from "@/lib/model/testing/same-normalization";

/**
 * Random snapshots through the normaliser and through its reference copy (the code before the second speed pass of
 * issue 16): the same models, byte for byte, and the same warnings. The snapshots mix what real ones hold with what
 * they rarely do: deployments whose served copy is the draft's, a tweaked or reordered copy, or only a summary;
 * summaries that drift (methods added, removed, another authorization), unknown verbs and types, duplicated or
 * unsorted paths, method settings per stage, path and method, unknown deployments, canaries. Seeded and bounded: the
 * machine is shared.
 */
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const ORIGIN = "method.response.header.Access-Control-Allow-Origin";
const PATHS = ["/", "/a", "/a/{id}", "/b", "/b/c~d"] as const;

const rawMethod: fc.Arbitrary<RawMethod> = fc.record(
  {
    authorizationType: pick(["NONE", "NONE", "CUSTOM", "AWS_IAM", "MAGIC"]),
    authorizerId: pick(["a1", "a2"]),
    apiKeyRequired: fc.boolean(),
    authorizationScopes: fc.subarray(["s1", "s2"]),
    requestParameters: fc.dictionary(pick(["method.request.header.x", "method.request.path.id"]), fc.boolean(), { maxKeys: 2 }),
    requestModels: fc.dictionary(pick(["application/json"]), pick(["Empty"]), { maxKeys: 1 }),
    operationName: pick(["op"]),
    requestValidatorId: pick(["", "v1"]),
    methodIntegration: fc.record(
      {
        type: pick(["MOCK", "MOCK", "HTTP_PROXY", "AWS_PROXY", "SOAP"]),
        httpMethod: pick(["POST"]),
        uri: pick(["https://a.example", "https://b.example"]),
        cacheNamespace: pick(["r1"]),
        cacheKeyParameters: fc.subarray(["method.request.path.id", "method.request.header.x"]),
        contentHandling: pick(["CONVERT_TO_TEXT"]),
        requestTemplates: fc.dictionary(pick(["application/json", "text/plain"]), pick(['{"statusCode": 200}', ""]), { maxKeys: 2 }),
        requestParameters: fc.dictionary(pick(["integration.request.header.x"]), pick(["method.request.header.x"]), { maxKeys: 1 }),
        integrationResponses: fc.dictionary(
          pick(["200", "500", "default"]),
          fc.record(
            {
              statusCode: pick(["200", "500", "204"]),
              selectionPattern: pick(["", "5\\d{2}"]),
              responseParameters: fc.dictionary(pick([ORIGIN, "method.response.header.X"]), pick(["'*'", "'https://x.example'"]), {
                maxKeys: 2,
              }),
              responseTemplates: fc.dictionary(pick(["application/json"]), pick(["", "{}"]), { maxKeys: 1 }),
              contentHandling: pick(["CONVERT_TO_TEXT"]),
            },
            { requiredKeys: [] },
          ),
          { maxKeys: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
    methodResponses: fc.dictionary(
      pick(["200", "500"]),
      fc.record(
        {
          statusCode: pick(["200", "500"]),
          responseParameters: fc.dictionary(pick([ORIGIN, "method.response.header.X"]), fc.boolean(), { maxKeys: 2 }),
        },
        { requiredKeys: [] },
      ),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: [] },
);

const rawResources: fc.Arbitrary<RawResource[]> = fc
  .array(
    fc.record(
      {
        id: pick(["r1", "r2", "r3"]),
        parentId: pick(["r0"]),
        path: pick(PATHS),
        pathPart: pick(["a", "b"]),
        resourceMethods: fc.dictionary(pick(["GET", "POST", "OPTIONS", "ANY", "FETCH"]), rawMethod, { maxKeys: 3 }),
      },
      { requiredKeys: ["id", "path"] },
    ),
    { maxLength: 5 },
  )
  // Mostly one resource per path, sorted, as the reader gives them; sometimes not.
  .chain((list) =>
    fc.boolean().map((regular) => {
      if (!regular) return list;
      const seen = new Set<string>();
      return list.filter((r) => !seen.has(r.path) && seen.add(r.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }),
  );

/** The same data with every object's keys in reverse order (as an export orders them differently). */
function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  ) as T;
}

function summaryOf(resources: RawResource[]): NonNullable<RawDeployment["apiSummary"]> {
  const summary: NonNullable<RawDeployment["apiSummary"]> = {};
  for (const r of resources) {
    const verbs = Object.entries(r.resourceMethods ?? {});
    if (verbs.length === 0) continue;
    summary[r.path] = Object.fromEntries(
      verbs.map(([verb, m]) => [verb, { authorizationType: m.authorizationType ?? "NONE", apiKeyRequired: m.apiKeyRequired ?? false }]),
    );
  }
  return summary;
}

/** How a deployment's served copy relates to the draft. */
const COPIES = ["same objects", "clone", "reordered clone", "tweaked clone", "other resources", "summary only", "unknown"] as const;

const rawSetting: fc.Arbitrary<RawMethodSetting> = fc.record(
  {
    cachingEnabled: fc.boolean(),
    cacheTtlInSeconds: pick([0, 60, 300]),
    cacheDataEncrypted: fc.boolean(),
    metricsEnabled: fc.boolean(),
    throttlingBurstLimit: pick([10, 5000]),
    loggingLevel: pick(["OFF", "INFO"]),
    unauthorizedCacheControlHeaderStrategy: pick(["FAIL_WITH_403", "SUCCEED_WITHOUT_RESPONSE_HEADER", "SHRUG"]),
  },
  { requiredKeys: [] },
);

const settingKeys = pick(["*/*", "~1a/GET", "~1a/*", "~1a~1{id}/OPTIONS", "~1/GET", "~1b~1c~0d/POST", "bogus"]);

const snapshotArbitrary: fc.Arbitrary<RawApiSnapshot> = fc
  .record({
    draft: rawResources,
    other: rawResources,
    copies: fc.array(pick(COPIES), { minLength: 1, maxLength: 2 }),
    tweak: fc.nat(),
    drift: fc.array(fc.tuple(pick(PATHS), pick(["GET", "DELETE", "OPTIONS", "FETCH"]), pick(["NONE", "AWS_IAM", "MAGIC"]), fc.boolean()), {
      maxLength: 3,
    }),
    stages: fc.array(
      fc.record({
        deployment: fc.nat(2),
        canary: fc.option(fc.nat(2), { nil: undefined }),
        cluster: fc.boolean(),
        settings: fc.option(fc.dictionary(settingKeys, rawSetting, { maxKeys: 3 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ draft, other, copies, tweak, drift, stages }) => {
    const deployments: Record<string, RawDeployment> = {};
    copies.forEach((copy, index) => {
      const id = `d${index}`;
      let served: RawResource[] = draft;
      if (copy === "clone") served = structuredClone(draft);
      if (copy === "reordered clone") served = reordered(structuredClone(draft));
      if (copy === "other resources") served = other;
      if (copy === "tweaked clone") {
        served = structuredClone(draft);
        const methods = served.flatMap((r) => Object.values(r.resourceMethods ?? {}));
        const method = methods[tweak % Math.max(1, methods.length)];
        if (method) {
          method.apiKeyRequired = !method.apiKeyRequired;
          if (method.methodIntegration) method.methodIntegration.uri = "https://changed.example";
          method.methodResponses = { "403": { statusCode: "403", responseParameters: { [ORIGIN]: false } } };
        }
      }
      const apiSummary = summaryOf(served);
      for (const [path, verb, authorizationType, apiKeyRequired] of drift)
        (apiSummary[path] ??= {})[verb] = { authorizationType, apiKeyRequired };
      if (copy === "unknown") deployments[id] = { id, apiSummary: {} };
      else if (copy === "summary only") deployments[id] = { id, description: "summary", apiSummary };
      else
        deployments[id] = {
          id,
          createdDate: "2026-01-01T00:00:00Z",
          apiSummary,
          served: { source: "export", exportedStage: "s0", resources: served, authorizers: [], gatewayResponses: [], filledFromDraft: [] },
        };
    });
    const rawStages: RawStage[] = stages.map((s, index) => {
      const stage: RawStage = {
        stageName: `s${index}`,
        deploymentId: `d${s.deployment}`,
        cacheClusterEnabled: s.cluster,
        variableNames: ["b", "a"],
      };
      if (s.settings) stage.methodSettings = s.settings;
      if (s.canary !== undefined) stage.canarySettings = { deploymentId: `d${s.canary}`, percentTraffic: 10 };
      return stage;
    });
    return {
      region: "us-east-1",
      restApi: { id: "api1", name: "shop" },
      resources: draft,
      authorizers: [],
      stages: rawStages,
      gatewayResponses: [],
      deployments,
      missing: [],
    } satisfies RawApiSnapshot;
  });

describe("normalizeApi gives what its reference copy gives", () => {
  it("for random snapshots, alone and with one cache shared by several normalisations", () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        // The draft, then each deployment's configuration served on its own (as lib/audit/stage-runs.ts builds it).
        const served = Object.values(snapshot.deployments)
          .filter((d) => d.served)
          .map((d): RawApiSnapshot => ({
            ...snapshot,
            resources: d.served!.resources,
            stages: (snapshot.stages ?? []).filter((s) => s.deploymentId === d.id).map((s) => ({ ...s, canarySettings: undefined })),
            deployments: { [d.id]: d },
          }));
        expectSameNormalization([snapshot, ...served]);
      }),
      { seed: 20_261_201, numRuns: 400 },
    );
  });
});
