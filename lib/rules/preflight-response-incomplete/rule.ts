import type { ApiModel, MethodModel, ResourceModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { describeBrowserCalls } from "@/lib/rules/support/browser-calls";
import {
  CORS_HEADER,
  SAFELISTED_METHODS,
  defaultResponse,
  includesIgnoreCase,
  isProxyIntegration,
  literalValue,
  sentHeader,
  splitList,
} from "@/lib/rules/support/cors-headers";
import { describeOverride } from "@/lib/model/response-overrides";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { fallthroughCallers, withCallers } from "@/lib/rules/support/preflight-callers";
import { DOCS } from "@/lib/rules/support/docs";
import { assumesJsonBody, jsonPostAssumption, requiredRequestHeaders } from "@/lib/rules/support/request-headers";
import { knownOrigin, suggestedCors } from "@/lib/rules/support/suggested-cors";

interface Problem {
  text: string;
  /** Breaks every preflight it concerns (the browser rejects the response outright). */
  breaks: boolean;
}

export const preflightResponseIncomplete: Rule = {
  meta: {
    id: "preflight-response-incomplete",
    title: "Preflight response incomplete or invalid",
    severity: "medium",
    category: "preflight",
    confidence: "certain",
    browserSends:
      "OPTIONS with Origin, Access-Control-Request-Method (the real verb) and Access-Control-Request-Headers (e.g. authorization, content-type, x-api-key).",
    gatewayAnswers:
      "Whatever the OPTIONS method's integration response maps: the browser then checks the status is 2xx, Access-Control-Allow-Origin matches, the verb is in Access-Control-Allow-Methods unless it is GET, HEAD or POST, and every non-safelisted header is in Access-Control-Allow-Headers.",
    why: "A preflight that reaches a MOCK answers exactly what its integration response maps, and only headers its method response declares. A verb or header missing from the lists fails only the calls that use it, which looks random. '*' in Access-Control-Allow-Headers does not cover Authorization, and '*' as origin is refused for credentialed requests.",
    docs: [DOCS.cors, DOCS.corsConsole],
    peers: [],
    messages: {
      incomplete: "The preflight OPTIONS {{path}} answers {{status}} and {{problems}}.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    const callers = fallthroughCallers(model);
    for (const own of model.resources) {
      const options = own.methods.find((m) => m.httpMethod === "OPTIONS");
      if (!options?.integration || isProxyIntegration(options)) continue;
      // The preflights this OPTIONS answers include those that fall through to it (e.g. PATCH /users/me → /users/{userId}).
      const resource = withCallers(own, callers.get(own.path) ?? []);
      const { problems, status, evidence } = inspect(model, resource, options);
      if (problems.length === 0) continue;
      const stages = stagesWhere(model, resource.path, "OPTIONS");
      const breaks = problems.some((p) => p.breaks);
      findings.push({
        messageId: "incomplete",
        data: { path: resource.path, status, problems: problems.map((p) => p.text).join("; ") + templateNote(evidence) },
        symptom: `Browsers calling ${describeBrowserCalls(model, own, own.path)}${
          callers.has(own.path)
            ? ` (and ${callers
                .get(own.path)!
                .map((c) => describeBrowserCalls(model, c, c.path))
                .join(", ")}, whose preflights fall through to it)`
            : ""
        } from another origin fail${breaks ? "" : " for some calls"}: the preflight response ${problems[0]?.text ?? "is incomplete"}.`,
        target: { resourceId: resource.id, path: resource.path, httpMethod: "OPTIONS" },
        stages,
        draftOnly: stages.length === 0,
        evidence,
        severity: breaks ? "high" : "medium",
        fixes: [
          {
            kind: "set-preflight-headers",
            resourceId: resource.id,
            path: resource.path,
            statusCode: status.startsWith("2") ? status : "200",
            ...corrected(model, resource, options),
          },
          ...redeploy(stages, `Deploy the corrected preflight OPTIONS ${resource.path}`),
        ],
      });
    }
    return findings;
  },
};

function inspect(model: ApiModel, resource: ResourceModel, options: MethodModel) {
  const response = defaultResponse(options);
  const problems: Problem[] = [];
  const status = response.statusCode ?? "no status";
  const mapped = response.mapped;
  // A MOCK preflight's mapping template may set these through $context.responseOverride.header (Terraform and CDK
  // modules that echo one of several origins do): such a header is sent, literal or dynamic.
  const origin = sentHeader(response, CORS_HEADER.allowOrigin);
  const methods = sentHeader(response, CORS_HEADER.allowMethods);
  const headers = sentHeader(response, CORS_HEADER.allowHeaders);
  const credentials = literalValue(sentHeader(response, CORS_HEADER.allowCredentials) ?? "") === "true";

  if (response.statusCode === undefined) problems.push({ text: "has no integration response to answer with", breaks: true });
  else if (!response.statusCode.startsWith("2"))
    problems.push({ text: `answers status ${response.statusCode}, which the browser treats as a failed preflight`, breaks: true });

  if (origin === undefined) problems.push({ text: "sends no Access-Control-Allow-Origin", breaks: true });
  else if (literalValue(origin) === "*" && credentials)
    problems.push({
      text: "pairs Access-Control-Allow-Origin '*' with Access-Control-Allow-Credentials true, which browsers refuse",
      breaks: true,
    });

  const verbs = resource.methods.map((m) => m.httpMethod).filter((v) => v !== "OPTIONS");
  const needVerbs = verbs.includes("ANY") ? [] : verbs.filter((v) => !SAFELISTED_METHODS.has(v));
  if (needVerbs.length > 0) {
    if (methods === undefined)
      problems.push({ text: `sends no Access-Control-Allow-Methods, so ${needVerbs.join(", ")} are refused`, breaks: true });
    else {
      const allowed = literalValue(methods);
      if (allowed !== undefined && !(allowed.trim() === "*" && !credentials)) {
        const missing = needVerbs.filter((v) => !includesIgnoreCase(splitList(allowed), v));
        if (missing.length > 0)
          problems.push({ text: `omits ${missing.join(", ")} from Access-Control-Allow-Methods ('${allowed}')`, breaks: false });
      }
    }
  }

  const needHeaders: string[] = [];
  for (const method of resource.methods) {
    for (const header of requiredRequestHeaders(model, method)) if (!includesIgnoreCase(needHeaders, header)) needHeaders.push(header);
  }
  // Content-Type needed only by POSTs assumed to send JSON: the finding says it is an assumption.
  const contentTypeOnlyAssumed = resource.methods.every(
    (m) => !includesIgnoreCase(requiredRequestHeaders(model, m), "Content-Type") || (m.httpMethod === "POST" && assumesJsonBody(m)),
  );
  const assumption = contentTypeOnlyAssumed ? jsonPostAssumption(model, resource.methods) : undefined;
  const assumed = (list: string[]) => (assumption && includesIgnoreCase(list, "Content-Type") ? ` (${assumption})` : "");
  if (needHeaders.length > 0) {
    if (headers === undefined)
      problems.push({
        text: `sends no Access-Control-Allow-Headers, so requests with ${needHeaders.join(", ")} are refused${assumed(needHeaders)}`,
        breaks: false,
      });
    else {
      const allowed = literalValue(headers);
      if (allowed !== undefined) {
        const list = splitList(allowed);
        // "*" is a wildcard only without credentials, and never covers Authorization (Fetch standard).
        const wildcard = list.includes("*") && !credentials;
        const missing = needHeaders.filter((h) => !includesIgnoreCase(list, h) && !(wildcard && h.toLowerCase() !== "authorization"));
        if (missing.length > 0)
          problems.push({
            text: `omits ${missing.join(", ")} from Access-Control-Allow-Headers ('${allowed}')${assumed(missing)}`,
            breaks: false,
          });
      }
    }
  }

  // Template overrides need no method response declaration ("programmatically create new parameters", same page).
  const undeclared = Object.keys(mapped).filter(
    (h) => !includesIgnoreCase(response.declared, h) && !response.templated.has(h.toLowerCase()),
  );
  if (undeclared.length > 0)
    problems.push({
      text: `maps ${undeclared.join(", ")} without declaring it in the ${status} method response, so API Gateway does not return it`,
      breaks: false,
    });

  const evidence = {
    statusCode: response.statusCode ?? null,
    integrationType: options.integration?.type ?? null,
    accessControlAllowOrigin: origin ?? null,
    accessControlAllowMethods: methods ?? null,
    accessControlAllowHeaders: headers ?? null,
    accessControlAllowCredentials: credentials,
    resourceMethods: verbs,
    requiredRequestHeaders: needHeaders,
    declaredHeaders: response.declared,
    ...(response.templated.size > 0
      ? { setByMappingTemplate: [...response.templated.values()].map((h) => `${h.name} ${describeOverride(h)}`) }
      : {}),
  };
  return { problems, status, evidence };
}

/** Says what the mapping template sets, so a dynamic origin is read as sent, not as missing. */
function templateNote(evidence: { setByMappingTemplate?: string[] }): string {
  const set = evidence.setByMappingTemplate ?? [];
  return set.length === 0 ? "" : ` (its mapping template sets ${set.join(", ")})`;
}

/** The suggested headers, keeping the origin and credentials the preflight already uses when they are valid together. */
function corrected(model: ApiModel, resource: ResourceModel, options: MethodModel) {
  const suggestion = suggestedCors(model, resource);
  const response = defaultResponse(options);
  const origin = literalValue(sentHeader(response, CORS_HEADER.allowOrigin) ?? "");
  const credentials = literalValue(sentHeader(response, CORS_HEADER.allowCredentials) ?? "") === "true";
  if (origin && origin !== "*") return { ...suggestion, allowOrigin: origin, ...(credentials ? { allowCredentials: true } : {}) };
  // '*' with credentials is invalid: keep '*' and drop credentials, which keeps every call that works today working.
  return { ...suggestion, allowOrigin: origin ?? knownOrigin(model), ...(credentials ? { allowCredentials: false } : {}) };
}
