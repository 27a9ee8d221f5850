import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDrift } from "@/lib/model/drift";
import { comparePaths, compareVerbs } from "@/lib/model/reshape-resources";
import type { DeploymentModel, DriftItem, HttpVerb, IntegrationModel, MethodModel, ResourceModel } from "@/lib/model/types";

/**
 * computeDrift answers exactly as the plain comparison it replaced (issue 16): that comparison is kept here as the
 * reference, and random draft/deployed pairs (equal, slightly changed, reordered, duplicated paths, methods off their
 * resource's path) must give the same list, in the same order. Seeded and bounded: the machine is shared.
 */
function referenceDrift(deployment: DeploymentModel, resources: ResourceModel[]): DriftItem[] {
  const items: DriftItem[] = [];
  const current = new Map<string, MethodModel>();
  for (const resource of resources) for (const method of resource.methods) current.set(`${method.path} ${method.httpMethod}`, method);
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
      if (now.authorizationType !== summary.authorizationType)
        items.push({ kind: "authorizationType", path, httpMethod, deployed: summary.authorizationType, current: now.authorizationType });
      if (now.apiKeyRequired !== summary.apiKeyRequired)
        items.push({ kind: "apiKeyRequired", path, httpMethod, deployed: summary.apiKeyRequired, current: now.apiKeyRequired });
      const then = served.get(key);
      if (then) {
        for (const [setting, deployed, draft] of referencePairs(then, now))
          if (deployed !== draft) items.push({ kind: "setting", path, httpMethod, setting, deployed, current: draft });
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

function referencePairs(deployed: MethodModel, draft: MethodModel): Array<[string, string, string]> {
  const pairs: Array<[string, string, string]> = [];
  const add = (setting: string, a: string | undefined, b: string | undefined) => pairs.push([setting, a ?? "(none)", b ?? "(none)"]);
  const list = (values: string[]) => (values.length > 0 ? [...values].sort().join(", ") : undefined);
  const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? "required" : "optional");
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
  const header = (p: string) => (p.startsWith("method.response.header.") ? `header ${p.slice("method.response.header.".length)}` : p);
  if (deployed.authorizationType === draft.authorizationType) add("authorizer", deployed.authorizerId, draft.authorizerId);
  add("authorization scopes", list(deployed.authorizationScopes), list(draft.authorizationScopes));
  for (const name of union(Object.keys(deployed.requestParameters), Object.keys(draft.requestParameters)))
    add(`request parameter ${name}`, flag(deployed.requestParameters[name]), flag(draft.requestParameters[name]));
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
    for (const name of union(Object.keys(ra.responseParameters), Object.keys(rb.responseParameters)))
      add(`integration response ${code} ${header(name)}`, ra.responseParameters[name], rb.responseParameters[name]);
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
    for (const name of union(Object.keys(ma.responseParameters), Object.keys(mb.responseParameters)))
      add(
        `method response ${code} ${header(name)}`,
        name in ma.responseParameters ? "declared" : undefined,
        name in mb.responseParameters ? "declared" : undefined,
      );
  }
  return pairs;
}

const PATHS = ["/", "/a", "/a/{id}", "/b"];
const VERBS: HttpVerb[] = ["GET", "POST", "OPTIONS", "ANY"];
const ORIGIN = "method.response.header.Access-Control-Allow-Origin";
const HEADERS = "method.response.header.Access-Control-Allow-Headers";

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const subList = (values: string[]) => fc.subarray(values);
const record = <T>(keys: string[], value: fc.Arbitrary<T>) =>
  fc.dictionary(pick(keys), value, { maxKeys: keys.length }) as fc.Arbitrary<Record<string, T>>;

