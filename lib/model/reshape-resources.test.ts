import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reshapeResource, reshapeResources, resourceDonor } from "@/lib/model/reshape-resources";
import type { RawMethod, RawResource } from "@/lib/model/raw-snapshot";
import type { ResourceModel } from "@/lib/model/types";
import {
  reshapeResources as referenceReshapeResources,
  resourceDonor as referenceResourceDonor,
} from "@/lib/model/testing/reference/reshape-resources";

/**
 * A deployment's exported resources reuse the draft's normalized resources and methods where the raw values describe
 * them exactly (issue 16). Whatever the copy changed, reordered or broke, the result must be what reshaping it alone
 * gives: the same JSON (key order included) and the same warnings. Seeded and bounded: the machine is shared.
 */
const ORIGIN = "method.response.header.Access-Control-Allow-Origin";
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const rawMethod: fc.Arbitrary<RawMethod> = fc.record(
  {
    authorizationType: pick(["NONE", "CUSTOM", "MAGIC"]),
    authorizerId: pick(["a1", "a2"]),
    apiKeyRequired: fc.boolean(),
    authorizationScopes: fc.subarray(["s1", "s2"]),
    requestParameters: fc.dictionary(pick(["method.request.header.x", "method.request.path.id"]), fc.boolean(), { maxKeys: 2 }),
    requestValidatorId: pick(["", "v1"]),
    methodIntegration: fc.record(
      {
        type: pick(["MOCK", "HTTP_PROXY", "SOAP"]),
        uri: pick(["https://a.example"]),
        cacheNamespace: pick(["r1", "r2"]),
        cacheKeyParameters: fc.subarray(["method.request.path.id", "method.request.header.x"]),
        requestTemplates: fc.dictionary(pick(["application/json", "text/plain"]), pick(['{"statusCode": 200}', ""]), { maxKeys: 2 }),
        integrationResponses: fc.dictionary(
          pick(["200", "500", "default"]),
          fc.record(
            {
              statusCode: pick(["200", "500", "204"]),
              selectionPattern: pick(["", "5\\d{2}"]),
              responseParameters: fc.dictionary(pick([ORIGIN, "method.response.header.X"]), pick(["'*'", "'https://x.example'"]), {
                maxKeys: 2,
              }),
              responseTemplates: fc.dictionary(pick(["application/json"]), pick(["", "{}"]), { maxKeys: 1 }),
            },
            { requiredKeys: [] },
          ),
          { maxKeys: 2 },
        ),
      },
      { requiredKeys: [] },
    ),
    methodResponses: fc.dictionary(
      pick(["200", "500"]),
      fc.record({
        statusCode: maybe(pick(["200", "500"])),
        responseParameters: maybe(fc.dictionary(pick([ORIGIN, "X"]), fc.boolean(), { maxKeys: 2 })),
      }),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: [] },
);

const rawResources: fc.Arbitrary<RawResource[]> = fc.array(
  fc.record(
    {
      id: pick(["r1", "r2", "r3"]),
      parentId: pick(["r0"]),
      path: pick(["/", "/a", "/a/{id}", "/b"]),
      resourceMethods: fc.dictionary(pick(["GET", "POST", "OPTIONS", "FETCH"]), rawMethod, { maxKeys: 3 }),
    },
    { requiredKeys: ["id", "path"] },
  ),
  { maxLength: 4 },
);

/** The same data with every object's keys in reverse order (as an export orders them differently). */
function reordered<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reordered) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  ) as T;
}

