/**
 * actual-response-without-cors as it was before its findings shared their equal parts (issue 16), kept as the oracle of
 * shared-parts-differential.test.ts: the same findings, byte for byte, on every model. Only the meta is the rule's own.
 */
import { actualResponseWithoutCors } from "@/lib/rules/actual-response-without-cors/rule";
import { overriddenHeaders } from "@/lib/rules/support/template-headers";
import type { ApiModel, IntegrationResponseModel, IntegrationType, MethodModel, ResourceModel } from "@/lib/model/types";
import type { FixIntent } from "@/lib/remediation/intents";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { CORS_HEADER, declaresHeader, isProxyIntegration, mappedHeader } from "@/lib/rules/support/cors-headers";
import { redeploy, stagesWhere } from "@/lib/rules/support/deployed-stages";
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

export const actualResponseWithoutCorsReference: Rule = {
  meta: actualResponseWithoutCors.meta,

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
