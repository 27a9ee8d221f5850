import { createRestApi } from "../control-plane/rest-apis";
import { updateStage } from "../control-plane/stages";
import type { EmulatorStore } from "../store";
import { ApiBuilder } from "./api-builder";

/**
 * Synthetic APIs for benchmarks: `resources` resources, each with GET (+ OPTIONS on every other
 * one), deployed to `stages`. Built through the write functions like every seed.
 */
export interface LargeApiOptions {
  resources: number;
  stages?: string[];
  name?: string;
  accountId?: string;
  region?: string;
  /** A resource policy (JSON text) for the API, as CreateRestApi takes it. */
  policy?: string;
}

export function generateLargeApi(store: EmulatorStore, options: LargeApiOptions): string {
  if (!Number.isInteger(options.resources) || options.resources < 1)
    throw new Error("generateLargeApi: resources must be a positive integer");
  const scope = store.scope(options.accountId, options.region);
  const apiId = createRestApi(scope, {
    name: options.name ?? `large-${options.resources}`,
    endpointConfiguration: { types: ["REGIONAL"] },
    ...(options.policy === undefined ? {} : { policy: options.policy }),
  }).id;
  const builder = new ApiBuilder(scope, apiId);
  // Two levels (/sN/itemM) so paths look like real APIs rather than one flat list.
  const perSection = 10;
  for (let index = 0; index < options.resources; index += 1) {
    const section = Math.floor(index / perSection);
    const path = index % perSection === 0 ? `/s${section}` : `/s${section}/item${index % perSection}`;
    builder.mockMethod(path, "GET", { authorizationType: "NONE" }, { index });
    if (index % 2 === 0) builder.corsOptions(path, { allowMethods: "GET,OPTIONS", allowHeaders: "Content-Type,Authorization" });
  }
  for (const [index, stageName] of (options.stages ?? ["prod"]).entries()) {
    builder.deploy({ stageName, description: `deployment for ${stageName}` });
    updateStage(scope, apiId, stageName, [{ op: "replace", path: "/*/*/metrics/enabled", value: String(index === 0) }]);
  }
  return apiId;
}

/** Fills one account/region with `count` APIs, for the multi-API sweep benchmark. */
export function seedManyApis(
  store: EmulatorStore,
  options: { count: number; resourcesPerApi: number; accountId?: string; region?: string; stages?: string[] },
): string[] {
  const ids: string[] = [];
  for (let index = 0; index < options.count; index += 1) {
    ids.push(
      generateLargeApi(store, {
        resources: options.resourcesPerApi,
        stages: options.stages,
        name: `sweep-${String(index + 1).padStart(3, "0")}`,
        accountId: options.accountId,
        region: options.region,
      }),
    );
  }
  return ids;
}
