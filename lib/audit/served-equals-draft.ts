/**
 * Whether a stage's served snapshot (stage-runs.ts `servedSnapshot`) is the draft snapshot itself, as far as
 * normalisation can tell: then the stage's run would normalise to the draft's model and the same (pure) rules would
 * report exactly the draft's findings, so the draft's run stands in for it. The usual API has one stage serving its
 * latest deployment, and re-running normalise and every rule on it doubled the audit's time (issue 16).
 *
 * The proof is structural and conservative (lib/model/raw-equality.ts): any difference, or anything it does not know how
 * to compare, answers false and the stage runs on its own.
 */
import { reshapeGatewayResponses } from "@/lib/model/gateway-responses";
import type { RawApiSnapshot, RawStage } from "@/lib/model/raw-snapshot";
import { sameFields, sameList, sameOrdered, sameResources } from "@/lib/model/raw-equality";
import type { ApiModel, ModelPart } from "@/lib/model/types";

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
