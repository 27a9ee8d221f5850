import { describe, expect, it } from "vitest";
import { MEASUREMENTS } from "./measurements";
import { buildRouteTree, requestSegments, resolveRoute, templateSegments, type RoutableResource } from "./resolve-route";

const tree = (resources: Record<string, string[]>) => buildRouteTree(Object.entries(resources).map(([path, verbs]) => ({ path, verbs })));
const served = (resources: Record<string, string[]>, verb: string, path: string) => {
  const result = resolveRoute(tree(resources), requestSegments(path), verb);
  return result.kind === "matched" ? { path: result.resource.path, verb: result.verb, params: result.pathParameters } : null;
};

describe("resolveRoute reproduces the published measurements", () => {
  for (const measured of MEASUREMENTS) {
    describe(measured.source, () => {
      for (const row of measured.rows) {
        it(`${row.verb} ${row.path} → ${row.servedBy ?? "403 Missing Authentication Token"}`, () => {
          const result = served(measured.resources, row.verb, row.path);
          expect(result?.path ?? null).toBe(row.servedBy);
          if (row.pathParameters) expect(result?.params).toEqual(row.pathParameters);
        });
      }
    });
  }
});

describe("resolveRoute precedence", () => {
  const api = {
    "/": ["GET"],
    "/pets": ["GET", "ANY"],
    "/pets/{petId}": ["GET"],
    "/pets/mine": ["GET"],
    "/pets/{petId}/toys": ["GET"],
    "/a/{proxy+}": ["GET"],
    "/{proxy+}": ["ANY"],
  };

  it("prefers an explicit method over ANY on the same resource", () => {
    expect(served(api, "GET", "/pets")).toMatchObject({ path: "/pets", verb: "GET" });
    expect(served(api, "OPTIONS", "/pets")).toMatchObject({ path: "/pets", verb: "ANY" });
  });

  it("prefers a literal over a parameter and decodes parameter values", () => {
    expect(served(api, "GET", "/pets/mine")).toMatchObject({ path: "/pets/mine" });
    expect(served(api, "GET", "/pets/a%20b/toys")).toEqual({ path: "/pets/{petId}/toys", verb: "GET", params: { petId: "a b" } });
  });

  it("tries the deeper greedy ancestor first, then backtracks to the shallower one", () => {
    expect(served(api, "GET", "/a/b/c")).toEqual({ path: "/a/{proxy+}", verb: "GET", params: { proxy: "b/c" } });
    expect(served(api, "POST", "/a/b/c")).toEqual({ path: "/{proxy+}", verb: "ANY", params: { proxy: "a/b/c" } });
  });

  it("does not let {proxy+} serve its parent path", () => {
    expect(served({ "/{proxy+}": ["ANY"] }, "GET", "/")).toBeNull();
    expect(served({ "/a/{proxy+}": ["ANY"] }, "GET", "/a")).toBeNull();
    expect(served(api, "POST", "/")).toBeNull();
  });

  it("answers no route when nothing in the tree has the verb", () => {
    expect(served({ "/pets": ["GET"] }, "DELETE", "/pets")).toBeNull();
    expect(served({ "/pets": ["GET"] }, "GET", "/nowhere")).toBeNull();
  });

  it("ignores resources below a greedy segment, which API Gateway never creates", () => {
    expect(served({ "/{proxy+}/x": ["GET"] }, "GET", "/a/x")).toBeNull();
  });
});

describe("templateSegments routes a resource template as its generic request", () => {
  const resources: RoutableResource[] = [
    { path: "/{proxy+}", verbs: ["ANY"] },
    { path: "/orders", verbs: ["GET"] },
    { path: "/orders/{id}", verbs: ["OPTIONS", "GET"] },
    { path: "/orders/special", verbs: ["GET"] },
  ];
  const routeTree = buildRouteTree(resources);
  const answer = (path: string, verb: string) => {
    const result = resolveRoute(routeTree, templateSegments(path), verb);
    return result.kind === "matched" ? `${result.verb} ${result.resource.path}` : null;
  };

  it("sends a template's {param} only to parameter or greedy children", () => {
    expect(answer("/orders/{id}", "OPTIONS")).toBe("OPTIONS /orders/{id}");
    expect(answer("/orders", "OPTIONS")).toBe("ANY /{proxy+}");
    // /orders/special has no OPTIONS: its literal value falls through to the {id} sibling.
    expect(answer("/orders/special", "OPTIONS")).toBe("OPTIONS /orders/{id}");
    expect(answer("/{proxy+}", "OPTIONS")).toBe("ANY /{proxy+}");
  });
});
