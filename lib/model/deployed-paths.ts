import type { DeployedMethodSummary, DeploymentModel, HttpVerb } from "@/lib/model/types";

/*
 * A deployment's API summary, path by path, as the audit reads it. The model's `apiSummary` is a plain record (what
 * reports store and share, the schema, the page), but a 10,000-method deployment's record has 6,667 path keys: V8 holds
 * such an object as a dictionary, adds each key in its runtime (more than twice a Map's cost), and walks it by
 * listing and sorting its keys, which drift, the routing tree and the rules' preflight list each did (issue 16,
 * `npm run bench:core`). So a normalised deployment keeps its summary as a Map, and `apiSummary` is made from it when
 * first read, as a stage's effective settings are (effective-settings.ts): an own enumerable property in its place in
 * the key order, seen by JSON, copies and the schema as the record it always was. The audit's readers go through
 * `deployedPaths` and `deployedVerbsAt`, which answer from the Map, or from the record of a deployment built any other
 * way (a stored report, a test's builder).
 */

export type DeployedVerbs = Partial<Record<HttpVerb, DeployedMethodSummary>>;

const PATHS = Symbol("deployed paths");

/** The Map a deployment was normalised with, and the record once made (or assigned, which replaces the Map). */
interface Holder {
  paths: ReadonlyMap<string, DeployedVerbs> | undefined;
  record: Record<string, DeployedVerbs> | undefined;
}

type HoldingDeployment = DeploymentModel & { [PATHS]?: Holder };

const API_SUMMARY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: HoldingDeployment): Record<string, DeployedVerbs> {
    const holder = this[PATHS]!;
    if (holder.record === undefined) {
      const record: Record<string, DeployedVerbs> = {};
      // Paths start with "/": none is __proto__, so plain assignment keeps every key its own.
      for (const [path, verbs] of holder.paths!) record[path] = verbs;
      holder.record = record;
    }
    return holder.record;
  },
  set(this: HoldingDeployment, record: Record<string, DeployedVerbs>) {
    const holder = this[PATHS]!;
    holder.record = record;
    holder.paths = undefined;
  },
};

/**
 * Adds `apiSummary` to a deployment being built, as the record of these paths made when first read. Called where the
 * property belongs in the deployment's key order (after `id`). The holder is its own object, so a deployment frozen
 * before the first read (read-only-model.test.ts) still fills it.
 */
export function defineApiSummary(deployment: DeploymentModel, paths: ReadonlyMap<string, DeployedVerbs>): void {
  Object.defineProperty(deployment, PATHS, { value: { paths, record: undefined } satisfies Holder });
  Object.defineProperty(deployment, "apiSummary", API_SUMMARY);
}

/** The Map the deployment holds, when it holds one (normalised, its summary not replaced since). */
function heldPaths(deployment: DeploymentModel): ReadonlyMap<string, DeployedVerbs> | undefined {
  return (deployment as HoldingDeployment)[PATHS]?.paths;
}

/**
 * Every path of the summary with its verbs, in the summary's order. A deployment not normalised here gets a new Map per
 * call: call it once per walk, and `deployedVerbsAt` per lookup.
 */
export function deployedPaths(deployment: DeploymentModel): ReadonlyMap<string, DeployedVerbs> {
  const held = heldPaths(deployment);
  if (held !== undefined) return held;
  const record = deployment.apiSummary;
  const paths = new Map<string, DeployedVerbs>();
  for (const path of Object.keys(record)) paths.set(path, record[path]!);
  return paths;
}

/** The verbs the summary lists at a path (its own entry only), or undefined. */
export function deployedVerbsAt(deployment: DeploymentModel, path: string): DeployedVerbs | undefined {
  const held = heldPaths(deployment);
  if (held !== undefined) return held.get(path);
  const record = deployment.apiSummary;
  return Object.hasOwn(record, path) ? record[path] : undefined;
}

/** An object that stands for the summary's content, the same as long as the summary is: a key for memos of it. */
export function summaryIdentity(deployment: DeploymentModel): object {
  return heldPaths(deployment) ?? deployment.apiSummary;
}
