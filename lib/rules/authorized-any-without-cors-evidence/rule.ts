import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy, servedMethod } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { OPEN_PREFLIGHT_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { ANSWER, preflightAuthOutcome } from "@/lib/rules/support/preflight-outcome";
import { servesBrowsers } from "@/lib/rules/support/serves-browsers";
import { suggestedCors } from "@/lib/rules/support/suggested-cors";

const LAMBDA_PROXY_CORS = {
  title: "Enable CORS for Lambda or HTTP proxy integrations (the backend returns the CORS headers)",
  url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html#apigateway-enable-cors-proxy",
};

/**
 * The counterpart of any-method-answers-preflight for APIs that show no CORS configuration at all:
 * Lambda-proxy APIs set Access-Control-* in their code, which the control plane cannot show, and
 * their preflight still meets the ANY method's authorizer. Lower severity, because the API may
 * really have no browser callers.
 */
export const authorizedAnyWithoutCorsEvidence: Rule = {
  meta: {
    id: "authorized-any-without-cors-evidence",
    title: "Authorized ANY without OPTIONS on an API with no visible CORS configuration",
    severity: "low",
    category: "preflight",
    confidence: "heuristic",
    browserSends: "If a web page on another origin calls the API with a JSON body or an Authorization header, the browser first sends OPTIONS without credentials.",
    gatewayAnswers:
      'ANY matches OPTIONS when the resource has no explicit OPTIONS method, so the preflight meets ANY\'s authorizer or API key: 401 {"message":"Unauthorized"} (Lambda or Cognito authorizer), 403 {"message":"Missing Authentication Token"} (AWS_IAM) or 403 {"message":"Forbidden"} (API key). The Lambda behind ANY — the code that sets the CORS headers — never runs.',
    why:
      "With a Lambda or HTTP proxy integration the backend returns the CORS headers, so the API Gateway configuration shows no CORS at all; the preflight still has to get past the ANY method's authorizer first, and it cannot. If no browser calls this API (server-to-server, mobile apps), nothing breaks and the finding can be ignored; if one does, add an explicit OPTIONS method with authorization NONE, which takes precedence over ANY.",
    docs: [LAMBDA_PROXY_CORS, DOCS.cors, DOCS.authorizer],
    peers: [],
    disagreeingPeers: OPEN_PREFLIGHT_PEERS,
    messages: {
      authorized:
        "ANY {{path}} uses {{authorization}} and has no OPTIONS method; nothing in the configuration shows CORS (a Lambda proxy may set it in code). If a browser calls this API, every preflight gets {{answer}}.",
      keyRequired:
        "ANY {{path}} requires an API key and has no OPTIONS method; nothing in the configuration shows CORS (a Lambda proxy may set it in code). If a browser calls this API, every preflight gets {{answer}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    // With visible CORS configuration, any-method-answers-preflight reports the same resources at high.
    if (servesBrowsers(model)) return [];
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
      findings.push({
        messageId: authorized ? "authorized" : "keyRequired",
        data: { path: resource.path, authorization: outcome?.authorizer ? `${any.authorizationType} authorizer '${outcome.authorizer.name}'` : any.authorizationType, answer },
        symptom: `A web page on another origin calling ${resource.path} would fail with a CORS error: the preflight gets ${answer.split(",")[0]} before the Lambda that sets the CORS headers runs. No effect if no browser calls the API.`,
        target: { resourceId: resource.id, path: resource.path, httpMethod: "ANY", ...(any.authorizerId !== undefined ? { authorizerId: any.authorizerId } : {}) },
        stages,
        draftOnly: stages.length === 0,
        evidence: { authorizationType: any.authorizationType, authorizerId: any.authorizerId ?? null, apiKeyRequired: any.apiKeyRequired, explicitOptions: false, corsEvidence: false },
        fixes: [
          { kind: "add-cors-preflight", resourceId: resource.id, path: resource.path, ...suggestedCors(model, resource) },
          ...redeploy(stages, `Deploy an explicit OPTIONS ${resource.path} ahead of ANY`),
        ],
      });
    }
    return findings;
  },
};