const TWEAKS: Array<(m: RawMethod) => void> = [
  (m) => (m.authorizationType = m.authorizationType === "NONE" ? undefined : "NONE"),
  (m) => (m.apiKeyRequired = !m.apiKeyRequired),
  (m) => (m.authorizationScopes = m.authorizationScopes ? [...m.authorizationScopes].reverse() : ["s1"]),
  (m) => (m.requestParameters = { ...m.requestParameters, "method.request.header.x": true }),
  (m) => (m.requestValidatorId = m.requestValidatorId ? "" : "v2"),
  (m) => delete m.methodIntegration,
  (m) => m.methodIntegration && (m.methodIntegration.uri = undefined),
  (m) => m.methodIntegration && (m.methodIntegration.cacheKeyParameters = ["other"]),
  (m) => m.methodIntegration && (m.methodIntegration.requestTemplates = { "application/json": "changed" }),
  (m) => m.methodIntegration && (m.methodIntegration.integrationResponses = { "200": { statusCode: "200" }, x: { statusCode: "200" } }),
  (m) => {
    for (const r of Object.values(m.methodIntegration?.integrationResponses ?? {})) r.responseTemplates = {};
  },
  (m) => {
    for (const r of Object.values(m.methodIntegration?.integrationResponses ?? {})) r.selectionPattern = undefined;
  },
  (m) => {
    for (const r of Object.values(m.methodResponses ?? {})) r.statusCode = undefined;
  },
  (m) => (m.methodResponses = { ...m.methodResponses, "403": { statusCode: "403", responseParameters: { [ORIGIN]: false } } }),
];

function reshaped(raw: RawResource[], donor?: ReturnType<typeof resourceDonor>) {
  const warnings: string[] = [];
  const resources = reshapeResources(raw, (m) => warnings.push(m), donor);
  return { resources, warnings };
}

describe("reshapeResources with a donor", () => {
  it("gives what reshaping alone gives, whatever the copy changed or reordered", () => {
    fc.assert(
      fc.property(rawResources, fc.nat(), fc.nat(), fc.boolean(), (draft, which, tweak, reorder) => {
        const donor = resourceDonor(reshapeResources(draft));
        const copy = reorder ? reordered(structuredClone(draft)) : structuredClone(draft);
        const methods = copy.flatMap((r) => Object.values(r.resourceMethods ?? {}));
        if (methods.length > 0 && tweak % 3 !== 0) TWEAKS[tweak % TWEAKS.length]!(methods[which % methods.length]!);
        const alone = reshaped(copy);
        const reusing = reshaped(copy, donor);
        expect(JSON.stringify(reusing)).toBe(JSON.stringify(alone));
        expect(reusing).toEqual(alone);
      }),
      { seed: 20_261_130, numRuns: 500 },
    );
  });

  it("reuses the draft's own objects for an equal copy, and the whole list when every resource is reused", () => {
    const draft: RawResource[] = [
      { id: "r1", path: "/" },
      {
        id: "r2",
        parentId: "r1",
        path: "/a",
        resourceMethods: {
          GET: { authorizationType: "NONE", methodIntegration: { type: "MOCK", integrationResponses: { "200": { statusCode: "200" } } } },
          OPTIONS: { methodResponses: { "200": { statusCode: "200", responseParameters: { [ORIGIN]: false } } } },
        },
      },
    ];
    const list = reshapeResources(draft);
    const donor = resourceDonor(list);
    expect(reshapeResources(reordered(structuredClone(draft)), undefined, donor)).toBe(list);
    const changed = structuredClone(draft);
    changed[1]!.resourceMethods!.GET!.apiKeyRequired = true;
    const partly = reshapeResources(changed, undefined, donor);
    expect(partly).not.toBe(list);
    expect(partly[0]).toBe(list[0]);
    expect(partly[1]!.methods[1]).toBe(list[1]!.methods[1]);
    expect(partly[1]!.methods[0]).not.toBe(list[1]!.methods[0]);
    expect(partly[1]!.methods[0]!.apiKeyRequired).toBe(true);
  });

  it("does not take two responses with one status code for the draft's two", () => {
    const draft: RawResource[] = [
      {
        id: "r1",
        path: "/",
        resourceMethods: {
          GET: {
            methodIntegration: { type: "MOCK", integrationResponses: { "200": { statusCode: "200" }, "500": { statusCode: "500" } } },
          },
        },
      },
    ];
    const copy = structuredClone(draft);
    copy[0]!.resourceMethods!.GET!.methodIntegration!.integrationResponses!["500"]!.statusCode = "200";
    const reusing = reshapeResources(copy, undefined, resourceDonor(reshapeResources(draft)));
    expect(reusing).toEqual(reshapeResources(copy));
    expect(reusing[0]!.methods[0]!.integration!.integrationResponses.map((r) => r.statusCode)).toEqual(["200", "200"]);
  });
});

