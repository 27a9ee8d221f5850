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
    gatewayAnswers:
      "API Gateway substitutes stage variables into integrations and mapping templates; it stores them in plain text on the stage.",
    why: "Stage variables are neither encrypted nor access-controlled separately from the API, and they appear in exports and in GetStage. Keys and passwords belong in Secrets Manager or SSM Parameter Store, and a stage variable holding the secret's or role's ARN is the recommended pattern, not a secret. Where the reader could see the values it keeps only their shape (an ARN, a URL, a key-like token), never the value: a name like a secret holding an ARN is not reported, and a key-like value is reported whatever its name. Without shapes (templates, older audits) the names alone decide.",
    docs: [
      {
        title: 'Use stage variables for a REST API in API Gateway ("not intended to be used for sensitive data")',
        url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/stage-variables.html",
      },
    ],
    peers: [{ tool: "Prowler", id: "apigateway_restapi_no_secrets_in_stage_variables" }],
    messages: {
      secretNames: "Stage {{stage}} has stage variable(s) {{names}}, named like secrets.",
      secretValues:
        "Stage {{stage}} has stage variable(s) {{names}} whose values look like credentials (a key-like token, not an ARN or URL).",
    },
    fixable: false,
    requires: ["stages"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const stage of model.stages) {
      const shapes = stage.variableShapes;
      const names = stage.variableNames.filter((name) => {
        const shape = shapes?.[name];
        if (shape === "secret-like") return true;
        // A Secrets Manager / SSM / role ARN (or a URL) under a secret-sounding name is the recommended pattern.
        if (shape === "reference" || shape === "url") return false;
        // A short password is "plain"-shaped: the name still decides.
        return SECRET_NAME.test(name);
      });
      if (names.length === 0) continue;
      findings.push({
        messageId: shapes ? "secretValues" : "secretNames",
        data: { stage: stage.name, names: joinWords(names) },
        symptom: `Anyone who can read the API's configuration can read ${joinWords(names)} on stage ${stage.name}.`,
        target: { stage: stage.name },
        stages: [stage.name],
        draftOnly: false,
        evidence: { variableNames: names, ...(shapes ? { valueShapes: names.map((n) => `${n}: ${shapes[n] ?? "unknown"}`) } : {}) },
        fixes: [],
      });
    }
    return findings;
  },
};
