import { ModelMemo } from "@/lib/model/model-memo";
import type { ApiModel, ResourceModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { needsPreflight } from "@/lib/rules/support/request-headers";
import { compilePolicy, parsePolicy, type PolicyVerdict } from "@/lib/rules/support/resource-policy";
import { preflightPolicyFix } from "./policy-fix";

const AUTH_FLOW = {
  title: "How API Gateway resource policies affect the authorization workflow",
  url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html",
};
const POLICY_403 = {
  title:
    'Troubleshoot 403 errors with a Lambda authorizer or resource policy ("User: anonymous is not authorized to perform: execute-api:Invoke on resource: …")',
  url: "https://repost.aws/knowledge-center/api-gateway-403-error-lambda-authorizer",
};
const IAM_EVALUATION = {
  title: "IAM policy evaluation logic",
  url: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html",
};

export const resourcePolicyDeniesPreflight: Rule = {
  meta: {
    id: "resource-policy-denies-preflight",
    title: "The REST API's resource policy denies the anonymous preflight",
    severity: "high",
    category: "preflight",
    confidence: "likely",
    browserSends:
      "OPTIONS without credentials, from the user's own network: an anonymous caller with no IAM principal and no VPC endpoint.",
    gatewayAnswers:
      '403 {"message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:…/OPTIONS/…"} (with " with an explicit deny" when a Deny matched), before any method configuration is looked at.',
    why: "API Gateway evaluates the resource policy for every request, the preflight included, and needs an explicit Allow that matches an anonymous caller; an explicit Deny always wins. Policies written for signed callers (an Allow for an account or role), or a Deny on everything outside a VPC endpoint or IP range, also stop the preflight — which never carries credentials — so the browser reports a CORS error even for users whose real requests the policy allows. Preflight evaluates Effect, Principal, Action/NotAction, Resource/NotResource (with the execute-api:/ shorthand) and the condition keys an anonymous request has; a condition on the caller's IP address, Referer or User-Agent is reported as not evaluated.",
    docs: [AUTH_FLOW, POLICY_403, IAM_EVALUATION, DOCS.troubleshoot403],
    peers: [],
    messages: {
      explicitDeny:
        'Resource policy statement {{statement}} denies an anonymous OPTIONS {{path}} on {{stages}}: every preflight gets 403 "User: anonymous is not authorized to perform: execute-api:Invoke on resource: {{arn}} with an explicit deny".',
      implicitDeny:
        'The resource policy has no statement that allows an anonymous OPTIONS {{path}} on {{stages}}: every preflight gets 403 "User: anonymous is not authorized to perform: execute-api:Invoke on resource: {{arn}}".',
      notEvaluated: "Whether the resource policy lets the preflight of {{path}} through depends on the caller: {{reason}}.",
    },
    fixable: true,
    // Not "stages": check() judges a draft without stages for a "<stage>" placeholder, so an OpenAPI
    // definition (x-amazon-apigateway-policy, no stage) is still evaluated instead of "not evaluated".
    requires: ["resources"],
  },

  check({ model }) {
    const policy = model.api.policy;
    if (!policy) return [];
    const findings: FindingDraft[] = [];
    const fix = preflightPolicyFix(model, policy);
    // Without stages nothing is served yet; the draft is judged for a "<stage>" placeholder.
    const stages = model.stages.length > 0 ? model.stages.map((s) => s.name) : ["*"];
    const verdictOf = compiledPolicy(model, policy);
    for (const resource of model.resources.filter((r) => isPreflighted(model, r))) {
      const verdicts = stages.map((stage) => {
        const arn = preflightArn(model, stage, resource.path);
        return { stage, arn, verdict: verdictOf(arn) };
      });
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
  },
};

function reasonOf(verdict: PolicyVerdict): string | undefined {
  return "reason" in verdict ? verdict.reason : undefined;
}

/** Resources a browser preflights: an explicit OPTIONS, or a method whose browser call needs one. */
function isPreflighted(model: ApiModel, resource: ResourceModel): boolean {
  return resource.methods.some((m) => m.httpMethod === "OPTIONS" || needsPreflight(model, m));
}

/** The preflight's method ARN; path parameters take a sample value, as a real request would. */
export function preflightArn(model: ApiModel, stage: string, path: string): string {
  const concrete = path
    .replace(/\{[^{}]+\+\}/g, "example/path")
    .replace(/\{[^{}]+\}/g, "example")
    .replace(/^\//, "");
  return `arn:aws:execute-api:${model.api.region}:${model.api.accountId ?? "*"}:${model.api.id}/${stage}/OPTIONS/${concrete}`;
}

/**
 * The policy compiled once per model (issue 16: parsing and deciding every statement again for each preflighted
 * resource cost 40-140 ms on a 10,000-method API). Keyed on the model, which each audit builds anew, so nothing
 * outlives the audit; the context is what every method of this API shares (resource-policy.ts, compilePolicy).
 */
function compiledPolicy(model: ApiModel, policy: string): (arn: string) => PolicyVerdict {
  let compiled = compiledPolicies.get(model);
  if (!compiled) {
    compiled = compilePolicy(parsePolicy(policy), {
      region: model.api.region,
      accountId: model.api.accountId ?? "*",
      apiId: model.api.id,
      privateEndpoint: model.api.endpointTypes.includes("PRIVATE"),
    });
    compiledPolicies.set(model, compiled);
  }
  return compiled;
}

const compiledPolicies = new ModelMemo<ApiModel, (arn: string) => PolicyVerdict>();
