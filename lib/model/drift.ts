import type { DeployedMethodSummary, DeploymentModel, DriftItem, HttpVerb, MethodModel, ResourceModel } from "@/lib/model/types";
import { compareVerbs, comparePaths } from "@/lib/model/reshape-resources";
import { resourceInListAt } from "@/lib/model/model-index";
import { deployedPaths, type DeployedVerbs } from "@/lib/model/deployed-paths";

/**
 * Differences between what a stage serves and the current configuration (the draft), per method and per setting.
 * Method changes take effect only after a redeployment
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-deployments.html). With the deployment's full
 * snapshot (GetExport) every setting that shapes a response is compared; with only its API summary
 * (https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html) only methods, authorizationType and
 * apiKeyRequired can be.
 *
 * Run for every stage and canary of every normalisation, over every method (issue 16, `npm run bench:core`): a deployed
 * method whose settings equal the draft's (the usual case) is confirmed by a comparison that builds nothing, and only
 * a method that differs somewhere gets its settings listed one by one. Normalized lists and summaries (each sorted by
 * path, each path once) are compared in one walk over both; anything else through lookups by path and verb.
 */
export function computeDrift(deployment: DeploymentModel, resources: ResourceModel[]): DriftItem[] {
  const servedList = deployment.served?.source === "export" ? deployment.served.resources : undefined;
  const summary = deployedPaths(deployment);
  const items = walkedDrift(summary, resources, servedList) ?? lookedUpDrift(summary, resources, servedList);
  return items.length > 1 ? items.sort(byDriftOrder) : items;
}

/**
 * A walk through a list in path order that checks, as it goes, that the list is normalized (isRegular): `broken` says
 * when it was not, and the walk's answer is then dropped.
 */
class PathCursor {
  private index = 0;
  broken = false;

  constructor(private readonly list: readonly ResourceModel[]) {}

  /** The next resource when its path comes before `path` (whatever its path, without one). */
  nextBefore(path?: string): ResourceModel | undefined {
    const resource = this.list[this.index];
    if (resource === undefined || (path !== undefined && comparePaths(resource.path, path) >= 0)) return undefined;
    return this.take(resource);
  }

  /** The next resource when it is at `path` (call nextBefore(path) until it answers none first). */
  at(path: string): ResourceModel | undefined {
    const resource = this.list[this.index];
    return resource !== undefined && resource.path === path ? this.take(resource) : undefined;
  }

  private take(resource: ResourceModel): ResourceModel {
    const previous = this.list[this.index - 1];
    if ((previous !== undefined && comparePaths(previous.path, resource.path) >= 0) || !regularMethods(resource)) this.broken = true;
    this.index++;
    return resource;
  }
}

/**
 * Drift of normalized lists in one walk: the summary's paths and the lists' resources all in path order, each path once
 * on each side, so every method is found without a lookup. Undefined when a list or the summary turns out not to be
 * in that order (a hand-built model): the lookups then decide.
 */
function walkedDrift(
  summary: ReadonlyMap<string, DeployedVerbs>,
  resources: readonly ResourceModel[],
  servedList: readonly ResourceModel[] | undefined,
): DriftItem[] | undefined {
  const items: DriftItem[] = [];
  const draft = new PathCursor(resources);
  // A deployment serving the draft's own list (its methods reused, reshape-resources.ts) has no settings to compare.
  const served = servedList === undefined || servedList === resources ? undefined : new PathCursor(servedList);
  let previous: string | undefined;
  for (const [path, verbs] of summary) {
    if (previous !== undefined && comparePaths(previous, path) >= 0) return undefined;
    previous = path;
    for (let before = draft.nextBefore(path); before !== undefined; before = draft.nextBefore(path)) added(before, items);
    const resource = draft.at(path);
    while (served?.nextBefore(path) !== undefined);
    const then = served?.at(path);
    for (const verb in verbs) {
      if (!Object.hasOwn(verbs, verb)) continue;
      const deployed = verbs[verb as HttpVerb];
      if (!deployed) continue;
      const httpMethod = verb as HttpVerb;
      const now = resource === undefined ? undefined : methodOf(resource, httpMethod);
      if (now === undefined) items.push({ kind: "method-removed", path, httpMethod });
      else compareMethod(path, httpMethod, deployed, now, then === undefined ? undefined : methodOf(then, httpMethod), items);
    }
    // The draft's methods at this path that the summary does not list.
    if (resource !== undefined) {
      for (const method of resource.methods) {
        if (!Object.hasOwn(verbs, method.httpMethod) || !verbs[method.httpMethod])
          items.push({ kind: "method-added", path, httpMethod: method.httpMethod });
      }
    }
  }
  for (let rest = draft.nextBefore(); rest !== undefined; rest = draft.nextBefore()) added(rest, items);
  // The rest of the deployment's list is walked too: a duplicated path there would make the lookups answer otherwise.
  while (served?.nextBefore() !== undefined);
  return draft.broken || served?.broken ? undefined : items;
}