/**
 * Which objects a copy reuses, as positions in the donor's list ("r2" its resource 2, "r2.m1" that resource's method 1,
 * "new" a fresh object): the same for the live normaliser and for its reference copy (the reuse as it was decided
 * before the served copy's fast path), so a changed reuse decision fails here even where the JSON would not show it.
 */
function reuseOf(result: readonly ResourceModel[], donor: readonly ResourceModel[]): string[] {
  const out: string[] = [result === donor ? "whole list" : "own list"];
  for (const resource of result) {
    const at = donor.indexOf(resource);
    out.push(at === -1 ? "new" : `r${at}`);
    for (const method of resource.methods) {
      let where = "new";
      donor.forEach((d, i) => {
        const m = d.methods.indexOf(method);
        if (m !== -1) where = `r${i}.m${m}`;
      });
      out.push(`  ${method.httpMethod} ${where}`);
    }
  }
  return out;
}

function reuseBoth(draft: RawResource[], copy: RawResource[]) {
  const liveDonor = reshapeResources(draft);
  const referenceDonor = referenceReshapeResources(draft);
  const liveWarnings: string[] = [];
  const referenceWarnings: string[] = [];
  const live = reshapeResources(copy, (m) => liveWarnings.push(m), resourceDonor(liveDonor));
  const reference = referenceReshapeResources(copy, (m) => referenceWarnings.push(m), referenceResourceDonor(referenceDonor));
  return {
    live: { reuse: reuseOf(live, liveDonor), warnings: liveWarnings, json: JSON.stringify(live) },
    reference: { reuse: reuseOf(reference, referenceDonor), warnings: referenceWarnings, json: JSON.stringify(reference) },
  };
}

const GET_AND_OPTIONS: RawResource[] = [
  { id: "r0", path: "/" },
  {
    id: "r1",
    parentId: "r0",
    path: "/a",
    pathPart: "a",
    resourceMethods: {
      GET: {
        httpMethod: "GET",
        authorizationType: "CUSTOM",
        authorizerId: "a1",
        apiKeyRequired: false,
        operationName: "getA",
        requestValidatorId: "v1",
        authorizationScopes: ["s1"],
        requestParameters: { "method.request.header.x": true },
        requestModels: { "application/json": "Empty" },
        methodIntegration: {
          type: "HTTP",
          httpMethod: "POST",
          uri: "https://a.example",
          cacheNamespace: "r1",
          contentHandling: "CONVERT_TO_TEXT",
          cacheKeyParameters: ["method.request.header.x"],
          requestTemplates: { "application/json": '{"statusCode": 200}' },
          requestParameters: { "integration.request.header.x": "method.request.header.x" },
          integrationResponses: {
            "200": {
              statusCode: "200",
              selectionPattern: "",
              contentHandling: "CONVERT_TO_TEXT",
              responseParameters: { [ORIGIN]: "'*'" },
              responseTemplates: { "application/json": "" },
            },
            "500": { statusCode: "500", selectionPattern: "5\\d{2}" },
          },
        },
        methodResponses: { "200": { statusCode: "200", responseParameters: { [ORIGIN]: false } }, "500": { statusCode: "500" } },
      },
      OPTIONS: {
        httpMethod: "OPTIONS",
        authorizationType: "NONE",
        methodIntegration: { type: "MOCK", integrationResponses: { "200": { statusCode: "200" } } },
        methodResponses: { "200": { statusCode: "200" } },
      },
    },
  },
];

