/**
 * Whether a stage's served snapshot (stage-runs.ts `servedSnapshot`) is the draft snapshot itself, as far as
 * normalisation can tell: then the stage's run would normalise to the draft's model and the same (pure) rules would
 * report exactly the draft's findings, so the draft's run stands in for it. The usual API has one stage serving its
 * latest deployment, and re-running normalise and every rule on it doubled the audit's time (issue 16).
 *
 * The proof is structural and conservative: any difference, or anything this module does not know how to compare,
 * answers false and the stage runs on its own. GetExport (https://docs.aws.amazon.com/apigateway/latest/api/API_GetExport.html)
 * gives the served configuration with its fields in another order than GetResources, so the fields of a record (a
 * resource, a method, an integration, an authorizer, the RestApi) are compared as a set: normalisation reads them by
 * name. Keyed maps (verbs, status codes, headers, templates) are compared with their keys in order, because
 * normalisation iterates them (lib/model/reshape-resources.ts), and arrays element by element, except the list of
 * resources, which normalisation sorts by path.
 */
import { reshapeGatewayResponses } from "@/lib/model/gateway-responses";
import type { RawApiSnapshot, RawResource, RawStage } from "@/lib/model/raw-snapshot";
import type { ApiModel, ModelPart } from "@/lib/model/types";

/** How to compare a record's field (default: ordered deep equality) or a map's values. */
type Same = (a: unknown, b: unknown) => boolean;

// Plain data only (what JSON and the readers build): anything else is compared by identity, so it is never taken for equal.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Deep equality with object keys in the same order (for-in walks own string keys in property order here). */
function sameOrdered(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameOrdered(a[i], b[i])) return false;
    return true;
  }
  return sameMap(a, b, sameOrdered);
}

/** Objects with the same keys in the same order, values compared by `same`. */
function sameMap(a: unknown, b: unknown, same: Same): boolean {
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(b);
  let index = 0;
  for (const key in a) {
    if (keys[index] !== key || !same(a[key], b[key])) return false;
    index++;
  }
  return index === keys.length;
}

/** Objects with the same fields in any order, each compared by its entry in `fields` or else in order. */
function sameRecord(a: unknown, b: unknown, fields: Readonly<Record<string, Same>>): boolean {
  if (a === b) return true;
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key)) return false;
    const same = Object.hasOwn(fields, key) ? fields[key] : sameOrdered;
    if (!same?.(a[key], b[key])) return false;
    count++;
  }
  for (const key in b) if (Object.hasOwn(b, key)) count--;
  return count === 0;
}

const NO_FIELDS: Readonly<Record<string, Same>> = Object.freeze({});
const sameFields: Same = (a, b) => sameRecord(a, b, NO_FIELDS);
const INTEGRATION_FIELDS: Readonly<Record<string, Same>> = { integrationResponses: (a, b) => sameMap(a, b, sameFields) };
const METHOD_FIELDS: Readonly<Record<string, Same>> = {
  methodIntegration: (a, b) => sameRecord(a, b, INTEGRATION_FIELDS),
  methodResponses: (a, b) => sameMap(a, b, sameFields),
};
const sameMethod: Same = (a, b) => sameRecord(a, b, METHOD_FIELDS);
const RESOURCE_FIELDS: Readonly<Record<string, Same>> = { resourceMethods: (a, b) => sameMap(a, b, sameMethod) };

function sameList(a: unknown, b: unknown, same: Same): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/**
 * The same resources, in any order: normalisation sorts them by path (reshape-resources.ts; served-equals-draft.test.ts
 * holds it to that), and an export lists them sorted while GetResources does not. Only with every path once in each
 * list, so that the sorted order is the same whatever the order read.
 */
function sameResources(a: readonly RawResource[], b: readonly RawResource[]): boolean {
  if (a === b) return true; // a reader that found them equal may hand over the draft's own list
  if (a.length !== b.length) return false;
  const byPath = new Map<string, RawResource>();
  for (const resource of b) {
    if (typeof resource?.path !== "string" || byPath.has(resource.path)) return false;
    byPath.set(resource.path, resource);
  }
  const matched = new Set<string>();
  for (const resource of a) {
    const path = resource?.path;
    if (typeof path !== "string" || matched.has(path)) return false;
    matched.add(path);
    if (!sameRecord(resource, byPath.get(path), RESOURCE_FIELDS)) return false;
  }
  return true;
}

/**
 * True when normalising `served` (the snapshot one stage serves, built by stage-runs.ts) gives the model the draft's
 * run was made on, `draft` being normalizeApi(snapshot).model. Besides equal configurations that needs the draft
 * snapshot to have this stage only (other stages add their own findings), no canary, no other deployment, and no
 * missing part the served snapshot leaves out (`servedParts`).
 */
export function servedEqualsDraft(
  snapshot: RawApiSnapshot,
  draft: ApiModel,
  stage: RawStage,
  served: RawApiSnapshot,
  servedParts: ReadonlySet<ModelPart>,
): boolean {
  const stages = snapshot.stages ?? [];
  if (stages.length !== 1 || stages[0] !== stage || stage.canarySettings !== undefined) return false;
  if (served.stages?.length !== 1 || !sameOrdered(served.stages[0], stage)) return false;
  const deploymentIds = Object.keys(snapshot.deployments);
  if (deploymentIds.length !== 1 || snapshot.deployments[deploymentIds[0] as string] !== served.deployments[deploymentIds[0] as string])
    return false;
  if (snapshot.missing.some((m) => servedParts.has(m.part)) || served.missing.length !== snapshot.missing.length) return false;
  if (served.region !== snapshot.region || served.accountId !== snapshot.accountId) return false;
  if (!sameFields(served.restApi, snapshot.restApi)) return false;
  // Normalising reuses the draft's resource objects for a deployment's resources where their raw values are equal
  // (lib/model/reshape-resources.ts), so the draft's own list as the deployment's proves equality without a comparison.
  const reusedDraft = draft.stages.find((s) => s.name === stage.stageName)?.deployment?.served?.resources === draft.resources;
  if (
    snapshot.resources === undefined ||
    served.resources === undefined ||
    !(reusedDraft || sameResources(served.resources, snapshot.resources))
  )
    return false;
  if (snapshot.authorizers === undefined || !sameList(served.authorizers, snapshot.authorizers, sameFields)) return false;
  // A read lists every gateway response (defaults flagged), an export only the customised ones; normalisation
  // completes both to the full list, so the two are compared as normalised (21 entries, cheap).
  if (snapshot.gatewayResponses === undefined || served.gatewayResponses === undefined) return false;
  return sameOrdered(reshapeGatewayResponses(served.gatewayResponses), draft.gatewayResponses);
}
