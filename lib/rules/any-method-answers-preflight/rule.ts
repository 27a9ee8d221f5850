import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy, servedMethod } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { OPEN_PREFLIGHT_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { ANSWER, preflightAuthOutcome } from "@/lib/rules/support/preflight-outcome";
import { servesBrowsers } from "@/lib/rules/support/serves-browsers";
import { suggestedCors } from "@/lib/rules/support/suggested-cors";

export const anyMethodAnswersPreflight: Rule = {
  meta: {
    id: "any-method-answers-preflight",
    title: "Authorized ANY method answers the preflight",
    severity: "high",
    category: "preflight",
    confidence: "likely",
    browserSends: "The browser sends OPTIONS without credentials to the same path as the real request.",
    gatewayAnswers:
      'ANY matches OPTIONS when the resource has no explicit OPTIONS method, so the preflight meets ANY\'s authorizer or API key: 401 {"message":"Unauthorized"} (Lambda or Cognito authorizer), 403 {"message":"Missing Authentication Token"} (AWS_IAM) or 403 {"message":"Forbidden"} (API key).',
    why: "A greedy proxy (ANY /{proxy+}) with an authorizer is the common shape: every path under it, OPTIONS included, needs credentials. An explicit OPTIONS method on the same resource takes precedence over ANY, so adding one with authorization NONE and a MOCK integration fixes the preflight without opening the API. Runs only when the API shows it serves browsers.",
    docs: [DOCS.cors, DOCS.corsConsole, DOCS.authorizer, DOCS.apiKeySource],
    peers: [],
    disagreeingPeers: OPEN_PREFLIGHT_PEERS,
    messages: {
      authorized: "ANY {{path}} uses {{authorization}} and the resource has no OPTIONS method: every preflight meets it and gets {{answer}}.",
      keyRequired: "ANY {{path}} requires an API key and the resource has no OPTIONS method: every preflight gets {{answer}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    if (!servesBrowsers(model)) return [];
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      const any = resource.methods.find((m) => m.httpMethod === "ANY");
      if (!any || resource.methods.some((m) => m.httpMethod === "OPTIONS")) continue;
      if (any.authorizationType === "NONE" && !any.apiKeyRequired) continue;
      const stages = model.stages
        .filter((stage) => {
          const served = servedMethod(model, stage, resource.path, "ANY");
          return served !== undefined && (served.authorizationType !== "NONE" || served.apiKeyRequired) && !servedMethod(model, stage, resource.path, "OPTIONS");
        })
        .map((s) => s.name);
      const authorized = any.authorizationType !== "NONE";
      const outcome = authorized ? preflightAuthOutcome(model, any) : undefined;
      const answer = outcome?.answer ?? ANSWER.forbidden;
      const because = outcome?.because ?? "ANY requires an API key, which a preflight never carries";
      findings.push({
        messageId: authorized ? "authorized" : "keyRequired",
        data: { path: resource.path, authorization: outcome?.authorizer ? `${any.authorizationType} authorizer '${outcome.authorizer.name}'` : any.authorizationType, answer },
        symptom: `Browsers calling any method on ${resource.path} from another origin fail: the preflight is routed to ANY and gets ${answer.split(",")[0]} because ${because}.`,
        target: { resourceId: resource.id, path: resource.path, httpMethod: "ANY", ...(any.authorizerId !== undefined ? { authorizerId: any.authorizerId } : {}) },
        stages,
        draftOnly: stages.length === 0,
        evidence: { authorizationType: any.authorizationType, authorizerId: any.authorizerId ?? null, apiKeyRequired: any.apiKeyRequired, explicitOptions: false },
        fixes: [
          { kind: "add-cors-preflight", resourceId: resource.id, path: resource.path, ...suggestedCors(model, resource) },
          ...redeploy(stages, `Deploy an explicit OPTIONS ${resource.path} ahead of ANY`),
        ],
      });
    }
    return findings;
  },
};
