import type { ApiModel, HttpVerb, MethodModel, ResourceModel } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { describeBrowserCalls } from "@/lib/rules/support/browser-calls";
import {
  SAFELISTED_METHODS,
  defaultCors,
  defaultResponse,
  includesIgnoreCase,
  isProxyIntegration,
  literalValue,
  corsReader,
  splitList,
  type SentCors,
} from "@/lib/rules/support/cors-headers";
import { describeOverride } from "@/lib/model/response-overrides";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { allPathsPlain } from "@/lib/rules/support/plain-paths";
import { fallthroughCallers, withCallers } from "@/lib/rules/support/preflight-callers";
import { DOCS } from "@/lib/rules/support/docs";
import { assumesJsonBody, jsonPostAssumption, methodNeeds, requiredRequestHeaders } from "@/lib/rules/support/request-headers";
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
    // No preflight falls through on an API of plain paths (most): no resource needs routing to learn it.
    const callers = allPathsPlain(model) ? NO_FALLTHROUGHS : fallthroughCallers(model);
    const readCors = corsReader();
    for (const own of model.resources) {
      const options = optionsOf(own);
      if (!options?.integration || isProxyIntegration(options)) continue;
      // The preflights this OPTIONS answers include those that fall through to it (e.g. PATCH /users/me → /users/{userId}).
      const resource = withCallers(own, callers.get(own.path) ?? NO_CALLERS);
      const found = inspect(model, resource, options, readCors(options));
      if (found === undefined) continue;
      const { problems, status, evidence } = found;
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

const NO_CALLERS: readonly ResourceModel[] = [];
const NO_FALLTHROUGHS: ReadonlyMap<string, ResourceModel[]> = new Map();

function optionsOf(resource: ResourceModel): MethodModel | undefined {
  for (const method of resource.methods) if (method.httpMethod === "OPTIONS") return method;
  return undefined;
}

/**
 * The problems of a preflight and the evidence for them, or undefined when it has none. Every OPTIONS of an API is
 * inspected and most have no problem (issue 16): the checks read what its default response sends (`sent`, read in
 * place by the check's corsReader, which keeps only its last answer), and build the lists they report, and the
 * evidence, only when there is something to report.
 */
function inspect(model: ApiModel, resource: ResourceModel, options: MethodModel, sent: SentCors) {
  const statusCode = sent.statusCode;
  const problems: Problem[] = [];
  const status = statusCode ?? "no status";
  // A MOCK preflight's mapping template may set these through $context.responseOverride.header (Terraform and CDK
  // modules that echo one of several origins do): such a header is sent, literal or dynamic.
  const { origin, methods, headers, credentials } = sent;

  if (statusCode === undefined) problems.push({ text: "has no integration response to answer with", breaks: true });
  else if (!statusCode.startsWith("2"))
    problems.push({ text: `answers status ${statusCode}, which the browser treats as a failed preflight`, breaks: true });

  if (origin === undefined) problems.push({ text: "sends no Access-Control-Allow-Origin", breaks: true });
  else if (credentials && literalValue(origin) === "*")
    problems.push({
      text: "pairs Access-Control-Allow-Origin '*' with Access-Control-Allow-Credentials true, which browsers refuse",
      breaks: true,
    });

  const needVerbs = verbsNeedingAllowMethods(resource);
  if (needVerbs.length > 0) {
    if (methods === undefined)
      problems.push({ text: `sends no Access-Control-Allow-Methods, so ${needVerbs.join(", ")} are refused`, breaks: true });
    else {
      const allowed = literalValue(methods);
      if (allowed !== undefined && !(allowed.trim() === "*" && !credentials)) {
        const list = splitList(allowed);
        const missing = needVerbs.filter((v) => !includesIgnoreCase(list, v));
        if (missing.length > 0)
          problems.push({ text: `omits ${missing.join(", ")} from Access-Control-Allow-Methods ('${allowed}')`, breaks: false });
      }
    }
  }

  const needHeaders = requiredByAny(model, resource);
  if (needHeaders.length > 0) {
    if (headers === undefined)
      problems.push({
        text: `sends no Access-Control-Allow-Headers, so requests with ${needHeaders.join(", ")} are refused${assumedNote(model, resource, needHeaders)}`,
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
            text: `omits ${missing.join(", ")} from Access-Control-Allow-Headers ('${allowed}')${assumedNote(model, resource, missing)}`,
            breaks: false,
          });
      }
    }
  }

  if (sent.undeclared.length > 0)
    problems.push({
      text: `maps ${sent.undeclared.join(", ")} without declaring it in the ${status} method response, so API Gateway does not return it`,
      breaks: false,
    });

  if (problems.length === 0) return undefined;
  const response = defaultResponse(options);
  const evidence = {
    statusCode: statusCode ?? null,
    integrationType: options.integration?.type ?? null,
    accessControlAllowOrigin: origin ?? null,
    accessControlAllowMethods: methods ?? null,
    accessControlAllowHeaders: headers ?? null,
    accessControlAllowCredentials: credentials,
    resourceMethods: resource.methods.map((m) => m.httpMethod).filter((v) => v !== "OPTIONS"),
    requiredRequestHeaders: [...needHeaders],
    declaredHeaders: response.declared,
    ...(response.templated.size > 0
      ? { setByMappingTemplate: [...response.templated.values()].map((h) => `${h.name} ${describeOverride(h)}`) }
      : {}),
  };
  return { problems, status, evidence };
}