const integration: fc.Arbitrary<IntegrationModel> = fc.record(
  {
    type: pick(["MOCK", "HTTP_PROXY", "AWS_PROXY"] as const),
    uri: pick(["https://a.example", "https://b.example"]),
    cacheKeyParameters: subList(["method.request.path.id", "method.request.header.x"]),
    contentHandling: pick(["CONVERT_TO_TEXT"]),
    requestTemplates: fc.constant({}),
    requestParameters: fc.constant({}),
    integrationResponses: fc.array(
      fc.record(
        {
          statusCode: pick(["200", "204", "500"]),
          selectionPattern: pick(["", "5\\d{2}"]),
          responseParameters: record([ORIGIN, HEADERS, "other"], pick(["'*'", "'https://x.example'"])),
        },
        { requiredKeys: ["statusCode", "responseParameters"] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ["type", "cacheKeyParameters", "requestTemplates", "requestParameters", "integrationResponses"] },
);

const methodFields = fc.record(
  {
    authorizationType: pick(["NONE", "CUSTOM"] as const),
    authorizerId: pick(["a1", "a2", "(none)"]),
    apiKeyRequired: fc.boolean(),
    authorizationScopes: subList(["s1", "s2"]),
    requestParameters: record(["method.request.header.x", "method.request.path.id"], fc.boolean()),
    integration,
    methodResponses: fc.array(
      fc.record({ statusCode: pick(["200", "500"]), responseParameters: record([ORIGIN, HEADERS, "toString"], fc.boolean()) }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ["authorizationType", "apiKeyRequired", "authorizationScopes", "requestParameters", "methodResponses"] },
);

type Fields = typeof methodFields extends fc.Arbitrary<infer T> ? T : never;

/** A resource list: each entry a path and its methods; a method may sit off its resource's path (a hand-built model). */
const resourceList = fc.array(
  fc.record({
    path: pick(PATHS),
    methods: fc.array(
      fc.record({
        verb: pick(VERBS),
        fields: methodFields,
        offPath: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      }),
      { maxLength: 3 },
    ),
  }),
  { maxLength: 4 },
);

function build(
  list: Array<{ path: string; methods: Array<{ verb: HttpVerb; fields: Fields; offPath: boolean }> }>,
  sorted: boolean,
): ResourceModel[] {
  const resources = list.map(({ path, methods }, index) => {
    const built: MethodModel[] = methods.map(({ verb, fields, offPath }) => ({
      resourceId: `r${index}`,
      path: offPath ? "/elsewhere" : path,
      httpMethod: verb,
      requestModels: {},
      ...fields,
    }));
    if (sorted) built.sort((a, b) => compareVerbs(a.httpMethod, b.httpMethod));
    return { id: `r${index}`, path, pathPart: path.slice(1), methods: built };
  });
  return sorted ? resources.sort((a, b) => comparePaths(a.path, b.path)) : resources;
}

const summaries = record(
  PATHS,
  fc.dictionary(pick(VERBS), fc.record({ authorizationType: pick(["NONE", "CUSTOM"] as const), apiKeyRequired: fc.boolean() }), {
    maxKeys: 3,
  }),
) as fc.Arbitrary<DeploymentModel["apiSummary"]>;

/** One small change to one method of a copy: the case a conservative shortcut could miss. */
const TWEAKS: Array<(m: MethodModel) => void> = [
  (m) => m.integration?.cacheKeyParameters.reverse(),
  (m) => m.integration && (m.integration.cacheKeyParameters = [...m.integration.cacheKeyParameters, "method.request.querystring.q"]),
  (m) => (m.authorizerId = m.authorizerId === undefined ? "(none)" : undefined),
  (m) => m.authorizationScopes.reverse(),
  (m) => (m.authorizationScopes = [...m.authorizationScopes, "s3"]),
  (m) => (m.requestParameters = { ...m.requestParameters, "method.request.header.x": !m.requestParameters["method.request.header.x"] }),
  (m) => m.integration && (m.integration.uri = m.integration.uri === undefined ? "https://c.example" : undefined),
  (m) => m.integration && (m.integration.contentHandling = m.integration.contentHandling ? undefined : "CONVERT_TO_BINARY"),
  (m) => m.integration && (m.integration.type = m.integration.type === "MOCK" ? "HTTP" : "MOCK"),
  (m) => delete m.integration,
  (m) => m.integration?.integrationResponses.reverse(),
  (m) => m.integration?.integrationResponses.forEach((r) => (r.selectionPattern = r.selectionPattern === undefined ? "" : undefined)),
  (m) => m.integration?.integrationResponses.forEach((r) => (r.responseParameters = { ...r.responseParameters, [ORIGIN]: "'*'" })),
  (m) => m.integration?.integrationResponses.forEach((r) => (r.statusCode = r.statusCode === "200" ? "201" : "200")),
  (m) => m.methodResponses.forEach((r) => (r.responseParameters = { ...r.responseParameters, [HEADERS]: !r.responseParameters[HEADERS] })),
  (m) => m.methodResponses.forEach((r) => delete r.responseParameters[ORIGIN]),
  (m) => m.methodResponses.reverse(),
  (m) => (m.methodResponses = [...m.methodResponses, { statusCode: "403", responseParameters: {} }]),
];

describe("computeDrift", () => {
  it("lists each single change to a copy of the draft as the plain comparison did", () => {
    fc.assert(
      fc.property(resourceList, fc.boolean(), fc.nat(), fc.nat(), summaries, (draftList, sorted, which, tweak, apiSummary) => {
        const draft = build(draftList, sorted);
        const served = structuredClone(draft);
        const methods = served.flatMap((r) => r.methods);
        if (methods.length > 0) TWEAKS[tweak % TWEAKS.length]!(methods[which % methods.length]!);
        // Every draft method deployed, plus whatever the random summary adds.
        const summary: DeploymentModel["apiSummary"] = { ...apiSummary };
        for (const m of draft.flatMap((r) => r.methods))
          summary[m.path] = {
            ...summary[m.path],
            [m.httpMethod]: { authorizationType: m.authorizationType, apiKeyRequired: m.apiKeyRequired },
          };
        const deployment: DeploymentModel = {
          id: "d1",
          apiSummary: summary,
          served: { source: "export", resources: served, filledFromDraft: [] },
        };
        expect(computeDrift(deployment, draft)).toEqual(referenceDrift(deployment, draft));
      }),
      { seed: 20_261_130, numRuns: 400 },
    );
  });

  it("lists what the plain comparison listed, in the same order", () => {
    fc.assert(
      fc.property(
        resourceList,
        resourceList,
        summaries,
        fc.constantFrom("export", "apisummary", "same") as fc.Arbitrary<"export" | "apisummary" | "same">,
        fc.boolean(),
        (draftList, servedList, apiSummary, source, sorted) => {
          const draft = build(draftList, sorted);
          // "same": the deployment serves the draft's own list (a stage's own run), or a copy of it with its own objects.
          const servedResources = source === "same" ? draft : build(servedList, sorted);
          const deployment: DeploymentModel = {
            id: "d1",
            apiSummary,
            served: { source: source === "same" ? "export" : source, resources: servedResources, filledFromDraft: [] },
          };
          expect(computeDrift(deployment, draft)).toEqual(referenceDrift(deployment, draft));
          const copy = structuredClone(draft);
          expect(computeDrift({ ...deployment, served: { ...deployment.served!, resources: copy } }, draft)).toEqual(
            referenceDrift({ ...deployment, served: { ...deployment.served!, resources: copy } }, draft),
          );
        },
      ),
      { seed: 20_261_130, numRuns: 400 },
    );
  });

  it("finds no setting drift between a deployment and an equal copy of the draft, and each difference otherwise", () => {
    const method: MethodModel = {
      resourceId: "r1",
      path: "/a",
      httpMethod: "OPTIONS",
      authorizationType: "NONE",
      apiKeyRequired: false,
      authorizationScopes: [],
      requestParameters: {},
      requestModels: {},
      integration: {
        type: "MOCK",
        cacheKeyParameters: [],
        requestTemplates: {},
        requestParameters: {},
        integrationResponses: [{ statusCode: "200", responseParameters: { [ORIGIN]: "'*'" } }],
      },
      methodResponses: [{ statusCode: "200", responseParameters: { [ORIGIN]: false } }],
    };
    const draft: ResourceModel[] = [{ id: "r1", path: "/a", pathPart: "a", methods: [method] }];
    const deployment = (served: MethodModel): DeploymentModel => ({
      id: "d1",
      apiSummary: { "/a": { OPTIONS: { authorizationType: "NONE", apiKeyRequired: false } } },
      served: { source: "export", resources: [{ ...draft[0]!, methods: [served] }], filledFromDraft: [] },
    });
    expect(computeDrift(deployment(structuredClone(method)), draft)).toEqual([]);
    const changed = structuredClone(method);
    changed.integration!.integrationResponses[0]!.responseParameters[ORIGIN] = "'https://old.example'";
    expect(computeDrift(deployment(changed), draft)).toEqual([
      {
        kind: "setting",
        path: "/a",
        httpMethod: "OPTIONS",
        setting: "integration response 200 header Access-Control-Allow-Origin",
        deployed: "'https://old.example'",
        current: "'*'",
      },
    ]);
  });

  it("answers as the lookups do when the deployment's list holds a path twice after the summary's last path", () => {
    // The walk over normalized lists must see the whole list to know it is one: the lookups take the last resource of a
    // duplicated path, so its settings are the deployed ones.
    const method = (uri: string, path = "/a"): MethodModel => ({
      resourceId: "r1",
      path,
      httpMethod: "GET",
      authorizationType: "NONE",
      apiKeyRequired: false,
      authorizationScopes: [],
      requestParameters: {},
      requestModels: {},
      integration: {
        type: "HTTP_PROXY",
        uri,
        cacheKeyParameters: [],
        requestTemplates: {},
        requestParameters: {},
        integrationResponses: [],
      },
      methodResponses: [],
    });
    const draft: ResourceModel[] = [{ id: "r1", path: "/a", pathPart: "a", methods: [method("https://new.example")] }];
    const deployment: DeploymentModel = {
      id: "d1",
      apiSummary: { "/a": { GET: { authorizationType: "NONE", apiKeyRequired: false } } },
      served: {
        source: "export",
        resources: [
          { id: "r1", path: "/a", pathPart: "a", methods: [method("https://new.example")] },
          { id: "r1", path: "/a", pathPart: "a", methods: [method("https://old.example")] },
        ],
        filledFromDraft: [],
      },
    };
    const drift = computeDrift(deployment, draft);
    expect(drift).toEqual(referenceDrift(deployment, draft));
    expect(drift.map((item) => item.kind === "setting" && item.setting)).toEqual(["integration URI"]);
  });
});
