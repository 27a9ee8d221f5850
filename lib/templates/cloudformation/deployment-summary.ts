/**
 * The API summary of a deployment made from a template (what GetDeployment embed=apisummary would return:
 * https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html). A template describes what WILL be
 * deployed, so every stage it creates serves its own methods: the summary mirrors them, and lib/model finds no
 * drift. (A live stack can keep serving an older deployment when its Deployment resource is not replaced after a
 * change, but one template cannot show that; inventing drift would report what no deployed state supports.)
 */
import type { RawDeployedMethod, RawResource } from "@/lib/model/raw-snapshot";

export function templateDeploymentSummary(resources: readonly RawResource[]): Record<string, Record<string, RawDeployedMethod>> {
  const summary: Record<string, Record<string, RawDeployedMethod>> = {};
  for (const resource of resources) {
    for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) {
      const entry: RawDeployedMethod = {};
      if (method.authorizationType !== undefined) entry.authorizationType = method.authorizationType;
      if (method.apiKeyRequired !== undefined) entry.apiKeyRequired = method.apiKeyRequired;
      // Paths start with "/" and verbs are upper case: neither can be "__proto__".
      summary[resource.path] = { ...summary[resource.path], [verb]: entry };
    }
  }
  return summary;
}
