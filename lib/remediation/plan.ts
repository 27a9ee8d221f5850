import type { Finding } from "@/lib/rules/types";
import { assertNever, type FixIntent, type FixIntentKind } from "@/lib/remediation/intents";
import type { RemediationContext } from "@/lib/remediation/context";

/**
 * The order changes are applied in: the API's own configuration first, then gateway responses, then stage
 * settings (effective at once), then one new deployment per stage (method and response changes reach
 * clients only after it), then removing a canary that still serves the problem (after the redeploy, so every
 * request then reaches the fixed deployment, never an older one), then flushing the authorizer cache so no
 * stale policy outlives the fix.
 */
export const PHASES = ["method", "response", "stage-setting", "redeploy", "canary", "flush"] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Where each kind of change goes in the plan, and whether it reaches clients only through a new deployment
 * of the stage. A Record, so a new intent kind fails to compile until it is placed here.
 */
const PLACEMENT: Record<FixIntentKind, { phase: Phase; needsDeployment: boolean }> = {
  "set-method-authorization": { phase: "method", needsDeployment: true },
  "set-method-api-key-required": { phase: "method", needsDeployment: true },
  "add-cors-preflight": { phase: "method", needsDeployment: true },
  "set-preflight-headers": { phase: "method", needsDeployment: true },
  "replace-preflight-integration-with-mock": { phase: "method", needsDeployment: true },
  "add-method-response-cors-origin": { phase: "method", needsDeployment: true },
  "add-cache-key-parameter": { phase: "method", needsDeployment: true },
  "set-integration-content-handling": { phase: "method", needsDeployment: true },
  "set-rest-api-policy": { phase: "method", needsDeployment: true },
  "clear-method-request-validator": { phase: "method", needsDeployment: true },
  "set-authorizer-ttl": { phase: "method", needsDeployment: true },
  "widen-authorizer-policy": { phase: "method", needsDeployment: false },
  "add-gateway-response-cors": { phase: "response", needsDeployment: true },
  "set-stage-method-setting": { phase: "stage-setting", needsDeployment: false },
  "redeploy-stage": { phase: "redeploy", needsDeployment: false },
  // Effective at once (UpdateStage); the canary's own deployment is what has the problem, so no redeploy is needed for it.
  "remove-stage-canary": { phase: "canary", needsDeployment: false },
  "flush-authorizer-cache": { phase: "flush", needsDeployment: false },
};

export function phaseOf(intent: FixIntent): Phase {
  return PLACEMENT[intent.kind].phase;
}

/** Whether the change reaches clients only through a new deployment of the stage. */
function needsDeployment(intent: FixIntent): boolean {
  return PLACEMENT[intent.kind].needsDeployment;
}

/** Whether cached authorizer policies may still carry the old answer after the change. */
function leavesStalePolicies(intent: FixIntent): boolean {
  return intent.kind === "set-authorizer-ttl" || intent.kind === "widen-authorizer-policy";
}

/** Identity of what an intent changes: two intents with the same key touch the same setting. */
export function intentKey(intent: FixIntent): string {
  switch (intent.kind) {
    case "set-method-authorization":
    case "set-method-api-key-required":
      return `${intent.kind}|${intent.resourceId}|${intent.httpMethod}`;
    case "add-cache-key-parameter":
      return `${intent.kind}|${intent.resourceId}|${intent.httpMethod}|${intent.parameter}`;
    case "set-integration-content-handling":
      return `${intent.kind}|${intent.resourceId}|${intent.httpMethod}`;
    case "set-rest-api-policy":
      return intent.kind;
    case "clear-method-request-validator":
      return `${intent.kind}|${intent.resourceId}|${intent.httpMethod}`;
    case "add-cors-preflight":
    case "replace-preflight-integration-with-mock":
      return `${intent.kind}|${intent.resourceId}`;
    case "set-preflight-headers":
      return `${intent.kind}|${intent.resourceId}|${intent.statusCode}`;
    case "add-method-response-cors-origin":
      return `${intent.kind}|${intent.resourceId}|${intent.httpMethod}|${intent.statusCode}`;
    case "add-gateway-response-cors":
      return `${intent.kind}|${intent.responseType}`;
    case "set-authorizer-ttl":
    case "widen-authorizer-policy":
      return `${intent.kind}|${intent.authorizerId}`;
    case "set-stage-method-setting":
      return `${intent.kind}|${intent.stage}|${intent.path}|${intent.httpMethod}|${intent.setting}`;
    case "redeploy-stage":
    case "flush-authorizer-cache":
    case "remove-stage-canary":
      return `${intent.kind}|${intent.stage}`;
    default:
      return assertNever(intent);
  }
}

