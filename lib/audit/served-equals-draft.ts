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

/** How to compare a value: "ordered" is deep equality with object keys in order; a record's fields may come in any order. */
type Shape = "ordered" | { record: Readonly<Record<string, Shape>> } | { map: Shape } | { list: Shape };

const ORDERED: Shape = "ordered";
const RECORD: Shape = { record: {} };
const INTEGRATION: Shape = { record: { integrationResponses: { map: RECORD } } };
const METHOD: Shape = { record: { methodIntegration: INTEGRATION, methodResponses: { map: RECORD } } };
const RESOURCE: Shape = { record: { resourceMethods: { map: METHOD } } };
const AUTHORIZERS: Shape = { list: RECORD };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sameOrdered(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameOrdered(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== other[i] || !sameOrdered(a[key], b[key])) return false;
  }
  return true;
}

function sameShaped(a: unknown, b: unknown, shape: Shape): boolean {
  if (a === b) return true;
  if (shape === "ordered") return sameOrdered(a, b);
  if ("list" in shape) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameShaped(a[i], b[i], shape.list)) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  if ("map" in shape) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key !== other[i] || !sameShaped(a[key], b[key], shape.map)) return false;
    }
    return true;
  }
  for (const key of keys) {
    if (!Object.hasOwn(b, key)) return false;
    if (!sameShaped(a[key], b[key], Object.hasOwn(shape.record, key) ? (shape.record[key] as Shape) : ORDERED)) return false;
  }
  return true;
}

/**
 * The same resources, in any order: normalisation sorts them by path (reshape-resources.ts; served-equals-draft.test.ts
 * holds it to that), and an export lists them sorted while GetResources does not. Only with every path once in each
 * list, so that the sorted order is the same whatever the order read.
 */
function sameResources(a: readonly RawResource[], b: readonly RawResource[]): boolean {
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
    if (!sameShaped(resource, byPath.get(path), RESOURCE)) return false;
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
  if (!sameShaped(served.restApi, snapshot.restApi, RECORD)) return false;
  if (snapshot.resources === undefined || served.resources === undefined || !sameResources(served.resources, snapshot.resources))
    return false;
  if (snapshot.authorizers === undefined || !sameShaped(served.authorizers, snapshot.authorizers, AUTHORIZERS)) return false;
  // A read lists every gateway response (defaults flagged), an export only the customised ones; normalisation
  // completes both to the full list, so the two are compared as normalised (21 entries, cheap).
  if (snapshot.gatewayResponses === undefined || served.gatewayResponses === undefined) return false;
  return sameOrdered(reshapeGatewayResponses(served.gatewayResponses), draft.gatewayResponses);
}
