import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { OPEN_PREFLIGHT_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { guardedPreflights } from "@/lib/rules/support/guarded-preflights";
import { ANSWER } from "@/lib/rules/support/preflight-outcome";

export const optionsRequiresApiKey: Rule = {
  meta: {
    id: "options-requires-api-key",
    title: "Preflight OPTIONS requires an API key",
    severity: "high",
    category: "preflight",
    confidence: "certain",
    browserSends: "The preflight OPTIONS never carries x-api-key: the browser asks whether it may send that header, it does not send it.",
    gatewayAnswers: 'API Gateway finds no API key and answers 403 {"message":"Forbidden"} before any integration runs.',
    why: "A method with apiKeyRequired needs a valid key in every request. SAM copies Auth.ApiKeyRequired onto generated OPTIONS unless AddApiKeyRequiredToCorsPreflight is false. With an AUTHORIZER key source the key comes from a Lambda authorizer, which a preflight does not pass either.",
    docs: [DOCS.apiKeySource, DOCS.troubleshoot403, DOCS.samApiAuth, DOCS.cors],
    peers: [],
    disagreeingPeers: OPEN_PREFLIGHT_PEERS,
    messages: {
      required: "OPTIONS {{path}} requires an API key ({{source}} key source): every preflight gets {{answer}}.",
      fixedNotDeployed:
        "OPTIONS {{path}} no longer requires an API key in the current configuration, but stage(s) {{stages}} still serve a deployment that does: preflights there get {{answer}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const { path, resource, draft: method, badStages, calls, answersFor } of guardedPreflights(model, "api-key")) {
      const target = { ...(resource ? { resourceId: resource.id } : {}), path, httpMethod: "OPTIONS" as const };
      if (!method) {
        findings.push({
          messageId: "fixedNotDeployed",
          data: { path, stages: badStages.join(", "), answer: ANSWER.forbidden },
          symptom: `Browsers calling ${calls} on ${badStages.join(", ")} still fail: the preflight gets ${ANSWER.forbidden}; the fix is in the draft but not deployed.`,
          target,
          stages: badStages,
          draftOnly: false,
          evidence: { currentApiKeyRequired: false, deployedApiKeyRequired: true, stages: badStages },
          fixes: redeploy(badStages, `Deploy OPTIONS ${path} without an API key`),
        });
        continue;
      }
      findings.push({
        messageId: "required",
        data: { path, source: model.api.apiKeySource, answer: ANSWER.forbidden },
        symptom: `Browsers calling ${calls} from another origin fail: the preflight OPTIONS ${path} gets ${ANSWER.forbidden} because it requires an API key, which a preflight never carries.`,
        target,
        stages: badStages,
        draftOnly: badStages.length === 0,
        evidence: { apiKeyRequired: true, apiKeySource: model.api.apiKeySource, answersFor },
        fixes: [
          { kind: "set-method-api-key-required", resourceId: method.resourceId, path, httpMethod: "OPTIONS", value: false },
          ...redeploy(badStages, `Deploy OPTIONS ${path} without an API key`),
        ],
      });
    }
    return findings;
  },
};
