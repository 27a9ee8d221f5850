import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reshapeResources, resourceDonor } from "@/lib/model/reshape-resources";
import type { RawMethod, RawResource } from "@/lib/model/raw-snapshot";

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
