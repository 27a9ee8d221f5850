import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";

// Names that usually hold credentials; values are never read (the reader redacts them).
const SECRET_NAME = /(secret|password|passwd|token|api[-_]?key|apikey|private[-_]?key|credential)/i;

export const stageVariablesLookSecret: Rule = {
  meta: {
    id: "stage-variables-look-secret",
    title: "Stage variables named like secrets",
    severity: "low",
    category: "exposure",
    confidence: "heuristic",
    browserSends: "Nothing: stage variables are configuration, visible to anyone allowed apigateway:GET on the API.",
    gatewayAnswers: "API Gateway substitutes stage variables into integrations and mapping templates; it stores them in plain text on the stage.",
    why: "Stage variables are neither encrypted nor access-controlled separately from the API, and they appear in exports and in GetStage. Keys and passwords belong in Secrets Manager or SSM Parameter Store. Judged by name only: Preflight never reads the values.",
    docs: [
      { title: "Use stage variables for a REST API in API Gateway (\"not intended to be used for sensitive data\")", url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/stage-variables.html" },
    ],
    peers: [{ tool: "Prowler", id: "apigateway_restapi_no_secrets_in_stage_variables" }],
    messages: {
      secretNames: "Stage {{stage}} has stage variable(s) {{names}}, named like secrets.",
    },
    fixable: false,
    requires: ["stages"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const stage of model.stages) {
      const names = stage.variableNames.filter((name) => SECRET_NAME.test(name));
      if (names.length === 0) continue;
      findings.push({
        messageId: "secretNames",
        data: { stage: stage.name, names: joinWords(names) },
        symptom: `Anyone who can read the API's configuration can read ${joinWords(names)} on stage ${stage.name}.`,
        target: { stage: stage.name },
        stages: [stage.name],
        draftOnly: false,
        evidence: { variableNames: names },
        fixes: [],
      });
    }
    return findings;
  },
};