/** The resource's verbs a browser preflights and Access-Control-Allow-Methods must list: none when ANY answers them all. */
function verbsNeedingAllowMethods(resource: ResourceModel): readonly HttpVerb[] {
  let needed: HttpVerb[] | undefined;
  for (const method of resource.methods) {
    const verb = method.httpMethod;
    if (verb === "ANY") return NO_VERBS;
    if (verb !== "OPTIONS" && !SAFELISTED_METHODS.has(verb)) (needed ??= []).push(verb);
  }
  return needed ?? NO_VERBS;
}

const NO_VERBS: readonly HttpVerb[] = [];

/** The headers any of the resource's methods needs, each once (ignoring case), in the order first needed. */
function requiredByAny(model: ApiModel, resource: ResourceModel): readonly string[] {
  if (!methodNeeds(model).headers) return NO_HEADERS;
  let needed: string[] | undefined;
  for (const method of resource.methods) {
    for (const header of requiredRequestHeaders(model, method)) {
      if (needed === undefined) needed = [header];
      else if (!includesIgnoreCase(needed, header)) needed.push(header);
    }
  }
  return needed ?? NO_HEADERS;
}

const NO_HEADERS: readonly string[] = [];

/**
 * " (…)" with jsonPostAssumption when Content-Type is among the listed headers and only POSTs assumed to send JSON
 * need it: the finding then says it is an assumption.
 */
function assumedNote(model: ApiModel, resource: ResourceModel, listed: readonly string[]): string {
  if (!includesIgnoreCase(listed, "Content-Type")) return "";
  const contentTypeOnlyAssumed = resource.methods.every(
    (m) => !includesIgnoreCase(requiredRequestHeaders(model, m), "Content-Type") || (m.httpMethod === "POST" && assumesJsonBody(m)),
  );
  const assumption = contentTypeOnlyAssumed ? jsonPostAssumption(model, resource.methods) : undefined;
  return assumption ? ` (${assumption})` : "";
}

/** Says what the mapping template sets, so a dynamic origin is read as sent, not as missing. */
function templateNote(evidence: { setByMappingTemplate?: string[] }): string {
  const set = evidence.setByMappingTemplate ?? [];
  return set.length === 0 ? "" : ` (its mapping template sets ${set.join(", ")})`;
}

/** The suggested headers, keeping the origin and credentials the preflight already uses when they are valid together. */
function corrected(model: ApiModel, resource: ResourceModel, options: MethodModel) {
  const suggestion = suggestedCors(model, resource);
  const sent = defaultCors(options);
  const origin = literalValue(sent.origin ?? "");
  const credentials = sent.credentials;
  if (origin && origin !== "*") return { ...suggestion, allowOrigin: origin, ...(credentials ? { allowCredentials: true } : {}) };
  // '*' with credentials is invalid: keep '*' and drop credentials, which keeps every call that works today working.
  return { ...suggestion, allowOrigin: origin ?? knownOrigin(model), ...(credentials ? { allowCredentials: false } : {}) };
}