type Get = RawMethod & { methodIntegration: NonNullable<RawMethod["methodIntegration"]> };
// One change to what the export says of GET /a per entry, each to a field the comparison reads.
const CHANGES: Array<[string, (resource: RawResource, get: Get) => void]> = [
  ["one integration response more", (_, g) => (g.methodIntegration.integrationResponses!["404"] = { statusCode: "404" })],
  ["resource id", (r) => (r.id = "other")],
  ["parent id", (r) => (r.parentId = "other")],
  ["path part", (r) => (r.pathPart = "b")],
  ["one more verb", (r) => (r.resourceMethods!.POST = { authorizationType: "NONE" })],
  ["one verb fewer", (r) => delete r.resourceMethods!.OPTIONS],
  ["authorization type", (_, g) => (g.authorizationType = "AWS_IAM")],
  ["an unknown authorization type", (_, g) => (g.authorizationType = "MAGIC")],
  ["authorizer", (_, g) => (g.authorizerId = "a2")],
  ["API key", (_, g) => (g.apiKeyRequired = true)],
  ["operation name", (_, g) => (g.operationName = undefined)],
  ["request validator", (_, g) => (g.requestValidatorId = "")],
  ["scopes", (_, g) => (g.authorizationScopes = ["s1", "s2"])],
  ["request parameter value", (_, g) => (g.requestParameters = { "method.request.header.x": false })],
  ["request parameter gone", (_, g) => (g.requestParameters = {})],
  ["request models", (_, g) => (g.requestModels = { "application/json": "Other" })],
  ["method response status code", (_, g) => (g.methodResponses!["500"]!.statusCode = "502")],
  ["method response header", (_, g) => (g.methodResponses!["200"]!.responseParameters = { [ORIGIN]: true })],
  ["one method response more", (_, g) => (g.methodResponses!["403"] = { statusCode: "403" })],
  ["no method responses", (_, g) => delete g.methodResponses],
  ["integration type", (_, g) => (g.methodIntegration.type = "HTTP_PROXY")],
  ["an unknown integration type", (_, g) => (g.methodIntegration.type = "SOAP")],
  ["integration verb", (_, g) => (g.methodIntegration.httpMethod = "GET")],
  ["integration uri", (_, g) => (g.methodIntegration.uri = "https://b.example")],
  ["cache namespace", (_, g) => (g.methodIntegration.cacheNamespace = "r2")],
  ["integration content handling", (_, g) => (g.methodIntegration.contentHandling = "CONVERT_TO_BINARY")],
  ["cache key parameters", (_, g) => (g.methodIntegration.cacheKeyParameters = [])],
  ["request template text", (_, g) => (g.methodIntegration.requestTemplates = { "application/json": "{}" })],
  ["request template type", (_, g) => (g.methodIntegration.requestTemplates = { "text/plain": '{"statusCode": 200}' })],
  ["integration request parameters", (_, g) => (g.methodIntegration.requestParameters = { "integration.request.header.y": "x" })],
  ["no integration", (_, g) => delete (g as RawMethod).methodIntegration],
  ["selection pattern", (_, g) => (g.methodIntegration.integrationResponses!["500"]!.selectionPattern = "5..")],
  ["response content handling", (_, g) => delete g.methodIntegration.integrationResponses!["200"]!.contentHandling],
  ["response header value", (_, g) => (g.methodIntegration.integrationResponses!["200"]!.responseParameters = { [ORIGIN]: "'x'" })],
  ["response template", (_, g) => (g.methodIntegration.integrationResponses!["200"]!.responseTemplates = { "application/json": "{}" })],
  ["response status code", (_, g) => (g.methodIntegration.integrationResponses!["500"]!.statusCode = "200")],
];

// Changes the reshape does not see: the same model (a status code read from its key, empty templates, a response under
// another key with its own status code), or a warning with the same model (an unknown verb, left out).
const SAME_MODEL: Array<[string, (resource: RawResource, get: Get) => void]> = [
  ["an unknown verb beside", (r) => (r.resourceMethods!.FETCH = {})],
  ["method response status taken from its key", (_, g) => delete g.methodResponses!["500"]!.statusCode],
  ["empty response templates", (_, g) => (g.methodIntegration.integrationResponses!["500"]!.responseTemplates = {})],
  [
    "response under another key",
    (_, g) => {
      const responses = g.methodIntegration.integrationResponses!;
      responses.default = responses["500"]!;
      delete responses["500"];
    },
  ],
];

