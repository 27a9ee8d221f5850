import type { TemplateDifference } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { DOCS } from "@/lib/rules/support/docs";

/**
 * Drift between the code and the deployed API is a finding of its own: the next deploy of the template undoes a
 * console fix, or brings back a bug the console removed, and a patch to the template fixes the API only as far as
 * the template and the API agree. It is a rule (not a side list) so it reaches every report format, the counts and
 * `--fail-on` like any finding. The comparison is lib/model/template-drift.ts; without one the rule has nothing to say.
 */
export const liveDiffersFromTemplate: Rule = {
  meta: {
    id: "live-differs-from-template",
    title: "Live API differs from the template that defines it",
    severity: "medium",
    category: "deployment",
    confidence: "certain",
    browserSends: "Requests reach the live API, which may no longer be what its template (the stack's own, or your working copy) says.",
    gatewayAnswers:
      "What the live configuration says; after the next deploy of the template, what the template says, so a preflight that works today can fail tomorrow, or the reverse.",
    why: "A change made in the console or the CLI to an API that CloudFormation (SAM, CDK) manages is drift: CloudFormation does not see it and the next stack update overwrites it. A working copy that was changed but not deployed differs too. Either way one side does not tell the truth about the other.",
    docs: [DOCS.stackDrift, DOCS.stackTags],
    peers: [],
    messages: {
      methodOnlyLive:
        "{{method}} {{path}} exists on the live API but not in {{template}} ({{logicalId}}): the next deploy of the template removes it.",
      methodOnlyTemplate: "{{method}} {{path}} is in {{template}} ({{logicalId}}) but not on the live API.",
      authorizationType:
        "{{method}} {{path}} has authorization {{live}} on the live API and {{templateValue}} in {{template}} ({{logicalId}}).",
      apiKeyRequired:
        "{{method}} {{path}} has apiKeyRequired {{live}} on the live API and {{templateValue}} in {{template}} ({{logicalId}}).",
      preflightIntegration:
        "The preflight {{method}} {{path}} answers with {{field}} {{live}} on the live API and {{templateValue}} in {{template}} ({{logicalId}}).",
    },
    fixable: false,
    requires: ["resources"],
  },

  check({ model }) {
    const comparison = model.templateDrift;
    if (!comparison) return [];
    return comparison.differences.map((difference) => draftOf(difference, comparison.template, comparison.logicalId, model));
  },
};

function draftOf(
  difference: TemplateDifference,
  template: string,
  logicalId: string,
  model: Parameters<Rule["check"]>[0]["model"],
): FindingDraft {
  const base = { method: difference.httpMethod, path: difference.path, template, logicalId };
  const resource = model.resources.find((r) => r.path === difference.path);
  const common = {
    target: { ...(resource ? { resourceId: resource.id } : {}), path: difference.path, httpMethod: difference.httpMethod },
    stages: [],
    draftOnly: false,
    fixes: [],
  };
  switch (difference.kind) {
    case "method-only-live":
      return {
        ...common,
        messageId: "methodOnlyLive",
        data: base,
        evidence: { kind: difference.kind, template },
        symptom: `${difference.httpMethod} ${difference.path} works today and disappears with the next deploy of the template.`,
      };
    case "method-only-template":
      return {
        ...common,
        messageId: "methodOnlyTemplate",
        data: base,
        evidence: { kind: difference.kind, template },
        // A preflight the template has and the API lacks: the template's fix was never deployed.
        symptom:
          difference.httpMethod === "OPTIONS"
            ? `Browsers' preflights to ${difference.path} fail today although the template answers them.`
            : `${difference.httpMethod} ${difference.path} answers 403 Missing Authentication Token today, although the template defines it.`,
      };
    case "authorizationType":
      return {
        ...common,
        messageId: "authorizationType",
        data: { ...base, live: difference.live, templateValue: difference.template },
        evidence: { kind: difference.kind, live: difference.live, template: difference.template },
        // Open on the live API while the template protects it: an exposure now, not only after the next deploy.
        ...(difference.live === "NONE" && difference.httpMethod !== "OPTIONS" ? { severity: "high" as const } : {}),
        symptom: `${difference.httpMethod} ${difference.path} behaves as ${difference.live} today and as ${difference.template} after the next deploy of the template.`,
      };
    case "apiKeyRequired":
      return {
        ...common,
        messageId: "apiKeyRequired",
        data: { ...base, live: String(difference.live), templateValue: String(difference.template) },
        evidence: { kind: difference.kind, live: difference.live, template: difference.template },
        symptom: `${difference.httpMethod} ${difference.path} ${difference.live ? "needs" : "does not need"} an API key today; the template says otherwise.`,
      };
    case "preflight-integration":
      return {
        ...common,
        messageId: "preflightIntegration",
        data: { ...base, field: difference.field, live: difference.live, templateValue: difference.template },
        evidence: { kind: difference.kind, field: difference.field, live: difference.live, template: difference.template },
        symptom: `The preflight to ${difference.path} answers differently today than after the next deploy of the template.`,
      };
  }
}
