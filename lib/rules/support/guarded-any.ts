import { ModelMemo } from "@/lib/model/model-memo";
import { answeredBy, type AnsweringMethod } from "@/lib/model/answered-by";
import type { ApiModel, MethodModel, ResourceModel } from "@/lib/model/types";
import { answeringServed } from "@/lib/rules/support/deployed-stages";
import type { PreflightAuthOutcome } from "@/lib/rules/support/preflight-outcome";
import { needsPreflight } from "@/lib/rules/support/request-headers";

/**
 * The ANY method that answers `resource`'s preflight and asks for a credential a preflight never carries (an
 * authorizer or an API key), found with the routing the data plane uses (lib/model/answered-by.ts): the resource's
 * own ANY, or, on a resource with neither OPTIONS nor ANY, the `{param}` sibling's or greedy ancestor's ANY it falls
 * through to. any-method-answers-preflight (CORS visible) and authorized-any-without-cors-evidence (no CORS visible)
 * both judge the preflight with this, so a preflight is reported once, on its own resource, naming the ANY that
 * answers it; the two rules never run on the same API (servesBrowsers decides which).
 */
export function guardedAnyAnswer(model: ApiModel, resource: ResourceModel): AnsweringMethod | undefined {
  // The answering method is one of the draft's: with no ANY asking for a credential anywhere (most APIs), no preflight
  // meets one, and no route needs resolving for each resource (issue 16).
  if (!hasGuardedAny(model)) return undefined;
  const answer = answeredBy(model, resource.path, "OPTIONS");
  if (!answer || answer.method.httpMethod !== "ANY") return undefined;
  if (answer.method.authorizationType === "NONE" && !answer.method.apiKeyRequired) return undefined;
  // A fall-through matters only where a browser preflights the resource's own methods; a method-less
  // intermediate (or a resource with simple GETs only) is the ANY's own path space, which its own finding covers.
  if (answer.elsewhere && !resource.methods.some((m) => needsPreflight(model, m))) return undefined;
  return answer;
}

/** Whether the draft has an ANY that asks for a credential: without one, guardedAnyAnswer is undefined for every resource. */
export function hasGuardedAny(model: ApiModel): boolean {
  let found = guardedAnyByModel.get(model);
  if (found === undefined) {
    found = findGuardedAny(model);
    guardedAnyByModel.set(model, found);
  }
  return found;
}

// Plain loops: a callback per resource was a closure made for each of 6,667 resources (bench:core).
function findGuardedAny(model: ApiModel): boolean {
  for (const resource of model.resources)
    for (const method of resource.methods)
      if (method.httpMethod === "ANY" && (method.authorizationType !== "NONE" || method.apiKeyRequired)) return true;
  return false;
}

// Once per model (immutable once normalised): both rules ask it of every resource.
const guardedAnyByModel = new ModelMemo<ApiModel, boolean>();

/** Stages whose deployment sends the preflight of `path` to the ANY at `answerPath`, and that ANY needs a credential. */
export function guardedAnyStages(model: ApiModel, path: string, answerPath: string): string[] {
  return model.stages
    .filter((stage) => {
      const served = answeringServed(model, stage, path, "OPTIONS");
      return (
        served !== undefined &&
        served.httpMethod === "ANY" &&
        served.path === answerPath &&
        (served.summary.authorizationType !== "NONE" || served.summary.apiKeyRequired)
      );
    })
    .map((s) => s.name);
}

/** "the Lambda authorizer 'jwt'", "the Cognito authorizer 'pool'", "IAM authorization", "an API key". */
export function anyRequirement(any: MethodModel, outcome: PreflightAuthOutcome | undefined): string {
  if (!outcome) return "an API key";
  if (any.authorizationType === "AWS_IAM") return "IAM authorization (a SigV4-signed request)";
  const name = outcome.authorizer ? ` '${outcome.authorizer.name}'` : "";
  return any.authorizationType === "COGNITO_USER_POOLS" ? `the Cognito authorizer${name}` : `the Lambda authorizer${name}`;
}