describe("reshapeResources with a donor reuses exactly what it reused before", () => {
  it("all of an equal copy, keys in any order", () => {
    const both = reuseBoth(GET_AND_OPTIONS, reordered(structuredClone(GET_AND_OPTIONS)));
    expect(both.live).toEqual(both.reference);
    expect(both.live.reuse[0]).toBe("whole list");
  });

  it.each(CHANGES)("none of GET /a when the export changes its %s", (_, change) => {
    const copy = reordered(structuredClone(GET_AND_OPTIONS));
    change(copy[1]!, copy[1]!.resourceMethods!.GET as Get);
    const both = reuseBoth(GET_AND_OPTIONS, copy);
    expect(both.live).toEqual(both.reference);
    expect(both.live.reuse[0]).toBe("own list");
    expect(both.live.reuse[1]).toBe("r0");
    expect(both.live.json).toBe(JSON.stringify(reshapeResources(copy)));
  });

  it.each(SAME_MODEL)("all of it when the export's %s gives the same model", (_, change) => {
    const copy = reordered(structuredClone(GET_AND_OPTIONS));
    change(copy[1]!, copy[1]!.resourceMethods!.GET as Get);
    const both = reuseBoth(GET_AND_OPTIONS, copy);
    expect(both.live).toEqual(both.reference);
    expect(both.live.reuse[0]).toBe("whole list");
  });

  it("for random drafts and copies, tweaked or not", () => {
    fc.assert(
      fc.property(rawResources, fc.nat(), fc.nat(), fc.boolean(), (draft, which, tweak, reorder) => {
        const copy = reorder ? reordered(structuredClone(draft)) : structuredClone(draft);
        const methods = copy.flatMap((r) => Object.values(r.resourceMethods ?? {}));
        if (methods.length > 0 && tweak % 3 !== 0) TWEAKS[tweak % TWEAKS.length]!(methods[which % methods.length]!);
        const both = reuseBoth(draft, copy);
        expect(both.live).toEqual(both.reference);
      }),
      { seed: 20_261_201, numRuns: 400 },
    );
  });
});

describe("a draft's records", () => {
  it("are the model's own copies, never the snapshot's objects (rules memoise on them per audit)", () => {
    const templates = { "application/json": "{}", "text/plain": "" };
    const parameters = { [ORIGIN]: "'*'" };
    const [resource] = reshapeResources([
      {
        id: "r",
        path: "/",
        resourceMethods: {
          GET: {
            methodIntegration: {
              type: "MOCK",
              requestTemplates: templates,
              integrationResponses: { "200": { statusCode: "200", responseParameters: parameters, responseTemplates: templates } },
            },
          },
        },
      },
    ]);
    const integration = resource!.methods[0]!.integration!;
    expect(integration.requestTemplates).toEqual(templates);
    expect(integration.requestTemplates).not.toBe(templates);
    expect(integration.integrationResponses[0]!.responseTemplates).not.toBe(templates);
    expect(integration.integrationResponses[0]!.responseParameters).not.toBe(parameters);
  });
});

describe("a record key named __proto__", () => {
  it("stays an own entry of the model's record, in sorted order or not", () => {
    const templates: Record<string, string> = {};
    Object.defineProperty(templates, "__proto__", { value: "{}", enumerable: true, writable: true, configurable: true });
    templates["application/json"] = "{ }";
    const unsorted: Record<string, string> = { "text/plain": "t" };
    Object.defineProperty(unsorted, "__proto__", { value: "p", enumerable: true, writable: true, configurable: true });
    const resource = reshapeResource({
      id: "r1",
      path: "/a",
      pathPart: "a",
      resourceMethods: {
        GET: { httpMethod: "GET", methodIntegration: { type: "MOCK", requestTemplates: templates, requestParameters: unsorted } },
      },
    });
    const integration = resource.methods[0]!.integration!;
    expect(Object.keys(integration.requestTemplates)).toEqual(["__proto__", "application/json"]);
    expect(Object.hasOwn(integration.requestTemplates, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(integration.requestTemplates)).toBe(Object.prototype);
    expect(Object.keys(integration.requestParameters)).toEqual(["__proto__", "text/plain"]);
    expect(JSON.stringify(integration.requestParameters)).toBe('{"__proto__":"p","text/plain":"t"}');
  });
});
