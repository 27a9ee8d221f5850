import type { ApiModel, HttpVerb, MethodModel, TemplateComparison, TemplateDifference } from "@/lib/model/types";

/**
 * A live API next to the template that defines it: the differences that change what a browser meets (a method
 * one side lacks, its authorization, its API key requirement, and how the OPTIONS preflight is answered). Both
 * models are the current configuration (the draft for the live API); what stages serve is deployment-drift's.
 * Pure and bounded: at most MAX_DIFFERENCES are kept, the rest counted.
 */
export const MAX_DIFFERENCES = 200;

const CORS_HEADERS = ["Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"] as const;

function methodsOf(model: ApiModel): Map<string, MethodModel> {
  const methods = new Map<string, MethodModel>();
  for (const resource of model.resources) for (const method of resource.methods) methods.set(`${method.httpMethod} ${method.path}`, method);
  return methods;
}

/** The preflight's answer as its integration writes it: type, and the CORS headers of its 200 (or first) response. */
function preflightShape(method: MethodModel): Record<string, string> {
  const shape: Record<string, string> = { "integration type": method.integration?.type ?? "none" };
  const responses = method.integration?.integrationResponses ?? [];
  const ok = responses.find((response) => response.statusCode === "200") ?? responses[0];
  for (const header of CORS_HEADERS) {
    const value = ok?.responseParameters[`method.response.header.${header}`];
    shape[header] = value ?? "(not set)";
  }
  return shape;
}

export function compareWithTemplate(
  live: ApiModel,
  template: ApiModel,
  label: { template: string; logicalId: string },
): TemplateComparison {
  const differences: TemplateDifference[] = [];
  let omitted = 0;
  const add = (difference: TemplateDifference) => {
    if (differences.length < MAX_DIFFERENCES) differences.push(difference);
    else omitted += 1;
  };
  const liveMethods = methodsOf(live);
  const templateMethods = methodsOf(template);
  for (const [key, method] of liveMethods) {
    const at = { path: method.path, httpMethod: method.httpMethod as HttpVerb };
    const other = templateMethods.get(key);
    if (!other) {
      add({ kind: "method-only-live", ...at });
      continue;
    }
    if (method.authorizationType !== other.authorizationType)
      add({ kind: "authorizationType", ...at, live: method.authorizationType, template: other.authorizationType });
    if (method.apiKeyRequired !== other.apiKeyRequired)
      add({ kind: "apiKeyRequired", ...at, live: method.apiKeyRequired, template: other.apiKeyRequired });
    if (method.httpMethod === "OPTIONS") {
      const a = preflightShape(method);
      const b = preflightShape(other);
      for (const field of Object.keys(a))
        if (a[field] !== b[field])
          add({ kind: "preflight-integration", ...at, field, live: a[field] as string, template: b[field] as string });
    }
  }
  for (const [key, method] of templateMethods)
    if (!liveMethods.has(key)) add({ kind: "method-only-template", path: method.path, httpMethod: method.httpMethod });
  return { template: label.template, logicalId: label.logicalId, differences, omitted };
}
