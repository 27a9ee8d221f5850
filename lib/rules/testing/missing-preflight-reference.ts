/**
 * missing-preflight as it was before its findings shared their equal parts (issue 16), kept as the oracle of
 * shared-parts-differential.test.ts: the same findings, byte for byte, on every model. Only the meta is the rule's own.
 */
import { missingPreflight } from "@/lib/rules/missing-preflight/rule";
import type { MethodModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { describeBrowserCalls, joinWords } from "@/lib/rules/support/browser-calls";
import { answeredBy } from "@/lib/model/answered-by";
import { answeringServed, redeploy, servedVerbs } from "@/lib/rules/support/deployed-stages";
import { ANSWER } from "@/lib/rules/support/preflight-outcome";
import { jsonPostAssumption, needsPreflight } from "@/lib/rules/support/request-headers";
import { browserEvidence, MAX_BROWSER_EVIDENCE } from "@/lib/rules/support/serves-browsers";
import { suggestedCors } from "@/lib/rules/support/suggested-cors";

export const missingPreflightReference: Rule = {
  meta: missingPreflight.meta,

  check({ model }) {
    const evidence = browserEvidence(model);
    if (evidence.length === 0) return [];
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      // A resource without methods has nothing to preflight; the cheap tests come first, as most resources pass.
      if (resource.methods.length === 0) continue;
      // Judged by whatever answers OPTIONS here, own method or a fall-through (lib/model/answered-by.ts).
      if (answeredBy(model, resource.path, "OPTIONS")) continue;
      let preflighted: MethodModel[] | undefined;
      for (const method of resource.methods) if (needsPreflight(model, method)) (preflighted ??= []).push(method);
      if (preflighted === undefined) continue;
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
