import type { RemediationPlan } from "@/lib/remediation/plan";
import { describeFindings } from "@/lib/remediation/plan";
import { intentToApiSteps, type ApiCommand, type ApiInput } from "@/lib/remediation/formats/api-calls";
import { actionsOf, dedupePermissions, iamForCall, type IamPermission } from "@/lib/remediation/iam";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { jsonDocument } from "@/lib/remediation/formats/literals/js";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

export const JSON_PLAN_VERSION = 1 as const;

/** One SDK v3 call of @aws-sdk/client-api-gateway: `new <command>(input)`. */
export interface JsonPlanCall {
  type: "call";
  command: ApiCommand;
  input: ApiInput;
  description: string;
  /** Numbers of the findings (1-based, as in `findings`) this call fixes; empty for redeploy/flush the plan added. */
  findings: number[];
  /** Skip the call when this read succeeds, so applying the plan twice is safe. */
  skipIfFound?: { command: ApiCommand; input: ApiInput };
}

export interface JsonPlanManualStep {
  type: "manual";
  description: string;
  findings: number[];
}

export interface JsonPlan {
  planVersion: typeof JSON_PLAN_VERSION;
  api: { id: string; name: string; region: string; accountId: string };
  findings: Array<{ number: number; ruleId: string; severity: string; message: string; summary: string }>;
  steps: Array<JsonPlanCall | JsonPlanManualStep>;
  iamPermissions: IamPermission[];
  conflicts: string[];
}

export function buildJsonPlan(plan: RemediationPlan): JsonPlan {
  const { ctx } = plan;
  const steps: JsonPlan["steps"] = [];
  const permissions: IamPermission[] = [];
  for (const step of plan.steps) {
    for (const apiStep of intentToApiSteps(step.intent, ctx)) {
      if (apiStep.type === "manual") {
        steps.push({ type: "manual", description: apiStep.description, findings: step.findings });
        continue;
      }
      permissions.push(...iamForCall(apiStep, ctx.region));
      steps.push({
        type: "call",
        command: apiStep.command,
        input: apiStep.input,
        description: apiStep.description,
        findings: step.findings,
        ...(apiStep.skipIfFound ? { skipIfFound: apiStep.skipIfFound } : {}),
      });
    }
  }
  return {
    planVersion: JSON_PLAN_VERSION,
    api: { id: ctx.apiId, name: ctx.apiName, region: ctx.region, accountId: ctx.accountId },
    findings: plan.findings.map((finding) => ({ ...finding, summary: describeFindings(plan, [finding.number])[0] ?? "" })),
    steps,
    iamPermissions: dedupePermissions(permissions),
    conflicts: plan.conflicts,
  };
}

export function renderSdkJson(plan: RemediationPlan): RenderedSnippet {
  const json = buildJsonPlan(plan);
  return {
    format: "sdk-json",
    filename: `preflight-fix-${fileNamePart(plan.ctx.apiId)}.json`,
    language: "json",
    content: `${jsonDocument(json)}\n`,
    iamActions: actionsOf(json.iamPermissions),
    iamPermissions: json.iamPermissions,
  };
}