export interface PlanFinding {
  /** 1-based, as shown in comments: "Finding 2". */
  number: number;
  ruleId: string;
  severity: Finding["severity"];
  message: string;
}

export interface PlanStep {
  intent: FixIntent;
  phase: Phase;
  /** Numbers of the findings that asked for this change; empty for steps the plan added (redeploy, flush). */
  findings: number[];
}

export interface RemediationPlan {
  ctx: RemediationContext;
  findings: PlanFinding[];
  steps: PlanStep[];
  /** Two findings asked for incompatible values of the same setting; the first one wins. */
  conflicts: string[];
}

const SYNTHESIZED_REDEPLOY_DESCRIPTION = "Preflight remediation: publish the configuration changes";

/**
 * Dedupe the findings' intents, order them by phase (finding order within a phase), and make sure every
 * affected stage is redeployed once after changes that need a deployment, and its authorizer cache
 * flushed once after authorizer changes.
 */
export function buildPlan(findings: readonly Finding[], ctx: RemediationContext): RemediationPlan {
  const planFindings: PlanFinding[] = findings.map((finding, index) => ({
    number: index + 1,
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
  }));
  const byKey = new Map<string, PlanStep>();
  const conflicts: string[] = [];
  findings.forEach((finding, index) => {
    for (const intent of finding.fixes) {
      const key = intentKey(intent);
      const existing = byKey.get(key);
      if (!existing) {
        byKey.set(key, { intent, phase: phaseOf(intent), findings: [index + 1] });
        continue;
      }
      if (!existing.findings.includes(index + 1)) existing.findings.push(index + 1);
      const merged = mergeIntents(existing.intent, intent);
      if (merged) existing.intent = merged;
      else
        conflicts.push(
          `Finding ${index + 1} (${finding.ruleId}) asks for a different ${intent.kind} than an earlier finding; the earlier one is kept.`,
        );
    }
  });

  const steps = [...byKey.values()];
  const stagesRedeployed = new Set(steps.flatMap((step) => (step.intent.kind === "redeploy-stage" ? [step.intent.stage] : [])));
  const stagesFlushed = new Set(steps.flatMap((step) => (step.intent.kind === "flush-authorizer-cache" ? [step.intent.stage] : [])));
  const deploy = steps.some((step) => needsDeployment(step.intent));
  const flush = steps.some((step) => leavesStalePolicies(step.intent));
  for (const stage of ctx.affectedStages) {
    if (deploy && !stagesRedeployed.has(stage)) {
      steps.push({
        intent: { kind: "redeploy-stage", stage, description: SYNTHESIZED_REDEPLOY_DESCRIPTION },
        phase: "redeploy",
        findings: [],
      });
    }
    if (flush && !stagesFlushed.has(stage)) {
      steps.push({ intent: { kind: "flush-authorizer-cache", stage }, phase: "flush", findings: [] });
    }
  }

  const order = (step: PlanStep) => PHASES.indexOf(step.phase);
  const firstFinding = (step: PlanStep) => step.findings[0] ?? Number.MAX_SAFE_INTEGER;
  const indexed = steps.map((step, position) => ({ step, position }));
  indexed.sort((a, b) => order(a.step) - order(b.step) || firstFinding(a.step) - firstFinding(b.step) || a.position - b.position);
  return { ctx, findings: planFindings, steps: indexed.map(({ step }) => step), conflicts };
}

