import type { DeploymentModel, EffectiveMethodSettings, HttpVerb, ResourceModel, StageModel } from "@/lib/model/types";
import type { RawMethodSetting } from "@/lib/model/raw-snapshot";
import type { NormalizeCache } from "@/lib/model/normalize-cache";
import { methodSettingsResolver } from "@/lib/model/method-settings";
import { deployedPaths } from "@/lib/model/deployed-paths";
import { comparePaths, compareVerbs } from "@/lib/model/reshape-resources";

/*
 * A stage's effective method settings: one entry per method it serves (its deployment's summary, or the draft's
 * methods when the deployment is unknown), each the defaults, the stage-wide entry, the method's own overrides merged.
 *
 * A 10,000-method stage has 10,000 entries, and in an audit only the rules about cached methods read them, only on a
 * stage with a cache cluster (lib/rules/support/stage-cache.ts): everywhere else they were 10,000 objects made and
 * dropped (issue 16, `npm run bench:core`). So `stage.effectiveSettings` is made when first read, then kept: the same
 * entries, the same array on every read, an own enumerable property (JSON, structuredClone, spreads and the zod
 * schema see a plain array). The accessor is one pair of functions shared by every stage, so stage objects keep one
 * shape (a literal getter, or one closure per stage, would give each its own, and slower reads for the rules).
 */

interface Pending {
  deployment: DeploymentModel | undefined;
  resources: readonly ResourceModel[];
  methodSettings: Record<string, RawMethodSetting> | undefined;
  cacheClusterEnabled: boolean;
  /** The audit's memo (NormalizeCache.settings): stages with the same inputs share one array. */
  memo: NormalizeCache["settings"] | undefined;
}

/*
 * What a stage's entries are made from until they are first read, then the entries (or what was assigned): kept on the
 * stage itself, under a symbol no copy, JSON or schema sees. Not in a module-level WeakMap keyed by the stage: V8's
 * young-generation collector keeps such a map's values alive whatever becomes of their keys (model-memo.ts), and these
 * values hold the stage's deployment and resources, so every model normalised since the last collection was copied
 * again. The holder is its own object, so a stage frozen before its first read (read-only-model.test.ts) still fills it.
 */
const EFFECTIVE = Symbol("effective settings");

interface Holder {
  pending?: Pending;
  settings?: EffectiveMethodSettings[];
}

type HoldingStage = StageModel & { [EFFECTIVE]: Holder };

const EFFECTIVE_SETTINGS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: HoldingStage): EffectiveMethodSettings[] {
    const holder = this[EFFECTIVE];
    if (holder.settings === undefined) {
      holder.settings = holder.pending === undefined ? [] : effectiveSettingsOnce(holder.pending);
      holder.pending = undefined; // what it was made from is not kept with the model
    }
    return holder.settings;
  },
  set(this: HoldingStage, settings: EffectiveMethodSettings[]) {
    const holder = this[EFFECTIVE];
    holder.settings = settings;
    holder.pending = undefined;
  },
};

/**
 * Adds `effectiveSettings` to a stage being built, made from these inputs when first read. Called where the property
 * belongs in the stage's key order (a new property, not a changed one, which would make the object a slow dictionary).
 */
export function defineEffectiveSettings(stage: StageModel, pending: Pending): void {
  Object.defineProperty(stage, EFFECTIVE, { value: { pending } satisfies Holder });
  Object.defineProperty(stage, "effectiveSettings", EFFECTIVE_SETTINGS);
}

/** One entry per method the stage serves, shared through the memo by stages with the same inputs. */
function effectiveSettingsOnce(pending: Pending): EffectiveMethodSettings[] {
  const { deployment, resources, methodSettings, cacheClusterEnabled, memo } = pending;
  if (!memo) return effectiveSettings(pending);
  const served = deployment ?? resources;
  let bySettings = memo.get(served);
  if (!bySettings) memo.set(served, (bySettings = new Map()));
  let known = bySettings.get(methodSettings);
  if (!known) bySettings.set(methodSettings, (known = []));
  const found = known.find((entry) => entry.cluster === cacheClusterEnabled);
  if (found) return found.settings;
  const settings = effectiveSettings(pending);
  known.push({ cluster: cacheClusterEnabled, settings });
  return settings;
}

interface ServedMethod {
  path: string;
  httpMethod: HttpVerb;
}

function effectiveSettings({ deployment, resources, methodSettings, cacheClusterEnabled }: Pending): EffectiveMethodSettings[] {
  const resolve = methodSettingsResolver(methodSettings, { cacheClusterEnabled });
  return servedMethods(deployment, resources).map(({ path, httpMethod }) => resolve(path, httpMethod));
}

/** Methods a stage serves, in path then verb order: the deployment's summary, or the draft's methods when the deployment is unknown. */
function servedMethods(deployment: DeploymentModel | undefined, resources: readonly ResourceModel[]): ServedMethod[] {
  const methods: ServedMethod[] = [];
  if (deployment) {
    for (const [path, verbs] of deployedPaths(deployment)) {
      for (const httpMethod in verbs) if (Object.hasOwn(verbs, httpMethod)) methods.push({ path, httpMethod: httpMethod as HttpVerb });
    }
  } else {
    for (const resource of resources)
      for (const method of resource.methods) methods.push({ path: method.path, httpMethod: method.httpMethod });
  }
  // Usually in order already (reshapeDeployment sorts the summary, the resources are sorted): the check replaces the sort.
  for (let i = 1; i < methods.length; i++) if (byPathAndVerb(methods[i - 1]!, methods[i]!) > 0) return methods.sort(byPathAndVerb);
  return methods;
}

function byPathAndVerb(a: ServedMethod, b: ServedMethod): number {
  return comparePaths(a.path, b.path) || compareVerbs(a.httpMethod, b.httpMethod);
}
