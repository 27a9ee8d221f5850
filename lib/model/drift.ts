import type { DeploymentModel, DriftItem, HttpVerb, MethodModel, ResourceModel } from "@/lib/model/types";
import { compareVerbs, comparePaths } from "@/lib/model/reshape-resources";

/**
 * Differences between what a stage serves and the current configuration (the draft), per method and per setting.
 * Method changes take effect only after a redeployment
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-deployments.html). With the deployment's full
 * snapshot (GetExport) every setting that shapes a response is compared; with only its API summary
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html) only methods, authorizationType and
 * apiKeyRequired can be.
 */
export function computeDrift(deployment: DeploymentModel, resources: ResourceModel[]): DriftItem[] {
  const items: DriftItem[] = [];
  const current = new Map<string, MethodModel>();
  for (const resource of resources) {
    for (const method of resource.methods) current.set(`${method.path} ${method.httpMethod}`, method);
  }
  const served = new Map<string, MethodModel>();
  for (const resource of deployment.served?.source === "export" ? deployment.served.resources : []) {
    for (const method of resource.methods) served.set(`${method.path} ${method.httpMethod}`, method);
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
      const then = served.get(key);
      if (then) {
        for (const [setting, deployed, draft] of settingPairs(then, now)) {
          if (deployed !== draft) items.push({ kind: "setting", path, httpMethod, setting, deployed, current: draft });
        }
      }
    }
  }
  for (const [key, method] of current) {
    if (!deployedKeys.has(key)) items.push({ kind: "method-added", path: method.path, httpMethod: method.httpMethod });
  }
  return items.sort(
    (a, b) =>
      comparePaths(a.path, b.path) ||
      compareVerbs(a.httpMethod, b.httpMethod) ||
      a.kind.localeCompare(b.kind) ||
      ("setting" in a && "setting" in b ? a.setting.localeCompare(b.setting) : 0),
  );
}

const NONE = "(none)";

/** [setting, deployed value, draft value] for everything a request or response depends on, as display strings. */
function settingPairs(deployed: MethodModel, draft: MethodModel): Array<[string, string, string]> {
  const pairs: Array<[string, string, string]> = [];
  const add = (setting: string, a: string | undefined, b: string | undefined) => pairs.push([setting, a ?? NONE, b ?? NONE]);
  // Authorizer ids come back from the export as the draft's ids (matched by name), so they compare directly.
  if (deployed.authorizationType === draft.authorizationType) add("authorizer", deployed.authorizerId, draft.authorizerId);
  add("authorization scopes", list(deployed.authorizationScopes), list(draft.authorizationScopes));
  for (const name of union(Object.keys(deployed.requestParameters), Object.keys(draft.requestParameters))) {
    add(`request parameter ${name}`, flag(deployed.requestParameters[name]), flag(draft.requestParameters[name]));
  }
  const a = deployed.integration;
  const b = draft.integration;
  add("integration type", a?.type, b?.type);
  add("integration URI", a?.uri, b?.uri);
  add("integration cache key parameters", list(a?.cacheKeyParameters ?? []), list(b?.cacheKeyParameters ?? []));
  add("integration content handling", a?.contentHandling, b?.contentHandling);
  const responsesA = new Map((a?.integrationResponses ?? []).map((r) => [r.statusCode, r]));
  const responsesB = new Map((b?.integrationResponses ?? []).map((r) => [r.statusCode, r]));
  for (const code of union([...responsesA.keys()], [...responsesB.keys()])) {
    const ra = responsesA.get(code);
    const rb = responsesB.get(code);
    if (!ra || !rb) {
      add(`integration response ${code}`, ra ? "present" : undefined, rb ? "present" : undefined);
      continue;
    }
    add(`integration response ${code} selection pattern`, ra.selectionPattern, rb.selectionPattern);
    for (const name of union(Object.keys(ra.responseParameters), Object.keys(rb.responseParameters))) {
      add(`integration response ${code} ${headerName(name)}`, ra.responseParameters[name], rb.responseParameters[name]);
    }
  }
  const methodA = new Map(deployed.methodResponses.map((r) => [r.statusCode, r]));
  const methodB = new Map(draft.methodResponses.map((r) => [r.statusCode, r]));
  for (const code of union([...methodA.keys()], [...methodB.keys()])) {
    const ma = methodA.get(code);
    const mb = methodB.get(code);
    if (!ma || !mb) {
      add(`method response ${code}`, ma ? "present" : undefined, mb ? "present" : undefined);
      continue;
    }
    for (const name of union(Object.keys(ma.responseParameters), Object.keys(mb.responseParameters))) {
      add(
        `method response ${code} ${headerName(name)}`,
        name in ma.responseParameters ? "declared" : undefined,
        name in mb.responseParameters ? "declared" : undefined,
      );
    }
  }
  return pairs;
}

function headerName(parameter: string): string {
  return parameter.startsWith("method.response.header.") ? `header ${parameter.slice("method.response.header.".length)}` : parameter;
}

function list(values: string[]): string | undefined {
  return values.length > 0 ? [...values].sort().join(", ") : undefined;
}

function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? "required" : "optional";
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
