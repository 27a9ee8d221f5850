import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pathsOf, referenceAnsweredBy, referenceAnsweredByDeployment, routingDisagreements } from "@/lib/model/testing/answered-by-oracle";
import { answeredBy, answeredByDeployment, forEachAnswered } from "./answered-by";
import type { ApiModel, HttpVerb, MethodModel, ResourceModel } from "./types";

const method = (
  path: string,
  httpMethod: MethodModel["httpMethod"],
  authorizationType: MethodModel["authorizationType"] = "NONE",
): MethodModel => ({
  resourceId: path,
  path,
  httpMethod,
  authorizationType,
  apiKeyRequired: false,
  authorizationScopes: [],
  requestParameters: {},
  requestModels: {},
  methodResponses: [],
});
const resource = (path: string, ...methods: MethodModel["httpMethod"][]): ResourceModel => ({
  id: path,
  path,
  pathPart: path.split("/").at(-1) ?? "",
  methods: methods.map((verb) => method(path, verb)),
});

// The SAM layout: a catch-all beside specific functions, intermediates without methods, one resource with its own OPTIONS.
const model = {
  resources: [
    resource("/"),
    resource("/{proxy+}", "ANY"),
    resource("/orders"),
    resource("/orders/{id}", "GET", "PUT"),
    resource("/orders/{id}/lines", "POST", "OPTIONS"),
    resource("/users/{userId}", "GET", "OPTIONS"),
    resource("/users/me", "PATCH"),
  ],
};
const answer = (path: string, verb: MethodModel["httpMethod"]) => {
  const found = answeredBy(model, path, verb);
  return found ? `${found.method.httpMethod} ${found.resource.path}${found.elsewhere ? " (elsewhere)" : ""}` : null;
};

describe("answeredBy", () => {
  it("answers with the resource's own method when it has the verb", () => {
    expect(answer("/orders/{id}", "PUT")).toBe("PUT /orders/{id}");
    expect(answer("/orders/{id}/lines", "OPTIONS")).toBe("OPTIONS /orders/{id}/lines");
  });

  it("falls through to the greedy ancestor for a verb the resource lacks", () => {
    expect(answer("/orders/{id}", "OPTIONS")).toBe("ANY /{proxy+} (elsewhere)");
    expect(answer("/orders", "GET")).toBe("ANY /{proxy+} (elsewhere)");
    expect(answer("/{proxy+}", "OPTIONS")).toBe("ANY /{proxy+}");
  });

  it("falls through to a {param} sibling before the greedy ancestor", () => {
    expect(answer("/users/me", "OPTIONS")).toBe("OPTIONS /users/{userId} (elsewhere)");
    expect(answer("/users/me", "PATCH")).toBe("PATCH /users/me");
  });

  it("leaves the root to its own methods: /{proxy+} does not serve /", () => {
    expect(answer("/", "OPTIONS")).toBeNull();
  });

  it("resolves a stage's deployment the same way", () => {
    const deployment = {
      id: "d1",
      apiSummary: {
        "/{proxy+}": { ANY: { authorizationType: "CUSTOM" as const, apiKeyRequired: false } },
        "/orders": {},
        "/orders/{id}": { GET: { authorizationType: "NONE" as const, apiKeyRequired: false } },
      },
    };
    expect(answeredByDeployment(deployment, "/orders/{id}", "OPTIONS")).toEqual({
      path: "/{proxy+}",
      httpMethod: "ANY",
      summary: { authorizationType: "CUSTOM", apiKeyRequired: false },
      elsewhere: true,
    });
    expect(answeredByDeployment(deployment, "/", "OPTIONS")).toBeUndefined();
  });
});

