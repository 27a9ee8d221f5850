import { overriddenHeaders } from "@/lib/rules/support/template-headers";
import type { ApiModel, IntegrationResponseModel, IntegrationType, MethodModel, ResourceModel } from "@/lib/model/types";
import type { FixIntent } from "@/lib/remediation/intents";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { CORS_HEADER, declaresHeader, isProxyIntegration, mappedHeader } from "@/lib/rules/support/cors-headers";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { browserEvidence } from "@/lib/rules/support/serves-browsers";
import { preflightOrigin } from "@/lib/rules/support/suggested-cors";

const ALLOW_ORIGIN = CORS_HEADER.allowOrigin.toLowerCase();

function methodResponseWithStatus(method: MethodModel, statusCode: string) {
  for (const response of method.methodResponses) if (response.statusCode === statusCode) return response;
  return undefined;
}

/** The 2xx responses of a method that return no Access-Control-Allow-Origin, and why, index by index. */
interface Broken {
  statusCodes: string[];
  problems: string[];
}

/** What is wrong with one 2xx response of a method, or undefined when it returns Access-Control-Allow-Origin. */
function problemOf(method: MethodModel, response: IntegrationResponseModel): string | undefined {
  // Asked of every 2xx response of every method: read in place rather than copied into header lists first.
  const isDeclared = declaresHeader(methodResponseWithStatus(method, response.statusCode)?.responseParameters, CORS_HEADER.allowOrigin);
  const isMapped = mappedHeader(response.responseParameters, CORS_HEADER.allowOrigin) !== undefined;
  if (isDeclared && isMapped) return undefined;
  // A mapping template that sets the header through $context.responseOverride needs neither mapping nor declaration
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html).
  if (overriddenHeaders(response.responseTemplates).has(ALLOW_ORIGIN)) return undefined;
  if (isMapped)
    return `its ${response.statusCode} integration response maps Access-Control-Allow-Origin but the ${response.statusCode} method response does not declare it, so API Gateway drops it`;
  if (isDeclared)
    return `its ${response.statusCode} method response declares Access-Control-Allow-Origin but the integration response maps no value to it`;
  return `neither its ${response.statusCode} method response nor its integration response sets Access-Control-Allow-Origin`;
}

export const actualResponseWithoutCors: Rule = {
  meta: {
    id: "actual-response-without-cors",
    title: "Actual response carries no Access-Control-Allow-Origin (non-proxy integration)",
    severity: "medium",
    category: "preflight",
    confidence: "certain",
    browserSends:
      "After a successful preflight (or directly, for a simple request), the actual cross-origin request, e.g. GET with Origin and Authorization.",
    gatewayAnswers:
      "The method's 2xx response with only the headers its integration response maps and its method response declares. Without Access-Control-Allow-Origin the browser blocks the response (\"No 'Access-Control-Allow-Origin' header is present on the requested resource\") and fetch() rejects with a TypeError, although API Gateway answered 200.",
    why: "For MOCK, HTTP and AWS (non-proxy) integrations API Gateway builds the response itself: the console's Enable CORS declares Access-Control-Allow-Origin on each method's 200 method response and maps it in the integration response, besides creating OPTIONS. Fixing only the preflight leaves the actual call blocked. Proxy integrations (AWS_PROXY, HTTP_PROXY) pass the backend's headers through, so the backend must return the header and Preflight cannot see it: they are not flagged. Runs only when the API shows it serves browsers.",
    docs: [DOCS.cors, DOCS.corsConsole],
    peers: [],
    messages: {
      missing:
        "{{verb}} {{path}} ({{integration}} integration) answers without Access-Control-Allow-Origin: {{problems}}. Browsers block the response even when the preflight succeeds.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const evidence = browserEvidence(model);
    if (evidence.length === 0) return [];
    // The same three signs on every finding: one list, not a copy per method (findings are not mutated once made).
    const servesBrowsers = evidence.slice(0, 3);
    const findings: FindingDraft[] = [];
    for (const resource of model.resources) {
      for (const method of resource.methods) {
        // OPTIONS is the preflight (preflight-response-incomplete); proxies return the backend's headers.
        if (method.httpMethod === "OPTIONS" || !method.integration || isProxyIntegration(method)) continue;
        let broken: Broken | undefined;
        for (const response of method.integration.integrationResponses) {
          if (!response.statusCode.startsWith("2")) continue;
          const problem = problemOf(method, response);
          if (problem === undefined) continue;
          if (broken === undefined) broken = { statusCodes: [response.statusCode], problems: [problem] };
          else {
            broken.statusCodes.push(response.statusCode);
            broken.problems.push(problem);
          }
        }
        if (broken !== undefined) findings.push(missing(model, resource, method, method.integration.type, broken, servesBrowsers));
      }
    }
    return findings;
  },
};

function missing(
  model: ApiModel,
  resource: ResourceModel,
  method: MethodModel,
  integration: IntegrationType,
  { statusCodes, problems }: Broken,
  servesBrowsers: string[],
): FindingDraft {
  const allowOrigin = preflightOrigin(model, resource);
  const stages = stagesWhere(model, resource.path, method.httpMethod);
  const fixes: FixIntent[] = [];
  for (const statusCode of statusCodes) {
    fixes.push({
      kind: "add-method-response-cors-origin",
      resourceId: resource.id,
      path: resource.path,
      httpMethod: method.httpMethod,
      statusCode,
      allowOrigin,
    });
  }
  for (const fix of redeploy(stages, `Deploy Access-Control-Allow-Origin on ${method.httpMethod} ${resource.path}`)) fixes.push(fix);
  return {
    messageId: "missing",
    data: {
      verb: method.httpMethod,
      path: resource.path,
      integration,
      problems: problems.length === 1 ? problems[0]! : problems.join("; "),
    },
    symptom: `A page on another origin calling ${method.httpMethod} ${resource.path} gets API Gateway's ${statusCodes[0] ?? "2xx"} answer blocked by the browser: "No 'Access-Control-Allow-Origin' header is present on the requested resource", and fetch() fails with a TypeError.`,
    target: { resourceId: resource.id, path: resource.path, httpMethod: method.httpMethod },
    stages,
    draftOnly: stages.length === 0,
    evidence: { integrationType: integration, statusCodes, suggestedOrigin: allowOrigin, servesBrowsers },
    fixes,
  };
}
