import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { OPEN_PREFLIGHT_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { anyRequirement, guardedAnyAnswer, guardedAnyStages } from "@/lib/rules/support/guarded-any";
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
    browserSends:
      "If a web page on another origin calls the API with a JSON body or an Authorization header, the browser first sends OPTIONS without credentials.",
    gatewayAnswers:
      'ANY matches OPTIONS when the resource has no explicit OPTIONS method, and a resource with neither OPTIONS nor ANY sends its preflight on to a {param} sibling\'s or greedy ancestor\'s ANY, so the preflight meets that ANY\'s authorizer or API key: 401 {"message":"Unauthorized"} (Lambda or Cognito authorizer), 403 {"message":"Missing Authentication Token"} (AWS_IAM) or 403 {"message":"Forbidden"} (API key). The Lambda behind ANY — the code that sets the CORS headers — never runs.',
    why: "With a Lambda or HTTP proxy integration the backend returns the CORS headers, so the API Gateway configuration shows no CORS at all; the preflight still has to get past the ANY method's authorizer first, and it cannot. If no browser calls this API (server-to-server, mobile apps), nothing breaks and the finding can be ignored; if one does, add an explicit OPTIONS method with authorization NONE, which takes precedence over ANY.",
    docs: [LAMBDA_PROXY_CORS, DOCS.cors, DOCS.authorizer],
    peers: [],
    disagreeingPeers: OPEN_PREFLIGHT_PEERS,
    messages: {
      authorized:
        "ANY {{path}} uses {{authorization}} and has no OPTIONS method; nothing in the configuration shows CORS (a Lambda proxy may set it in code). If a browser calls this API, every preflight gets {{answer}}.",
      keyRequired:
        "ANY {{path}} requires an API key and has no OPTIONS method; nothing in the configuration shows CORS (a Lambda proxy may set it in code). If a browser calls this API, every preflight gets {{answer}}.",
      fallthrough:
        "OPTIONS {{path}} is answered by ANY {{answerPath}}, which requires {{requirement}}; nothing in the configuration shows CORS (a Lambda proxy may set it in code). If a browser calls this API, every preflight of {{path}} gets {{answer}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    // With visible CORS configuration, any-method-answers-preflight reports the same resources at high.
    if (servesBrowsers(model)) return [];
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      // The same routing as any-method-answers-preflight: the resource's own ANY, or the ANY its preflight falls
      // through to (reported on this resource, naming the ANY that answers it, as that rule does).
      const answer = guardedAnyAnswer(model, resource);
      if (!answer) continue;
      const any = answer.method;
      const stages = guardedAnyStages(model, resource.path, answer.resource.path);
      const authorized = any.authorizationType !== "NONE";
      const outcome = authorized ? preflightAuthOutcome(model, any) : undefined;
      const preflightAnswer = outcome?.answer ?? ANSWER.forbidden;
      const common = {
        symptom: `A web page on another origin calling ${resource.path} would fail with a CORS error: the preflight gets ${preflightAnswer.split(",")[0]}${answer.elsewhere ? ` from ANY ${answer.resource.path}` : ""} before the Lambda that sets the CORS headers runs. No effect if no browser calls the API.`,
        stages,
        draftOnly: stages.length === 0,
        fixes: [
          { kind: "add-cors-preflight" as const, resourceId: resource.id, path: resource.path, ...suggestedCors(model, resource) },
          ...redeploy(
            stages,
            answer.elsewhere
              ? `Deploy an explicit OPTIONS ${resource.path}, which answers before the fall-through to ANY ${answer.resource.path}`
              : `Deploy an explicit OPTIONS ${resource.path} ahead of ANY`,
          ),
        ],
      };
      const evidence = {
        authorizationType: any.authorizationType,
        authorizerId: any.authorizerId ?? null,
        apiKeyRequired: any.apiKeyRequired,
        explicitOptions: false,
        corsEvidence: false,
      };
      if (answer.elsewhere) {
        findings.push({
          ...common,
          messageId: "fallthrough",
          data: {
            path: resource.path,
            answerPath: answer.resource.path,
            requirement: anyRequirement(any, outcome),
            answer: preflightAnswer,
          },
          target: {
            resourceId: resource.id,
            path: resource.path,
            httpMethod: "OPTIONS",
            ...(any.authorizerId !== undefined ? { authorizerId: any.authorizerId } : {}),
          },
          evidence: { ...evidence, answeredBy: `ANY ${answer.resource.path}` },
        });
        continue;
      }
      findings.push({
        ...common,
        messageId: authorized ? "authorized" : "keyRequired",
        data: {
          path: resource.path,
          authorization: outcome?.authorizer ? `${any.authorizationType} authorizer '${outcome.authorizer.name}'` : any.authorizationType,
          answer: preflightAnswer,
        },
        target: {
          resourceId: resource.id,
          path: resource.path,
          httpMethod: "ANY",
          ...(any.authorizerId !== undefined ? { authorizerId: any.authorizerId } : {}),
        },
        evidence,
      });
    }
    return findings;
  },
};