describe("answeredBy and answeredByDeployment give what one resolveRoute per question gives (the reference)", () => {
  const PARTS = ["a", "b", "me", "{id}", "{userId}", "{proxy+}", "{p+}", "{+}", "{a}b"];
  const VERBS = ["GET", "POST", "OPTIONS", "ANY", "PATCH"] as const;
  const path = fc
    .tuple(fc.array(fc.constantFrom(...PARTS), { maxLength: 4 }), fc.constantFrom("", "/"))
    .map(([parts, trailing]) => `/${parts.join("/")}${parts.length > 0 ? trailing : ""}`);
  const tree = fc.array(fc.record({ path, verbs: fc.subarray([...VERBS]) }), { maxLength: 14 });
  const summary = (authorizationType: "NONE" | "CUSTOM") => ({ authorizationType, apiKeyRequired: false });

  it("on generated trees, for every path (own, intermediate, asked before or after the walk) and verb", () => {
    fc.assert(
      fc.property(tree, tree, fc.array(path, { maxLength: 4 }), (draftTree, deployedTree, askedFirst) => {
        // Fresh lists and summaries per run: the memos are keyed on them, as on a model normalised per audit.
        const resources = draftTree.map(({ path: p, verbs }, index) => ({ ...resource(p, ...verbs), id: `r${index}` }));
        const apiSummary: Record<string, Partial<Record<MethodModel["httpMethod"], ReturnType<typeof summary>>>> = {};
        for (const { path: p, verbs } of deployedTree)
          apiSummary[p] = Object.fromEntries(verbs.map((verb, index) => [verb, summary(index % 2 === 0 ? "NONE" : "CUSTOM")]));
        const model = { resources, stages: [{ name: "prod", deployment: { id: "d", apiSummary } }] } as unknown as Pick<
          ApiModel,
          "resources" | "stages"
        >;
        // Paths nobody holds, asked before the walk fills the answers for a verb.
        for (const asked of askedFirst) {
          expect(answeredBy(model, asked, "GET")).toEqual(referenceAnsweredBy(resources, asked, "GET"));
          expect(answeredByDeployment(model.stages[0]!.deployment!, asked, "GET")).toEqual(
            referenceAnsweredByDeployment(model.stages[0]!.deployment!, asked, "GET"),
          );
        }
        const answered = {
          draft: (p: string, verb: HttpVerb) => answeredBy(model, p, verb),
          deployed: answeredByDeployment,
        };
        expect(routingDisagreements(model, answered)).toEqual([]);
        // Asked again: the memoised answers are the same objects.
        for (const p of pathsOf(model)) expect(answeredBy(model, p, "OPTIONS")).toBe(answeredBy(model, p, "OPTIONS"));
      }),
      { numRuns: 200 },
    );
  });

  it("asked about the resources in list order, as rules ask (skipping some, pass after pass), and out of turn", () => {
    // Duplicated paths included: the tree holds the last resource of a path, and every question about that path is
    // answered by it, whichever resource of the list it was asked for.
    const same = (got: ReturnType<typeof answeredBy>, expected: ReturnType<typeof answeredBy>) =>
      got === undefined || expected === undefined
        ? got === expected
        : got.resource === expected.resource && got.method === expected.method && got.elsewhere === expected.elsewhere;
    fc.assert(
      fc.property(
        tree,
        fc.array(fc.array(fc.boolean(), { maxLength: 14 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(13), { maxLength: 5 }),
        (draftTree, passes, outOfTurn) => {
          const resources = draftTree.map(({ path: p, verbs }, index) => ({ ...resource(p, ...verbs), id: `r${index}` }));
          const model = { resources };
          // forEachAnswered: each resource with methods, in list order, with its answer (before and after the questions).
          const visited: ResourceModel[] = [];
          forEachAnswered(model, "OPTIONS", (r, got) => {
            visited.push(r);
            expect(same(got, referenceAnsweredBy(resources, r.path, "OPTIONS"))).toBe(true);
          });
          expect(visited).toEqual(resources.filter((r) => r.methods.length > 0));
          for (const verb of ["OPTIONS", "GET"] as const) {
            for (const skips of passes) {
              for (let index = 0; index < resources.length; index++) {
                if (skips[index]) continue;
                const asked = resources[index]!.path;
                expect(same(answeredBy(model, asked, verb), referenceAnsweredBy(resources, asked, verb))).toBe(true);
              }
              for (const index of outOfTurn) {
                const asked = resources[index % Math.max(resources.length, 1)]?.path ?? "/elsewhere";
                expect(same(answeredBy(model, asked, verb), referenceAnsweredBy(resources, asked, verb))).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers with the first method of a verb a resource lists twice, and with a resource whose verb is not a known one", () => {
    const twice = resource("/a", "GET", "OPTIONS", "GET", "OPTIONS");
    const odd = { ...resource("/b", "GET"), methods: [method("/b", "BREW" as HttpVerb), method("/b", "OPTIONS"), method("/b", "OPTIONS")] };
    const many = resource("/c/{id}", ...Array.from({ length: 17 }, () => "GET" as const), "OPTIONS");
    const resources = [resource("/"), twice, odd, resource("/c"), resource("/c/d", "GET"), many];
    const model = { resources };
    for (const [path, verb] of [
      ["/a", "GET"],
      ["/a", "OPTIONS"],
      ["/b", "OPTIONS"],
      ["/b", "GET"],
      ["/c/d", "OPTIONS"],
      ["/c/{id}", "OPTIONS"],
    ] as const) {
      const got = answeredBy(model, path, verb);
      const expected = referenceAnsweredBy(resources, path, verb);
      expect(got?.method, `${verb} ${path}`).toBe(expected?.method);
      expect(got?.resource, `${verb} ${path}`).toBe(expected?.resource);
    }
    expect(answeredBy(model, "/a", "OPTIONS")?.method).toBe(twice.methods[1]);
    expect(answeredBy(model, "/c/d", "OPTIONS")?.method).toBe(many.methods[17]);
  });

  it("the comparison fails on a wrong answer (it is not vacuous)", () => {
    const resources = [resource("/users/{userId}", "GET", "OPTIONS"), resource("/users/me", "PATCH")];
    const model = { resources, stages: [] };
    const ownOnly = (p: string, verb: HttpVerb) => {
      const own = resources.find((r) => r.path === p)?.methods.find((m) => m.httpMethod === verb);
      return own ? { resource: resources.find((r) => r.path === p)!, method: own, elsewhere: false } : undefined;
    };
    expect(routingDisagreements(model, { draft: ownOnly, deployed: answeredByDeployment })).toContain(
      "draft OPTIONS /users/me: got no route, expected OPTIONS /users/{userId} (/users/{userId}) elsewhere",
    );
  });
});
