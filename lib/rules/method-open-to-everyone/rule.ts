import type { FindingDraft, Rule } from "@/lib/rules/types";
import { stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";

export const methodOpenToEveryone: Rule = {
  meta: {
    id: "method-open-to-everyone",
    title: "Method open to everyone",
    severity: "info",
    category: "exposure",
    confidence: "certain",
    browserSends: "Any client, signed in or not, calls the method.",
    gatewayAnswers: "API Gateway passes the request to the integration: no authorizer, no IAM signature, no API key.",
    why: "Often intended (a public catalogue, a login endpoint), so this is information, not a defect. OPTIONS with authorization NONE and no API key is correct and is never reported: a preflight carries no credentials. Same condition as Checkov CKV_AWS_59.",
    docs: [DOCS.checkov59, DOCS.cors],
    peers: [{ tool: "Checkov", id: "CKV_AWS_59" }],
    messages: {
      open: "{{method}} {{path}} has authorization NONE and requires no API key.",
    },
    fixable: false,
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const method of model.resources.flatMap((r) => r.methods)) {
      if (method.httpMethod === "OPTIONS" || method.authorizationType !== "NONE" || method.apiKeyRequired) continue;
      const stages = stagesWhere(model, method.path, method.httpMethod, (served) => served.authorizationType === "NONE" && !served.apiKeyRequired);
      findings.push({
        messageId: "open",
        data: { method: method.httpMethod, path: method.path },
        symptom: `Anyone can call ${method.httpMethod} ${method.path} without credentials.`,
        target: { resourceId: method.resourceId, path: method.path, httpMethod: method.httpMethod },
        stages,
        draftOnly: stages.length === 0,
        evidence: { authorizationType: "NONE", apiKeyRequired: false, integrationType: method.integration?.type ?? null },
        fixes: [],
      });
    }
    return findings;
  },
};
