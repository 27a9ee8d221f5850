import { overriddenHeaders } from "@/lib/rules/support/template-headers";
import type { ApiModel } from "@/lib/model/types";

/**
 * Signs that the API is called from browsers on other origins: an OPTIONS method anywhere, or an
 * Access-Control-* header in a method response, an integration response or a customised gateway
 * response. An API that only a Lambda proxy makes CORS-aware leaves no trace in the configuration.
 */
export function browserEvidence(model: ApiModel): readonly string[] {
  // Five rules ask per audit and each used to scan every method; the model is immutable, so once per model.
  let evidence = evidenceByModel.get(model);
  if (!evidence) {
    evidence = computeEvidence(model);
    evidenceByModel.set(model, evidence);
  }
  return evidence;
}

const evidenceByModel = new WeakMap<ApiModel, readonly string[]>();

function computeEvidence(model: ApiModel): string[] {
  const evidence: string[] = [];
  for (const resource of model.resources) {
    for (const method of resource.methods) {
      const where = () => `${method.httpMethod} ${method.path}`; // built only for the methods that are evidence
      if (method.httpMethod === "OPTIONS") evidence.push(`${where()} exists`);
      else if (method.methodResponses.some((r) => Object.keys(r.responseParameters).some(isCorsKey)))
        evidence.push(`${where()} declares Access-Control-* response headers`);
      else if (method.integration?.integrationResponses.some((r) => Object.keys(r.responseParameters).some(isCorsKey)))
        evidence.push(`${where()} maps Access-Control-* headers`);
      else if (
        method.integration?.integrationResponses.some((r) =>
          [...overriddenHeaders(r.responseTemplates).keys()].some((h) => h.startsWith("access-control-")),
        )
      )
        evidence.push(`${where()} sets Access-Control-* headers in a response mapping template`);
    }
  }
  for (const response of model.gatewayResponses) {
    if (!response.isDefault && Object.keys(response.responseParameters).some(isCorsKey))
      evidence.push(`gateway response ${response.responseType} sets Access-Control-* headers`);
  }
  return evidence;
}

export function servesBrowsers(model: ApiModel): boolean {
  return browserEvidence(model).length > 0;
}

function isCorsKey(key: string): boolean {
  return /\.header\.access-control-/i.test(key);
}
