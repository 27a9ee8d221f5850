import type { FixIntent } from "@/lib/remediation/intents";
import { deployedVerbsAt } from "@/lib/model/deployed-paths";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { OPEN_PREFLIGHT_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { guardedPreflights } from "@/lib/rules/support/guarded-preflights";
import { preflightAuthOutcome } from "@/lib/rules/support/preflight-outcome";

export const optionsRequiresAuthorization: Rule = {
  meta: {
    id: "options-requires-authorization",
    title: "Preflight OPTIONS requires authorization",
    severity: "high",
    category: "preflight",
    confidence: "certain",
    browserSends:
      "Before a cross-origin PUT, PATCH, DELETE, or any call with an Authorization, x-api-key or JSON Content-Type header, the browser sends OPTIONS with Origin and Access-Control-Request-* headers only: never Authorization, cookies or an API key.",
    gatewayAnswers:
      'Lambda TOKEN authorizer, or REQUEST authorizer with a header identity source: 401 {"message":"Unauthorized"} without invoking the Lambda. Cognito: 401 {"message":"Unauthorized"}. AWS_IAM: 403 {"message":"Missing Authentication Token"}. A REQUEST authorizer whose identity sources a preflight carries (query string, stage variable, context) invokes the Lambda, whose decision — possibly cached — decides.',
    why: "An OPTIONS method with an authorizer asks the preflight for credentials it can never send, so the browser reports a CORS error and never sends the real request. SAM adds the API's DefaultAuthorizer to generated OPTIONS unless AddDefaultAuthorizerToCorsPreflight is false. The preflight must be answered with authorization NONE; the real request stays protected.",
    docs: [DOCS.authorizer, DOCS.lambda401, DOCS.cognito401, DOCS.missingToken, DOCS.cors, DOCS.samApiAuth],
    peers: [],
    disagreeingPeers: OPEN_PREFLIGHT_PEERS,
    messages: {
      everyTime: "OPTIONS {{path}} uses {{authorization}}: every preflight gets {{answer}} because {{because}}.",
      lambdaDecides: "OPTIONS {{path}} uses {{authorization}}: preflights get {{answer}}, intermittently, because {{because}}.",
      fixedNotDeployed:
        "OPTIONS {{path}} is NONE in the current configuration, but stage(s) {{stages}} still serve a deployment where it uses {{authorization}}: preflights there get {{answer}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const { path, resource, draft: method, badStages, calls, answersFor } of guardedPreflights(model, "authorization")) {
      if (!method) {
        // The draft is fixed; the deployed authorization type is all we know of the stages.
        const stage = model.stages.find((s) => badStages.includes(s.name));
        const served = stage?.deployment ? deployedVerbsAt(stage.deployment, path)?.OPTIONS : undefined;
        const outcome = preflightAuthOutcome(model, { authorizationType: served?.authorizationType ?? "CUSTOM" });
        findings.push({
          messageId: "fixedNotDeployed",
          data: { path, stages: badStages.join(", "), authorization: served?.authorizationType ?? "an authorizer", answer: outcome.answer },
          symptom: `Browsers calling ${calls} on ${badStages.join(", ")} still fail: the preflight gets ${outcome.answer}; the fix is in the draft but not deployed.`,
          target: { ...(resource ? { resourceId: resource.id } : {}), path, httpMethod: "OPTIONS" },
          stages: badStages,
          draftOnly: false,
          evidence: { currentAuthorizationType: "NONE", deployedAuthorizationType: served?.authorizationType ?? null, stages: badStages },
          fixes: redeploy(badStages, `Deploy OPTIONS ${path} with authorization NONE`),
        });
        continue;
      }

      const outcome = preflightAuthOutcome(model, method);
      const authorization = outcome.authorizer
        ? `${method.authorizationType} authorizer '${outcome.authorizer.name}' (${outcome.authorizer.type}${outcome.authorizer.type === "COGNITO_USER_POOLS" ? "" : `, TTL ${outcome.authorizer.effectiveTtlSeconds} s`})`
        : method.authorizationType;
      const fixes: FixIntent[] = [
        {
          kind: "set-method-authorization",
          resourceId: method.resourceId,
          path,
          httpMethod: "OPTIONS",
          from: method.authorizationType,
          to: "NONE",
        },
        ...redeploy(badStages, `Deploy OPTIONS ${path} with authorization NONE`),
      ];
      if (outcome.lambdaInvoked && outcome.authorizer && outcome.authorizer.effectiveTtlSeconds > 0) {
        // Cached decisions taken on preflights outlive the fix until their TTL runs out.
        fixes.push(...badStages.map((stage): FixIntent => ({ kind: "flush-authorizer-cache", stage })));
      }
      findings.push({
        messageId: outcome.everyTime ? "everyTime" : "lambdaDecides",
        ...(outcome.confidence ? { confidence: outcome.confidence } : {}),
        data: { path, authorization, answer: outcome.answer, because: outcome.because },
        symptom: `Browsers calling ${calls} from another origin fail${outcome.everyTime ? "" : " intermittently"}: the preflight OPTIONS ${path} gets ${outcome.answer.split(",")[0]} because ${outcome.because}.`,
        target: {
          resourceId: method.resourceId,
          path,
          httpMethod: "OPTIONS",
          ...(method.authorizerId !== undefined ? { authorizerId: method.authorizerId } : {}),
        },
        stages: badStages,
        draftOnly: badStages.length === 0,
        evidence: {
          authorizationType: method.authorizationType,
          authorizerId: method.authorizerId ?? null,
          authorizerType: outcome.authorizer?.type ?? null,
          identitySources: outcome.authorizer?.identitySources.map((s) => s.expression) ?? [],
          authorizerTtlSeconds: outcome.authorizer?.effectiveTtlSeconds ?? null,
          lambdaInvoked: outcome.lambdaInvoked,
          failsEveryTime: outcome.everyTime,
          answersFor,
        },
        fixes,
      });
    }
    return findings;
  },
};
