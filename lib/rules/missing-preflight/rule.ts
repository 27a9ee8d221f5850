import type { MethodModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { describeBrowserCalls, joinWords } from "@/lib/rules/support/browser-calls";
import { answeredBy } from "@/lib/model/answered-by";
import { answeringServed, redeploy, servedVerbs } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { OPEN_PREFLIGHT_PEERS } from "@/lib/rules/support/disagreeing-peers";
import { ANSWER } from "@/lib/rules/support/preflight-outcome";
import { jsonPostAssumption, methodNeeds, needsPreflight } from "@/lib/rules/support/request-headers";
import { browserEvidence, MAX_BROWSER_EVIDENCE } from "@/lib/rules/support/serves-browsers";
import { suggestedCors } from "@/lib/rules/support/suggested-cors";

export const missingPreflight: Rule = {
  meta: {
    id: "missing-preflight",
    title: "Resource browsers preflight has no OPTIONS method",
    severity: "high",
    category: "preflight",
    confidence: "likely",
    browserSends:
      "A cross-origin PUT, PATCH or DELETE, or any request with Authorization, x-api-key, a JSON Content-Type or another custom header, is preceded by OPTIONS on the same path.",
    gatewayAnswers:
      'API Gateway resolves the resource and the method as a pair: OPTIONS falls through to a {param} sibling or a greedy {proxy+} ancestor with OPTIONS or ANY. When nothing in the tree has one there is no method to match: 403 {"message":"Missing Authentication Token"}.',
    why: "API Gateway answers a request no resource+method pair serves with Missing Authentication Token, whatever the cause. Enabling CORS on one resource does not enable it on its children. A preflight that falls through to another resource is not missing: the rules on authorized preflights judge whatever answers it. The rule runs only when the API shows it serves browsers (an OPTIONS method or Access-Control-* headers somewhere); an API made CORS-aware only inside a Lambda leaves no trace it can see.",
    docs: [DOCS.cors, DOCS.corsConsole, DOCS.missingToken],
    peers: [],
    disagreeingPeers: OPEN_PREFLIGHT_PEERS,
    messages: {
      missing:
        "{{path}} has {{verbs}} but no OPTIONS or ANY method, and no {param} sibling or greedy ancestor answers OPTIONS: the preflight gets {{answer}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const evidence = browserEvidence(model);
    // Without a method that needs a preflight, no resource is missing one: one walk per model (methodNeeds).
    if (evidence.length === 0 || !methodNeeds(model).preflight) return [];
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      // A resource without methods has nothing to preflight; the cheap tests come first, as most resources pass.
      if (resource.methods.length === 0) continue;
      let preflighted: MethodModel[] | undefined;
      for (const method of resource.methods) if (needsPreflight(model, method)) (preflighted ??= []).push(method);
      // Most methods are not preflighted (GET without credentials): told from the method alone, before routing.
      if (preflighted === undefined) continue;
      // Judged by whatever answers OPTIONS here, own method or a fall-through (lib/model/answered-by.ts).
      if (answeredBy(model, resource.path, "OPTIONS")) continue;
      const verbs = resource.methods.map((m) => m.httpMethod);
      const preflightedVerbs = preflighted.map((m) => m.httpMethod);
      const stages = model.stages
        .filter((stage) => {
          const served = servedVerbs(model, stage, resource.path);
          return !answeringServed(model, stage, resource.path, "OPTIONS") && served.some((v) => preflightedVerbs.includes(v));
        })
        .map((s) => s.name);
      const cors = suggestedCors(model, resource);
      const assumption = jsonPostAssumption(model, preflighted);
      findings.push({
        messageId: "missing",
        data: { path: resource.path, verbs: joinWords(preflightedVerbs), answer: ANSWER.missingToken },
        symptom: `Browsers calling ${describeBrowserCalls(model, resource, resource.path)} from another origin fail: the preflight OPTIONS ${resource.path} gets ${ANSWER.missingToken} because no resource in the tree answers OPTIONS for it.${assumption ? ` ${assumption}` : ""}`,
        target: { resourceId: resource.id, path: resource.path },
        stages,
        draftOnly: stages.length === 0,
        evidence: {
          methods: verbs,
          preflightedMethods: preflightedVerbs,
          servesBrowsers: evidence.slice(0, MAX_BROWSER_EVIDENCE),
          ...(assumption ? { assumedJsonPost: assumption } : {}),
        },
        fixes: [
          { kind: "add-cors-preflight", resourceId: resource.id, path: resource.path, ...cors },
          ...redeploy(stages, `Deploy the new OPTIONS ${resource.path}`),
        ],
      });
    }
    return findings;
  },
};
