/**
 * Reference copy (a test oracle, never used by the product) of lib/model/normalize-cache.ts as it was on main 29ed0d8, before the
 * normaliser's second speed pass (issue 16). normalize-differential.test.ts normalises every seed, every corpus template and
 * random snapshots with both and requires the same JSON and the same warnings. Kept as it was: do not optimise it.
 */
import type { RawDeployment, RawMethodSetting, RawResource } from "@/lib/model/raw-snapshot";
import type { DeploymentModel, DriftItem, EffectiveMethodSettings, ResourceModel } from "@/lib/model/types";
import { reshapeResources, type ResourceDonor } from "@/lib/model/testing/reference/reshape-resources";

/**
 * Work that several normalisations of one audit can share. An audit normalises the draft and then, for each stage, the
 * configuration that stage's deployment serves (lib/audit/stage-runs.ts); both carry the same raw objects (the
 * deployment, its exported resources), so reshaping them again gave 10,000-method APIs the same work two or three
 * times over (issue 16, `npm run bench:core`). Keyed on the raw objects' identity; a cache belongs to one audit (the
 * snapshot is not modified meanwhile) and is dropped with it, so no model outlives its audit through it.
 *
 * Shared results are the same objects in each model (a deployment, its resources, a drift list): normalized models are
 * read-only. The warnings a result gave are said again each time it is reused, so each normalisation still reports
 * everything it met.
 */
export interface NormalizeCache {
  readonly resources: Map<readonly RawResource[], Remembered<ResourceModel[]>>;
  /** The API's own resources, once normalized: what a deployment's copy of them reuses where it is equal. */
  donor?: ResourceDonor;
  readonly deployments: Map<RawDeployment, Remembered<DeploymentModel>>;
  readonly drift: Map<DeploymentModel, Map<readonly ResourceModel[], DriftItem[]>>;
  /** Effective settings per served list (a deployment, or the draft's resources) and per stage settings and cache cluster. */
  readonly settings: Map<
    DeploymentModel | readonly ResourceModel[],
    Map<Record<string, RawMethodSetting> | undefined, { cluster: boolean; settings: EffectiveMethodSettings[] }[]>
  >;
}

export interface Remembered<T> {
  value: T;
  warnings: string[];
}

export function createNormalizeCache(): NormalizeCache {
  return { resources: new Map(), deployments: new Map(), drift: new Map(), settings: new Map() };
}

/** make(key) once per key; a reused value says its warnings again, in the order they were first said. */
export function remember<K, V>(
  memo: Map<K, Remembered<V>>,
  key: K,
  warn: (message: string) => void,
  make: (warn: (message: string) => void) => V,
): V {
  const known = memo.get(key);
  if (known) {
    for (const message of known.warnings) warn(message);
    return known.value;
  }
  const warnings: string[] = [];
  const value = make((message) => {
    warnings.push(message);
    warn(message);
  });
  memo.set(key, { value, warnings });
  return value;
}

/** reshapeResources, once per resource list of the cache. */
export function reshapeResourcesOnce(
  raw: readonly RawResource[],
  warn: (message: string) => void,
  cache: NormalizeCache | undefined,
): ResourceModel[] {
  return cache ? remember(cache.resources, raw, warn, (say) => reshapeResources(raw, say, cache.donor)) : reshapeResources(raw, warn);
}