/** The plan for one finding alone (its own redeploy and flush included). */
export function buildFindingPlan(finding: Finding, ctx: RemediationContext): RemediationPlan {
  const stages = finding.stages.length > 0 ? finding.stages : ctx.affectedStages.filter(() => !finding.draftOnly);
  return buildPlan([finding], { ...ctx, affectedStages: [...new Set(stages)].sort() });
}

/** Same change twice: identical, or CORS lists that can be united. Anything else is a conflict (undefined). */
function mergeIntents(a: FixIntent, b: FixIntent): FixIntent | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  if (
    (a.kind === "add-cors-preflight" && b.kind === "add-cors-preflight") ||
    (a.kind === "replace-preflight-integration-with-mock" && b.kind === "replace-preflight-integration-with-mock") ||
    (a.kind === "set-preflight-headers" && b.kind === "set-preflight-headers")
  ) {
    if (a.allowOrigin !== b.allowOrigin) return undefined;
    return {
      ...a,
      allowMethods: union(a.allowMethods, b.allowMethods),
      allowHeaders: union(a.allowHeaders, b.allowHeaders),
      allowCredentials: a.allowCredentials || b.allowCredentials,
      maxAgeSeconds: a.maxAgeSeconds ?? b.maxAgeSeconds,
    };
  }
  if (a.kind === "add-gateway-response-cors" && b.kind === "add-gateway-response-cors" && a.allowOrigin === b.allowOrigin) {
    return {
      ...a,
      allowHeaders: union(a.allowHeaders, b.allowHeaders),
      allowMethods: a.allowMethods || b.allowMethods ? union(a.allowMethods ?? [], b.allowMethods ?? []) : undefined,
    };
  }
  if (a.kind === "redeploy-stage" && b.kind === "redeploy-stage") {
    // One deployment publishes every change, whatever each finding called it.
    return { ...a, description: SYNTHESIZED_REDEPLOY_DESCRIPTION };
  }
  if (a.kind === "set-authorizer-ttl" && b.kind === "set-authorizer-ttl") {
    // The shorter TTL satisfies both findings.
    return { ...a, toSeconds: Math.min(a.toSeconds, b.toSeconds) };
  }
  return undefined;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/** Consecutive steps asked for by the same findings, so a format can write one comment per group. */
export interface StepGroup {
  phase: Phase;
  findings: number[];
  steps: PlanStep[];
}

export function groupSteps(plan: RemediationPlan): StepGroup[] {
  const groups: StepGroup[] = [];
  for (const step of plan.steps) {
    const last = groups.at(-1);
    if (last && last.phase === step.phase && last.findings.join(",") === step.findings.join(",")) last.steps.push(step);
    else groups.push({ phase: step.phase, findings: step.findings, steps: [step] });
  }
  return groups;
}

export const PHASE_TITLES: Record<Phase, string> = {
  method: "Method, integration and authorizer changes",
  response: "Gateway responses",
  "stage-setting": "Stage method settings (effective immediately)",
  redeploy: "Redeploy each affected stage once",
  canary: "Remove the canary that still serves the problem",
  flush: "Flush the authorizer cache",
};

/** "Finding 1 [rule-id]: message" lines for a group's comment. */
export function describeFindings(plan: RemediationPlan, numbers: readonly number[]): string[] {
  if (numbers.length === 0) return ["Added by Preflight: required after the changes above."];
  return numbers.map((number) => {
    const finding = plan.findings[number - 1];
    if (!finding) throw new Error(`Plan step refers to unknown finding ${number}.`);
    return `Finding ${number} [${finding.ruleId}, ${finding.severity}]: ${oneLine(finding.message)}`;
  });
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export type { FixIntentKind };
