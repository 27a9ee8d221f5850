import type { ApiModel, MethodModel, ResourceModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { OPEN_PREFLIGHT_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { anyRequirement, guardedAnyAnswer, guardedAnyStages, hasGuardedAny } from "@/lib/rules/support/guarded-any";
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
      'ANY matches OPTIONS when the resource has no explicit OPTIONS method, and API Gateway resolves the resource and the method as a pair, so a resource without OPTIONS or ANY sends its preflight on to a {param} sibling or a greedy {proxy+} ancestor. When that ANY has an authorizer or an API key, the preflight meets it: 401 {"message":"Unauthorized"} (Lambda or Cognito authorizer), 403 {"message":"Missing Authentication Token"} (AWS_IAM) or 403 {"message":"Forbidden"} (API key).',
    why: "A greedy proxy (ANY /{proxy+}) with an authorizer is the common shape, and SAM or CDK put specific functions beside it on resources that have no OPTIONS: every one of those preflights falls through to the proxy and needs credentials. An explicit OPTIONS method on the resource takes precedence over ANY and over any fall-through, so adding one with authorization NONE and a MOCK integration fixes the preflight without opening the API. Runs only when the API shows it serves browsers.",
    docs: [DOCS.cors, DOCS.corsConsole, DOCS.authorizer, DOCS.apiKeySource],
    peers: [],
    disagreeingPeers: OPEN_PREFLIGHT_PEERS,
    messages: {
      authorized:
        "ANY {{path}} uses {{authorization}} and the resource has no OPTIONS method: every preflight meets it and gets {{answer}}.",
      keyRequired: "ANY {{path}} requires an API key and the resource has no OPTIONS method: every preflight gets {{answer}}.",
      fallthrough: "OPTIONS {{path}} is answered by ANY {{answerPath}}, which requires {{requirement}}: {{outcome}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    // Cheap tests first (issue 16): most APIs have no ANY asking for a credential, so no resource needs routing.
    if (!servesBrowsers(model) || !hasGuardedAny(model)) return [];
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      const answer = guardedAnyAnswer(model, resource);
      if (!answer) continue;
      findings.push(
        answer.elsewhere ? fallthroughFinding(model, resource, answer.resource, answer.method) : ownFinding(model, resource, answer.method),
      );
    }
    return findings;
  },
};

function ownFinding(model: ApiModel, resource: ResourceModel, any: MethodModel): FindingDraft {
  const stages = guardedAnyStages(model, resource.path, resource.path);
  const authorized = any.authorizationType !== "NONE";
  const outcome = authorized ? preflightAuthOutcome(model, any) : undefined;
  const answer = outcome?.answer ?? ANSWER.forbidden;
  const because = outcome?.because ?? "ANY requires an API key, which a preflight never carries";
  return {
    messageId: authorized ? "authorized" : "keyRequired",
    ...(outcome?.confidence ? { confidence: outcome.confidence } : {}),
    data: {
      path: resource.path,
      authorization: outcome?.authorizer ? `${any.authorizationType} authorizer '${outcome.authorizer.name}'` : any.authorizationType,
      answer,
    },
    symptom: `Browsers calling any method on ${resource.path} from another origin fail: the preflight is routed to ANY and gets ${answer.split(",")[0]} because ${because}.`,
    target: {
      resourceId: resource.id,
      path: resource.path,
      httpMethod: "ANY",
      ...(any.authorizerId !== undefined ? { authorizerId: any.authorizerId } : {}),
    },
    stages,
    draftOnly: stages.length === 0,
    evidence: {
      authorizationType: any.authorizationType,
      authorizerId: any.authorizerId ?? null,
      apiKeyRequired: any.apiKeyRequired,
      explicitOptions: false,
    },
    fixes: [
      { kind: "add-cors-preflight", resourceId: resource.id, path: resource.path, ...suggestedCors(model, resource) },
      ...redeploy(stages, `Deploy an explicit OPTIONS ${resource.path} ahead of ANY`),
    ],
  };
}

function fallthroughFinding(model: ApiModel, resource: ResourceModel, answering: ResourceModel, any: MethodModel): FindingDraft {
  const stages = guardedAnyStages(model, resource.path, answering.path);
  const outcome = any.authorizationType !== "NONE" ? preflightAuthOutcome(model, any) : undefined;
  const answer = outcome?.answer ?? ANSWER.forbidden;
  const status = answer.split(" {")[0] ?? answer;
  const everyTime = outcome?.everyTime ?? true;
  const because = outcome?.because ?? "the ANY requires an API key, which a preflight never carries";
  return {
    messageId: "fallthrough",
    ...(outcome?.confidence ? { confidence: outcome.confidence } : {}),
    data: {
      path: resource.path,
      answerPath: answering.path,
      requirement: anyRequirement(any, outcome),
      outcome: everyTime ? `${status} every time` : `${status}, intermittently, as the Lambda (and its cache) decides`,
    },
    symptom: `Browsers calling ${resource.methods.map((m) => m.httpMethod).join(", ")} ${resource.path} from another origin fail: ${resource.path} has no OPTIONS or ANY, so API Gateway routes the preflight to ANY ${answering.path}, which answers ${status} because ${because}.`,
    target: {
      resourceId: resource.id,
      path: resource.path,
      httpMethod: "OPTIONS",
      ...(any.authorizerId !== undefined ? { authorizerId: any.authorizerId } : {}),
    },
    stages,
    draftOnly: stages.length === 0,
    evidence: {
      answeredBy: `ANY ${answering.path}`,
      authorizationType: any.authorizationType,
      authorizerId: any.authorizerId ?? null,
      apiKeyRequired: any.apiKeyRequired,
      explicitOptions: false,
    },
    fixes: [
      { kind: "add-cors-preflight", resourceId: resource.id, path: resource.path, ...suggestedCors(model, resource) },
      ...redeploy(stages, `Deploy an explicit OPTIONS ${resource.path}, which answers before the fall-through to ANY ${answering.path}`),
    ],
  };
}
