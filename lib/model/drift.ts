import type { DeploymentModel, DriftItem, HttpVerb, ResourceModel } from "@/lib/model/types";
import { compareVerbs, comparePaths } from "@/lib/model/reshape-resources";

/**
 * Differences between what a stage serves (its deployment's API summary from GetDeployment
 * embed=apisummary, https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html) and the
 * current configuration: methods added or removed since the deployment, and authorizationType or
 * apiKeyRequired changed. Changes take effect only after a redeployment.
 */
export function computeDrift(deployment: DeploymentModel, resources: ResourceModel[]): DriftItem[] {
  const items: DriftItem[] = [];
  const current = new Map<string, ResourceModel["methods"][number]>();
  for (const resource of resources) {
    for (const method of resource.methods) current.set(`${method.path} ${method.httpMethod}`, method);
  }
  const deployedKeys = new Set<string>();
  for (const [path, verbs] of Object.entries(deployment.apiSummary)) {
    for (const [verb, summary] of Object.entries(verbs)) {
      if (!summary) continue;
      const httpMethod = verb as HttpVerb;
      const key = `${path} ${httpMethod}`;
      deployedKeys.add(key);
      const now = current.get(key);
      if (!now) {
        items.push({ kind: "method-removed", path, httpMethod });
        continue;
      }
      if (now.authorizationType !== summary.authorizationType) {
        items.push({ kind: "authorizationType", path, httpMethod, deployed: summary.authorizationType, current: now.authorizationType });
      }
      if (now.apiKeyRequired !== summary.apiKeyRequired) {
        items.push({ kind: "apiKeyRequired", path, httpMethod, deployed: summary.apiKeyRequired, current: now.apiKeyRequired });
      }
    }
  }
  for (const [key, method] of current) {
    if (!deployedKeys.has(key)) items.push({ kind: "method-added", path: method.path, httpMethod: method.httpMethod });
  }
  return items.sort((a, b) => comparePaths(a.path, b.path) || compareVerbs(a.httpMethod, b.httpMethod) || a.kind.localeCompare(b.kind));
}
