import type { FindingDraft, Rule } from "@/lib/rules/types";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";

const PAYLOAD_ENCODINGS = {
  title: "Content type conversions in API Gateway (binaryMediaTypes, Content-Type / first Accept type, contentHandling)",
  url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings-workflow.html",
};
const SAM_553 = {
  title: 'aws/serverless-application-model#553: */* binary media type makes OPTIONS fail ("Unable to transform request", 500)',
  url: "https://github.com/aws/serverless-application-model/issues/553",
};
const CHALICE_1310 = {
  title: "aws/chalice#1310: broken OPTIONS when */* is a binary type; fixed by contentHandling CONVERT_TO_TEXT",
  url: "https://github.com/aws/chalice/issues/1310",
};

/**
 * A browser's preflight carries no Content-Type and (Chrome, Firefox, Safari) Accept: *\/*, so only a
 * binary media type that matches "*\/*" makes it binary: "*\/*" itself, or "*\/<anything>" forms that
 * match the wildcard subtype.
 */
export function matchesPreflight(binaryMediaType: string): boolean {
  const [type = "", subtype = ""] = binaryMediaType.trim().toLowerCase().split(";")[0]!.split("/");
  return type === "*" && subtype === "*";
}

export const binaryMediaBreaksMockPreflight: Rule = {
  meta: {
    id: "binary-media-breaks-mock-preflight",
    title: "Binary media type */* makes the MOCK preflight answer 500",
    severity: "high",
    category: "preflight",
    confidence: "likely",
    browserSends: "OPTIONS with Accept: */* and no body, as every browser's preflight.",
    gatewayAnswers:
      '500 {"message":"Internal server error"} (API_CONFIGURATION_ERROR; the execution log says "Unable to transform request"), with no CORS headers, so the browser reports a CORS error.',
    why: 'With "*/*" in the API\'s binaryMediaTypes every request counts as binary, the preflight included. A MOCK integration then has a binary payload to run its mapping template on and fails, unless contentHandling is CONVERT_TO_TEXT. Chalice, SAM (BinaryMediaTypes + Cors) and the Serverless Framework generate exactly this MOCK OPTIONS and give no way to set contentHandling on it. AWS documents the conversions, not this failure: the rule relies on the field reports cited.',
    docs: [PAYLOAD_ENCODINGS, SAM_553, CHALICE_1310, DOCS.corsConsole],
    peers: [],
    messages: {
      mockPreflight:
        'The API treats {{types}} as binary and OPTIONS {{path}} is a MOCK integration without contentHandling CONVERT_TO_TEXT: every preflight gets 500 {"message":"Internal server error"}.',
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const types = (model.api.binaryMediaTypes ?? []).filter(matchesPreflight);
    if (types.length === 0) return [];
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      const options = resource.methods.find((m) => m.httpMethod === "OPTIONS");
      const integration = options?.integration;
      if (!options || integration?.type !== "MOCK") continue;
      if (
        integration.contentHandling === "CONVERT_TO_TEXT" ||
        integration.integrationResponses.some((r) => r.contentHandling === "CONVERT_TO_TEXT")
      )
        continue;
      const stages = stagesWhere(model, resource.path, "OPTIONS");
      findings.push({
        messageId: "mockPreflight",
        data: { types: types.map((t) => `"${t}"`).join(", "), path: resource.path },
        symptom: `Every browser call to ${resource.path} that needs a preflight fails with a CORS error: the preflight is answered 500 without CORS headers.`,
        target: { resourceId: resource.id, path: resource.path, httpMethod: "OPTIONS" },
        stages,
        draftOnly: stages.length === 0,
        evidence: {
          binaryMediaTypes: model.api.binaryMediaTypes ?? [],
          integrationType: "MOCK",
          contentHandling: integration.contentHandling ?? null,
          integrationResponseContentHandling: integration.integrationResponses.map(
            (r) => `${r.statusCode}: ${r.contentHandling ?? "unset"}`,
          ),
        },
        fixes: [
          {
            kind: "set-integration-content-handling",
            resourceId: resource.id,
            path: resource.path,
            httpMethod: "OPTIONS",
            contentHandling: "CONVERT_TO_TEXT",
            statusCodes: integration.integrationResponses.map((r) => r.statusCode),
          },
          ...redeploy(stages, `Deploy OPTIONS ${resource.path} with contentHandling CONVERT_TO_TEXT`),
        ],
      });
    }
    return findings;
  },
};
