/**
 * error-responses-without-cors as it was before its findings shared their equal parts (issue 16), kept as the oracle of
 * shared-parts-differential.test.ts: the same findings, byte for byte, on every model. Only the meta is the rule's own.
 */
import { errorResponsesWithoutCors } from "@/lib/rules/error-responses-without-cors/rule";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { joinWords } from "@/lib/rules/support/browser-calls";
import { CORS_HEADER, includesIgnoreCase } from "@/lib/rules/support/cors-headers";
import { redeploy } from "@/lib/rules/support/deployed-stages";
import { hasHeader, responseForFix, type ResponseForFix } from "@/lib/rules/support/gateway-responses";
import { requiredRequestHeaders } from "@/lib/rules/support/request-headers";
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

export const errorResponsesWithoutCorsReference: Rule = {
  meta: errorResponsesWithoutCors.meta,

  check({ model }) {
    if (!servesBrowsers(model)) return [];
    const groups = new Map<string, ResponseForFix[]>();
    for (const type of WATCHED) {
      const effective = responseForFix(model, type);
      if (hasHeader(effective.headers, CORS_HEADER.allowOrigin)) continue;
      groups.set(effective.sourceType, [...(groups.get(effective.sourceType) ?? []), effective]);
    }
    const stages = model.stages.map((s) => s.name);
    const allowHeaders = ["Content-Type"];
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