function added(resource: ResourceModel, items: DriftItem[]): void {
  for (const method of resource.methods) items.push({ kind: "method-added", path: method.path, httpMethod: method.httpMethod });
}

function methodOf(resource: ResourceModel, httpMethod: HttpVerb): MethodModel | undefined {
  for (const method of resource.methods) if (method.httpMethod === httpMethod) return method;
  return undefined;
}

/** What differs between a deployed method (its summary, and its settings when the export was read) and the draft's. */
function compareMethod(
  path: string,
  httpMethod: HttpVerb,
  deployed: DeployedMethodSummary,
  now: MethodModel,
  then: MethodModel | undefined,
  items: DriftItem[],
): void {
  if (now.authorizationType !== deployed.authorizationType) {
    items.push({ kind: "authorizationType", path, httpMethod, deployed: deployed.authorizationType, current: now.authorizationType });
  }
  if (now.apiKeyRequired !== deployed.apiKeyRequired) {
    items.push({ kind: "apiKeyRequired", path, httpMethod, deployed: deployed.apiKeyRequired, current: now.apiKeyRequired });
  }
  // The same object (a deployment sharing the draft's resources) or equal settings: nothing to list.
  if (then && then !== now && !sameSettings(then, now)) {
    for (const [setting, before, after] of settingPairs(then, now)) {
      if (before !== after) items.push({ kind: "setting", path, httpMethod, setting, deployed: before, current: after });
    }
  }
}

/** Drift of any lists, through lookups by path and verb (the last method listed at a path and verb counts). */
function lookedUpDrift(
  summary: ReadonlyMap<string, DeployedVerbs>,
  resources: readonly ResourceModel[],
  servedList: readonly ResourceModel[] | undefined,
): DriftItem[] {
  const items: DriftItem[] = [];
  const current = methodLookup(resources);
  // A deployment serving the draft's own list (its methods reused, reshape-resources.ts) needs no second lookup.
  const served = servedList === undefined ? undefined : servedList === resources ? current : methodLookup(servedList);
  for (const [path, verbs] of summary) {
    for (const verb in verbs) {
      if (!Object.hasOwn(verbs, verb)) continue;
      const deployed = verbs[verb as HttpVerb];
      if (!deployed) continue;
      const httpMethod = verb as HttpVerb;
      const now = current.get(path, httpMethod);
      if (!now) items.push({ kind: "method-removed", path, httpMethod });
      else compareMethod(path, httpMethod, deployed, now, served?.get(path, httpMethod), items);
    }
  }
  current.each((path, httpMethod) => {
    if (!isDeployed(summary, path, httpMethod)) items.push({ kind: "method-added", path, httpMethod });
  });
  return items;
}

function byDriftOrder(a: DriftItem, b: DriftItem): number {
  return (
    comparePaths(a.path, b.path) ||
    compareVerbs(a.httpMethod, b.httpMethod) ||
    a.kind.localeCompare(b.kind) ||
    ("setting" in a && "setting" in b ? a.setting.localeCompare(b.setting) : 0)
  );
}

/** A deployed method is one with a summary entry (GetDeployment embed=apisummary lists every method it serves). */
function isDeployed(summary: ReadonlyMap<string, DeployedVerbs>, path: string, httpMethod: HttpVerb): boolean {
  const verbs = summary.get(path);
  return verbs !== undefined && Object.hasOwn(verbs, httpMethod) && Boolean(verbs[httpMethod]);
}

interface MethodLookup {
  /** The method at path and verb; of several (a duplicated path), the last one listed. */
  get(path: string, httpMethod: HttpVerb): MethodModel | undefined;
  /** Each path and verb once, in the order first listed. */
  each(visit: (path: string, httpMethod: HttpVerb) => void): void;
}

