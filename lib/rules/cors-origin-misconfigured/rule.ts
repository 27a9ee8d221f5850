import { overriddenHeaders } from "@/lib/rules/support/template-headers";
import type { ApiModel, IntegrationResponseModel, MethodModel } from "@/lib/model/types";
import { methodAt, resourceWithId } from "@/lib/model/model-index";
import type { FixIntent } from "@/lib/remediation/intents";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { CORS_HEADER, headerValue, isProxyIntegration, literalValue, splitList } from "@/lib/rules/support/cors-headers";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { endsWithIgnoringAsciiCase } from "@/lib/rules/support/ignore-case";
import { DOCS } from "@/lib/rules/support/docs";
import { cachedMethods } from "@/lib/rules/support/stage-cache";
import { recentAnswers } from "@/lib/rules/support/recent-answers";
import { knownOrigin, suggestedCors } from "@/lib/rules/support/suggested-cors";

/** Shown where no single origin can be inferred; the user replaces it before applying the fix. */
export const ORIGIN_PLACEHOLDER = "<ALLOWED_ORIGIN>";

/** The integration responses of a method without an integration. */
const NO_RESPONSES: readonly IntegrationResponseModel[] = [];

const FETCH_CORS_CHECK = {
  title: 'Fetch standard, CORS check (one origin or "*"; "*" never with credentials)',
  url: "https://fetch.spec.whatwg.org/#cors-check",
};
const MDN_ALLOW_ORIGIN = {
  title: "MDN: Access-Control-Allow-Origin (a single origin; Vary: Origin when it depends on the request)",
  url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin",
};

const ORIGIN_SUFFIX = ".header.access-control-allow-origin";
const CREDENTIALS_SUFFIX = ".header.access-control-allow-credentials";

