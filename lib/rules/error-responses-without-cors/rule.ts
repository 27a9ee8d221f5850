import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { CORS_HEADER, includesIgnoreCase } from "@/lib/rules/support/cors-headers";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { hasHeader, responseForFix, type ResponseForFix } from "@/lib/rules/support/gateway-responses";
import { methodNeeds, requiredRequestHeaders } from "@/lib/rules/support/request-headers";
import { servesBrowsers } from "@/lib/rules/support/serves-browsers";
import { knownOrigin } from "@/lib/rules/support/suggested-cors";

/** The errors a browser caller meets around authorization, throttling and backend failures. */
const WATCHED = [
  "UNAUTHORIZED",
  "ACCESS_DENIED",
  "MISSING_AUTHENTICATION_TOKEN",
  "INVALID_API_KEY",
  "EXPIRED_TOKEN",
  "INVALID_SIGNATURE",
  "THROTTLED",
  "QUOTA_EXCEEDED",
  "AUTHORIZER_FAILURE",
  "AUTHORIZER_CONFIGURATION_ERROR",
  "API_CONFIGURATION_ERROR",
  "INTEGRATION_FAILURE",
  "INTEGRATION_TIMEOUT",
  // Also reachable from a browser (issue 14): request validation, size and media type limits, unknown
  // paths (on a custom domain) and WAF blocks; each falls back to DEFAULT_4XX when not customised
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html).
  "BAD_REQUEST_BODY",
  "BAD_REQUEST_PARAMETERS",
  "REQUEST_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RESOURCE_NOT_FOUND",
  "WAF_FILTERED",
] as const;

export const errorResponsesWithoutCors: Rule = {
  meta: {
    id: "error-responses-without-cors",
    title: "Gateway error responses carry no Access-Control-Allow-Origin",
    severity: "medium",
    category: "error-responses",
    confidence: "certain",
    browserSends:
      "A cross-origin request that API Gateway rejects itself: no or expired token, denied policy, missing API key, throttling, an authorizer or integration failure.",
    gatewayAnswers:
      "The gateway response for that error (UNAUTHORIZED 401, ACCESS_DENIED 403, MISSING_AUTHENTICATION_TOKEN 403, THROTTLED 429, INTEGRATION_TIMEOUT 504…), which falls back to DEFAULT_4XX or DEFAULT_5XX when not customised. Without Access-Control-Allow-Origin the browser hides the status and the script sees only a CORS error.",
    why: "Method and integration responses never apply to errors API Gateway raises before or around the integration: only gateway responses do. A customised response without the header hides the status as much as a default one. Runs only when the API shows it serves browsers.",
    docs: [DOCS.gatewayResponses, DOCS.corsConsole, DOCS.cors],
    peers: [],
    messages: {
      missing: "{{source}} answers {{types}} without Access-Control-Allow-Origin: browsers report a CORS error instead of {{statuses}}.",
    },
    fixable: true,
    requires: ["gatewayResponses"],
  },

  check({ model }) {
    if (!servesBrowsers(model)) return [];
    const groups = new Map<string, ResponseForFix[]>();
    for (const type of WATCHED) {
      const effective = responseForFix(model, type);
      if (hasHeader(effective.headers, CORS_HEADER.allowOrigin)) continue;
      groups.set(effective.sourceType, [...(groups.get(effective.sourceType) ?? []), effective]);
    }
    // Every watched response sends the header (the fix the rule suggests): nothing else to work out.
    if (groups.size === 0) return [];
    const stages = model.stages.map((s) => s.name);
    const allowHeaders = ["Content-Type"];
    // Most APIs' methods require no header at all: told once per model (methodNeeds) rather than asked of each method.
    if (methodNeeds(model).headers)
      for (const resource of model.resources) {
        for (const method of resource.methods) {
          for (const header of requiredRequestHeaders(model, method))
            if (!includesIgnoreCase(allowHeaders, header)) allowHeaders.push(header);
        }
      }
    const origin = knownOrigin(model);
    const findings: FindingDraft[] = [];
    for (const [sourceType, responses] of groups) {
      const source = responses[0]?.source;
      const customised = source !== undefined && !source.isDefault;
      const statuses = [...new Set(responses.map((r) => r.statusCode))].sort();
      const serverSide = statuses.every((s) => s.startsWith("5"));
      const label = `${customised ? "Customised" : "Default"} gateway response ${sourceType}`;
      findings.push({
        messageId: "missing",
        data: { source: label, types: joinWords(responses.map((r) => r.responseType)), statuses: joinWords(statuses) },
        symptom: `When API Gateway rejects a browser's call with ${joinWords(statuses)}, the page sees only a CORS error, because ${sourceType} sends no Access-Control-Allow-Origin.${wafNote(
          model.stages,
          responses.map((r) => r.responseType),
        )}`,
        target: { responseType: sourceType },
        stages,
        draftOnly: false,
        evidence: { responseType: sourceType, customised, appliesTo: responses.map((r) => r.responseType), statusCodes: statuses },
        severity: serverSide ? "low" : "medium",
        fixes: [
          {
            kind: "add-gateway-response-cors",
            responseType: sourceType,
            allowOrigin: origin,
            allowHeaders,
            existingResponseParameters: customised ? { ...source.responseParameters } : {},
            ...(customised && source.statusCode !== undefined ? { statusCode: source.statusCode } : {}),
          },
          ...redeploy(stages, `Deploy the CORS headers on gateway response ${sourceType}`),
        ],
      });
    }
    return findings;
  },
};

/**
 * With a WAF web ACL on the stage, a request the ACL blocks is answered by WAF: its custom response (if
 * the rule defines one) wins over WAF_FILTERED, so the CORS headers must be added there too.
 */
function wafNote(stages: ReadonlyArray<{ name: string; webAclArn?: string }>, types: string[]): string {
  const guarded = stages.filter((s) => s.webAclArn).map((s) => s.name);
  if (guarded.length === 0 || !types.includes("WAF_FILTERED")) return "";
  return ` Stage ${joinWords(guarded)} has a WAF web ACL: requests it blocks get WAF's own response (a custom response in the web ACL wins over WAF_FILTERED), so add Access-Control-Allow-Origin there too.`;
}