/**
 * Methods by path and verb. A normalised list (paths strictly in order, so each once; each method on its resource's
 * path, one per verb, in verb order) is looked up through the resource index the rules use too (model-index.ts), with
 * no key per method; any other list through a map keyed on "path verb", whose last entry for a key wins as before.
 */
function methodLookup(resources: readonly ResourceModel[]): MethodLookup {
  const regular = isRegular(resources);
  if (regular) {
    return {
      get: (path, httpMethod) => {
        const methods = resourceInListAt(resources, path)?.methods;
        if (methods === undefined) return undefined;
        for (const method of methods) if (method.httpMethod === httpMethod) return method;
        return undefined;
      },
      each: (visit) => {
        for (const resource of resources) for (const method of resource.methods) visit(method.path, method.httpMethod);
      },
    };
  }
  const byKey = new Map<string, MethodModel>();
  for (const resource of resources) {
    for (const method of resource.methods) byKey.set(`${method.path} ${method.httpMethod}`, method);
  }
  return {
    get: (path, httpMethod) => byKey.get(`${path} ${httpMethod}`),
    each: (visit) => {
      for (const method of byKey.values()) visit(method.path, method.httpMethod);
    },
  };
}

/** Paths strictly in order (so each once), each method on its resource's path, one per verb, in verb order. */
function isRegular(resources: readonly ResourceModel[]): boolean {
  for (let i = 0; i < resources.length; i++) {
    const resource = resources[i]!;
    if ((i > 0 && comparePaths(resources[i - 1]!.path, resource.path) >= 0) || !regularMethods(resource)) return false;
  }
  return true;
}

function regularMethods(resource: ResourceModel): boolean {
  const methods = resource.methods;
  for (let i = 0; i < methods.length; i++) {
    const method = methods[i]!;
    if (method.path !== resource.path) return false;
    if (i > 0 && compareVerbs(methods[i - 1]!.httpMethod, method.httpMethod) >= 0) return false;
  }
  return true;
}

/**
 * True when settingPairs would list no difference, decided without building it. Conservative: false whenever it is
 * not plainly so (a reordered list, a differently spelled absence), and settingPairs then decides.
 */
function sameSettings(deployed: MethodModel, draft: MethodModel): boolean {
  if (deployed.authorizerId !== draft.authorizerId) return false;
  if (!sameList(deployed.authorizationScopes, draft.authorizationScopes)) return false;
  if (!sameRecord(deployed.requestParameters, draft.requestParameters)) return false;
  const a = deployed.integration;
  const b = draft.integration;
  if (a !== b) {
    if (a === undefined || b === undefined) return false;
    if (a.type !== b.type || a.uri !== b.uri || a.contentHandling !== b.contentHandling) return false;
    if (!sameList(a.cacheKeyParameters, b.cacheKeyParameters)) return false;
    const ra = a.integrationResponses;
    const rb = b.integrationResponses;
    if (ra.length !== rb.length) return false;
    for (let i = 0; i < ra.length; i++) {
      const x = ra[i]!;
      const y = rb[i]!;
      if (x.statusCode !== y.statusCode || x.selectionPattern !== y.selectionPattern) return false;
      if (!sameRecord(x.responseParameters, y.responseParameters)) return false;
    }
  }
  const ma = deployed.methodResponses;
  const mb = draft.methodResponses;
  if (ma.length !== mb.length) return false;
  for (let i = 0; i < ma.length; i++) {
    const x = ma[i]!;
    const y = mb[i]!;
    // Only which headers are declared is compared, not whether they are required.
    if (x.statusCode !== y.statusCode || !sameKeys(x.responseParameters, y.responseParameters)) return false;
  }
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRecord<T>(a: Readonly<Record<string, T>>, b: Readonly<Record<string, T>>): boolean {
  if (a === b) return true;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.hasOwn(b, key) || a[key] !== b[key]) return false;
    count++;
  }
  return count === ownKeyCount(b);
}

function sameKeys(a: object, b: object): boolean {
  if (a === b) return true;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.hasOwn(b, key)) return false;
    count++;
  }
  return count === ownKeyCount(b);
}

function ownKeyCount(record: object): number {
  let count = 0;
  for (const key in record) if (Object.hasOwn(record, key)) count++;
  return count;
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
