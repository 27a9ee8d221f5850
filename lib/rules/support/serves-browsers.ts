import { ModelMemo } from "@/lib/model/model-memo";
import { overriddenHeaders } from "@/lib/rules/support/template-headers";
import type { ApiModel, MethodModel } from "@/lib/model/types";

/** The most signs any rule quotes (missing-preflight quotes five, actual-response-without-cors three). */
export const MAX_BROWSER_EVIDENCE = 5;

/**
 * Signs that the API is called from browsers on other origins: an OPTIONS method anywhere, or an
 * Access-Control-* header in a method response, an integration response or a customised gateway
 * response. An API that only a Lambda proxy makes CORS-aware leaves no trace in the configuration.
 *
 * The first MAX_BROWSER_EVIDENCE signs, in model order (methods, then gateway responses): rules ask whether there is
 * any and quote the first few, so the scan stops there instead of describing every OPTIONS of a 10,000-method API
 * (issue 16, `npm run bench:core`).
 */
export function browserEvidence(model: ApiModel): readonly string[] {
  // Five rules ask per audit; the model is immutable, so once per model.
  let evidence = evidenceByModel.get(model);
  if (!evidence) {
    evidence = computeEvidence(model);
    evidenceByModel.set(model, evidence);
  }
  return evidence;
}

const evidenceByModel = new ModelMemo<ApiModel, readonly string[]>();

function computeEvidence(model: ApiModel): string[] {
  const evidence: string[] = [];
  for (const resource of model.resources) {
    for (const method of resource.methods) {
      const sign = methodSign(method);
      if (sign === undefined) continue;
      evidence.push(`${method.httpMethod} ${method.path} ${sign}`);
      if (evidence.length === MAX_BROWSER_EVIDENCE) return evidence;
    }
  }
  for (const response of model.gatewayResponses) {
    if (!response.isDefault && Object.keys(response.responseParameters).some(isCorsKey)) {
      evidence.push(`gateway response ${response.responseType} sets Access-Control-* headers`);
      if (evidence.length === MAX_BROWSER_EVIDENCE) return evidence;
    }
  }
  return evidence;
}

/** What makes the method a sign of browser callers, or undefined; the first that applies, in this order. */
function methodSign(method: MethodModel): string | undefined {
  if (method.httpMethod === "OPTIONS") return "exists";
  if (method.methodResponses.some((r) => Object.keys(r.responseParameters).some(isCorsKey)))
    return "declares Access-Control-* response headers";
  const responses = method.integration?.integrationResponses;
  if (responses === undefined) return undefined;
  if (responses.some((r) => Object.keys(r.responseParameters).some(isCorsKey))) return "maps Access-Control-* headers";
  for (const response of responses)
    for (const header of overriddenHeaders(response.responseTemplates).keys())
      if (header.startsWith("access-control-")) return "sets Access-Control-* headers in a response mapping template";
  return undefined;
}

export function servesBrowsers(model: ApiModel): boolean {
  return browserEvidence(model).length > 0;
}

function isCorsKey(key: string): boolean {
  return /\.header\.access-control-/i.test(key);
}