export const corsOriginMisconfigured: Rule = {
  meta: {
    id: "cors-origin-misconfigured",
    title:
      "Access-Control-Allow-Origin that browsers refuse: '*' with credentials, several origins, or an echoed origin cached for everyone",
    severity: "high",
    category: "preflight",
    confidence: "certain",
    browserSends:
      'A page on https://app.example.com calls the API with fetch(…, { credentials: "include" }) or from one of several allowed origins.',
    gatewayAnswers:
      "The response carries Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true, or a comma-separated list of origins, or — from the stage cache — the origin of whoever called first. The browser blocks the response as a CORS error although API Gateway answered 200.",
    why: 'The Fetch standard\'s CORS check accepts exactly one origin (or "*"), compared byte for byte with the page\'s origin, and never "*" on a credentialed request. API Gateway header mappings are static unless the value comes from the request (method.request.header.Origin) or a mapping template, so several origins must be chosen per request, and a response whose origin depends on the request must not be shared by the stage cache (or by browser caches, without Vary: Origin). The preflight\'s own headers are checked by preflight-response-incomplete; this rule checks actual responses and gateway responses too.',
    docs: [FETCH_CORS_CHECK, MDN_ALLOW_ORIGIN, DOCS.cors, DOCS.caching],
    peers: [],
    messages: {
      wildcardCredentials:
        "{{where}} returns Access-Control-Allow-Origin '*' with Access-Control-Allow-Credentials true: browsers refuse every credentialed response.",
      originList: "{{where}} returns Access-Control-Allow-Origin {{value}}: browsers accept one origin only, so every caller is refused.",
      echoCached:
        "Stage {{stage}} caches {{method}} {{path}}, whose Access-Control-Allow-Origin echoes the request's Origin, but Origin is not in the cache key: a caller from another origin gets the first caller's origin back and is refused (send Vary: Origin for browser caches too).",
    },
    fixable: true,
    // Gateway responses are checked when they were read (an unread list is empty); the methods are the core.
    requires: ["resources"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    // Most responses share a few mapping records (a GET's, a preflight's): each is read once per kind of method.
    const preflightProblem = recentAnswers(originOfPreflight);
    const responseProblem = recentAnswers(originOfResponse);
    for (const resource of model.resources) {
      for (const method of resource.methods) {
        // A proxy integration passes the backend's headers through; its integration responses are unused.
        if (isProxyIntegration(method)) continue;
        const problemOf = method.httpMethod === "OPTIONS" ? preflightProblem : responseProblem;
        const responses = method.integration?.integrationResponses ?? NO_RESPONSES;
        // Indexed: the list may be the model's shared frozen empty one (shared-parts.ts).
        for (let i = 0; i < responses.length; i++) {
          const response = responses[i] as IntegrationResponseModel;
          const problem = problemOf(response.responseParameters);
          if (!problem) continue;
          const where = `${method.httpMethod} ${method.path} (${response.statusCode} response)`;
          const stages = stagesWhere(model, method.path, method.httpMethod);
          findings.push({
            ...describe(problem, where),
            target: { resourceId: method.resourceId, path: method.path, httpMethod: method.httpMethod },
            stages,
            draftOnly: stages.length === 0,
            evidence: {
              statusCode: response.statusCode,
              accessControlAllowOrigin: problem.value,
              accessControlAllowCredentials: problem.credentials,
            },
            fixes: [
              ...methodFix(model, method, response.statusCode, problem),
              ...redeploy(stages, `Deploy a single Access-Control-Allow-Origin on ${method.httpMethod} ${method.path}`),
            ],
          });
        }
      }
    }
    for (const response of model.gatewayResponses) {
      if (response.isDefault) continue;
      const problem = originProblem(response.responseParameters, false);
      if (!problem) continue;
      findings.push({
        ...describe(problem, `Gateway response ${response.responseType}`),
        target: { responseType: response.responseType },
        stages: model.stages.map((s) => s.name),
        draftOnly: model.stages.length === 0,
        evidence: {
          responseType: response.responseType,
          accessControlAllowOrigin: problem.value,
          accessControlAllowCredentials: problem.credentials,
        },
        fixes: [
          {
            kind: "add-gateway-response-cors",
            responseType: response.responseType,
            allowOrigin: singleOrigin(model, problem),
            allowHeaders: [],
            existingResponseParameters: response.responseParameters,
            ...(response.statusCode !== undefined ? { statusCode: response.statusCode } : {}),
          },
          ...redeploy(
            model.stages.map((s) => s.name),
            `Deploy gateway response ${response.responseType} with a single Access-Control-Allow-Origin`,
          ),
        ],
      });
    }
    for (const stage of model.stages) {
      for (const setting of cachedMethods(stage)) {
        // Through the model's index: a scan of the resources per cached method grew with the square of the API.
        const method = methodAt(model, setting.path, setting.httpMethod);
        if (!method || !echoesOrigin(method)) continue;
        const keys = method.integration?.cacheKeyParameters ?? [];
        if (keys.some((k) => k.toLowerCase() === "method.request.header.origin")) continue;
        findings.push({
          messageId: "echoCached",
          data: { stage: stage.name, method: method.httpMethod, path: method.path },
          symptom: `A page on a second allowed origin calling ${method.httpMethod} ${method.path} on ${stage.name} gets the first origin's cached response and a CORS error, for up to ${setting.cacheTtlInSeconds} s.`,
          target: { resourceId: method.resourceId, path: method.path, httpMethod: method.httpMethod, stage: stage.name },
          stages: [stage.name],
          draftOnly: false,
          severity: "medium",
          evidence: {
            cachingEnabled: true,
            cacheTtlInSeconds: setting.cacheTtlInSeconds,
            cacheKeyParameters: keys,
            accessControlAllowOrigin: "method.request.header.Origin",
          },
          fixes: [
            {
              kind: "add-cache-key-parameter",
              resourceId: method.resourceId,
              path: method.path,
              httpMethod: method.httpMethod,
              parameter: "method.request.header.Origin",
              existingCacheKeyParameters: keys,
            },
            ...redeploy([stage.name], `Deploy the cache key of ${method.httpMethod} ${method.path} with the caller's Origin`),
          ],
        });
      }
    }
    return findings;
  },
};

interface OriginProblem {
  kind: "wildcardCredentials" | "originList";
  value: string;
  credentials: boolean;
  origins: string[];
}

/** The preflight's '*' with credentials is preflight-response-incomplete's; lists are checked everywhere. */
export function originProblem(parameters: Record<string, string>, isPreflight: boolean): OriginProblem | undefined {
  // Asked of every integration response of every method, and nearly all are fine: read in place, and split the
  // value or read the credentials only when they can make a problem.
  const originKey = keyEndingWith(parameters, ORIGIN_SUFFIX);
  if (originKey === undefined) return undefined;
  const expression = parameters[originKey] ?? "";
  const value = literalValue(expression);
  if (value === undefined) return undefined;
  const origins = SEPARATOR.test(value) ? value.split(SEPARATORS).filter(Boolean) : value === "" ? [] : [value];
  if (origins.length > 1) return { kind: "originList", value: expression, credentials: allowsCredentials(parameters), origins };
  if (!isPreflight && value.trim() === "*" && allowsCredentials(parameters))
    return { kind: "wildcardCredentials", value: expression, credentials: true, origins };
  return undefined;
}

const originOfPreflight = (parameters: Record<string, string>) => originProblem(parameters, true);
const originOfResponse = (parameters: Record<string, string>) => originProblem(parameters, false);

const SEPARATOR = /[\s,]/;
const SEPARATORS = /[\s,]+/;

function allowsCredentials(parameters: Record<string, string>): boolean {
  const credentialsKey = keyEndingWith(parameters, CREDENTIALS_SUFFIX);
  return (
    credentialsKey !== undefined &&
    literalValue(parameters[credentialsKey] ?? "")
      ?.trim()
      .toLowerCase() === "true"
  );
}

/** The first key ending with the suffix, ignoring case as /…$/i does. */
function keyEndingWith(parameters: Record<string, string>, suffix: string): string | undefined {
  for (const key in parameters) if (Object.hasOwn(parameters, key) && endsWithIgnoringAsciiCase(key, suffix)) return key;
  return undefined;
}

function describe(problem: OriginProblem, where: string): Pick<FindingDraft, "messageId" | "data" | "symptom"> {
  return problem.kind === "originList"
    ? {
        messageId: "originList",
        data: { where, value: problem.value },
        symptom: `Browsers report a CORS error on ${where}: the response names ${problem.origins.length} origins where exactly one is allowed.`,
      }
    : {
        messageId: "wildcardCredentials",
        data: { where },
        symptom: `Browsers calling with credentials (cookies, fetch credentials "include") get a CORS error on ${where}.`,
      };
}

/** One origin the fix can name: the list's first (with a note in the message), the API's known origin, or a placeholder. */
function singleOrigin(model: ApiModel, problem: OriginProblem): string {
  if (problem.kind === "originList") return problem.origins[0] ?? ORIGIN_PLACEHOLDER;
  const known = knownOrigin(model);
  return known !== "*" && splitList(known).length === 1 ? known : ORIGIN_PLACEHOLDER;
}

function methodFix(model: ApiModel, method: MethodModel, statusCode: string, problem: OriginProblem): FixIntent[] {
  const allowOrigin = singleOrigin(model, problem);
  if (method.httpMethod === "OPTIONS") {
    const resource = resourceWithId(model, method.resourceId);
    if (!resource) return [];
    return [
      {
        kind: "set-preflight-headers",
        resourceId: resource.id,
        path: resource.path,
        statusCode,
        ...suggestedCors(model, resource),
        allowOrigin,
        ...(problem.credentials ? { allowCredentials: true } : {}),
      },
    ];
  }
  return [
    {
      kind: "add-method-response-cors-origin",
      resourceId: method.resourceId,
      path: method.path,
      httpMethod: method.httpMethod,
      statusCode,
      allowOrigin,
    },
  ];
}

/** Access-Control-Allow-Origin mapped (or set by a mapping template) from the request's Origin header, on any of the method's responses. */
function echoesOrigin(method: MethodModel): boolean {
  return (method.integration?.integrationResponses ?? []).some((r) => {
    if (overriddenHeaders(r.responseTemplates).get(CORS_HEADER.allowOrigin.toLowerCase())?.value.kind === "echo-origin") return true;
    const value = headerValue(
      Object.fromEntries(Object.entries(r.responseParameters).map(([k, v]) => [k.replace(/^method\.response\.header\./i, ""), v])),
      CORS_HEADER.allowOrigin,
    );
    return value?.trim().toLowerCase() === "method.request.header.origin";
  });
}
