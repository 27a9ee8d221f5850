import type { ApiModel, ResourceModel } from "@/lib/model/types";
import { preflightPolicyFix } from "@/lib/rules/resource-policy-denies-preflight/policy-fix";
import { preflightArn } from "@/lib/rules/resource-policy-denies-preflight/rule";
import type { FindingDraft } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { needsPreflight } from "@/lib/rules/support/request-headers";
import type { PolicyVerdict } from "@/lib/rules/support/resource-policy";
import { referencePreflightPolicy } from "./resource-policy-reference";

/**
 * resource-policy-denies-preflight's check as it was before the policy was compiled once per model (issue 16), kept
 * verbatim as the reference its differential test compares against: the policy text parsed and every statement
 * decided again for each preflighted resource in each stage, by the per-request evaluation of
 * resource-policy-reference.ts. Not used outside tests.
 */
export function referencePolicyDeniesPreflight(model: ApiModel): FindingDraft[] {
  const policy = model.api.policy;
  if (!policy) return [];
  const findings: FindingDraft[] = [];
  const fix = preflightPolicyFix(model, policy);
  const stages = model.stages.length > 0 ? model.stages.map((s) => s.name) : ["*"];
  for (const resource of model.resources.filter((r) => isPreflighted(model, r))) {
    const verdicts = stages.map((stage) => ({
      stage,
      arn: preflightArn(model, stage, resource.path),
      verdict: verdictFor(model, stage, resource.path),
    }));
    const denied = verdicts.filter((v) => v.verdict.kind === "explicit-deny" || v.verdict.kind === "implicit-deny");
    const undecided = verdicts.filter((v) => v.verdict.kind === "not-evaluated");
    const first = denied[0] ?? undecided[0];
    if (!first) continue;
    const realStages = model.stages.length > 0 ? (denied.length > 0 ? denied : undecided).map((v) => v.stage) : [];
    const target = { resourceId: resource.id, path: resource.path, httpMethod: "OPTIONS" as const };
    const evidence = {
      policyVerdict: first.verdict.kind,
      arn: first.arn,
      ...(reasonOf(first.verdict) ? { reason: reasonOf(first.verdict) ?? null } : {}),
    };
    if (denied.length > 0) {
      const verdict = first.verdict;
      findings.push({
        messageId: verdict.kind === "explicit-deny" ? "explicitDeny" : "implicitDeny",
        data: {
          statement: verdict.kind === "explicit-deny" ? verdict.statement : "",
          path: resource.path,
          stages: joinWords(realStages.length > 0 ? realStages : ["every stage"]),
          arn: first.arn,
        },
        symptom: `Browsers calling ${resource.path} from another origin fail with a CORS error: the resource policy answers the preflight 403 before CORS is considered.`,
        target,
        stages: realStages,
        draftOnly: realStages.length === 0,
        evidence,
        fixes: fix ? [fix, ...redeploy(realStages, "Deploy the resource policy that lets the CORS preflight through")] : [],
      });
    } else {
      findings.push({
        messageId: "notEvaluated",
        data: { path: resource.path, reason: reasonOf(first.verdict) ?? "a condition Preflight cannot decide" },
        symptom: `Browsers outside the networks the resource policy allows cannot call ${resource.path}; inside them the preflight passes.`,
        target,
        stages: realStages,
        draftOnly: realStages.length === 0,
        evidence,
        severity: "info",
        fixes: fix ? [fix, ...redeploy(realStages, "Deploy the resource policy that lets the CORS preflight through")] : [],
      });
    }
  }
  return findings;
}

function reasonOf(verdict: PolicyVerdict): string | undefined {
  return "reason" in verdict ? verdict.reason : undefined;
}

function isPreflighted(model: ApiModel, resource: ResourceModel): boolean {
  return resource.methods.some((m) => m.httpMethod === "OPTIONS" || needsPreflight(model, m));
}

function verdictFor(model: ApiModel, stage: string, path: string): PolicyVerdict {
  return referencePreflightPolicy(model.api.policy ?? "", {
    arn: preflightArn(model, stage, path),
    region: model.api.region,
    accountId: model.api.accountId ?? "*",
    apiId: model.api.id,
    privateEndpoint: model.api.endpointTypes.includes("PRIVATE"),
  });
}
