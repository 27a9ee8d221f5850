import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { suggestedCors } from "@/lib/rules/support/suggested-cors";

export const preflightProxiedToBackend: Rule = {
  meta: {
    id: "preflight-proxied-to-backend",
    title: "Preflight OPTIONS is sent to a backend instead of a MOCK",
    severity: "low",
    category: "preflight",
    confidence: "certain",
    browserSends: "One OPTIONS per new (origin, URL, request-headers) combination, often doubling the request count of a browser client.",
    gatewayAnswers: "Whatever the backend returns: its status and its CORS headers, including its errors and cold-start latency.",
    why: "A MOCK integration answers the preflight inside API Gateway with fixed headers, at no backend cost and without depending on the backend's CORS code. A proxied preflight fails whenever the backend fails or forgets a header. Not wrong in itself: correct when the backend deliberately computes CORS (per-origin allow lists).",
    docs: [DOCS.cors, DOCS.corsConsole],
    peers: [],
    messages: {
      proxied:
        "OPTIONS {{path}} integrates with {{type}} {{uri}}: every preflight invokes the backend, which must return the CORS headers itself.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      const options = resource.methods.find((m) => m.httpMethod === "OPTIONS");
      const integration = options?.integration;
      if (!options || !integration || integration.type === "MOCK") continue;
      const stages = stagesWhere(model, resource.path, "OPTIONS");
      findings.push({
        messageId: "proxied",
        data: { path: resource.path, type: integration.type, uri: integration.uri ?? "" },
        symptom: `Preflights for ${resource.path} reach the backend: they cost an invocation each and fail whenever the backend errors or omits a CORS header.`,
        target: { resourceId: resource.id, path: resource.path, httpMethod: "OPTIONS" },
        stages,
        draftOnly: stages.length === 0,
        evidence: { integrationType: integration.type, integrationUri: integration.uri ?? null },
        fixes: [
          {
            kind: "replace-preflight-integration-with-mock",
            resourceId: resource.id,
            path: resource.path,
            ...suggestedCors(model, resource),
          },
          ...redeploy(stages, `Deploy the MOCK preflight OPTIONS ${resource.path}`),
        ],
      });
    }
    return findings;
  },
};
