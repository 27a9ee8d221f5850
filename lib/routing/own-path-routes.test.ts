import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MEASUREMENTS } from "./measurements";
import { forEachOwnPath, matchTemplate, templateKeys, type RouteMatch } from "./own-path-routes";
import { buildRouteTree, resolveRoute, splitPath, templateSegments, type RoutableResource, type RouteTree } from "./resolve-route";

/**
 * resolveRoute is the reference (resolve-route.ts, with the measured AWS behaviour): the bulk walk and the search
 * without path parameters must give exactly its resource and verb, on generated trees with literal, `{param}` and
 * `{proxy+}` parts, ANY methods, duplicated paths, empty parts and parts that only look like variables.
 */
const VERBS = ["GET", "POST", "PATCH", "OPTIONS", "ANY", "DELETE"] as const;
const PARTS = ["a", "b", "me", "x y", "{id}", "{userId}", "{proxy+}", "{p+}", "{+}", "{}", "{", "}", "{a}b", "{{x}}", "%7Bid%7D"];

const pathArbitrary = fc
  .tuple(fc.array(fc.constantFrom(...PARTS), { maxLength: 4 }), fc.constantFrom("", "/"), fc.boolean())
  .map(([parts, trailing, doubled]) => `/${parts.join(doubled ? "//" : "/")}${parts.length > 0 ? trailing : ""}`);

const resourcesArbitrary: fc.Arbitrary<RoutableResource[]> = fc.array(fc.record({ path: pathArbitrary, verbs: fc.subarray([...VERBS]) }), {
  maxLength: 14,
});

/** What resolveRoute answers for a resource template: the resource and the declared verb, or null. */
function reference<R extends RoutableResource>(tree: RouteTree<R>, path: string, verb: string): RouteMatch<R> | null {
  const resolved = resolveRoute(tree, templateSegments(path), verb);
  return resolved.kind === "matched" ? { resource: resolved.resource, verb: resolved.verb } : null;
}

const GREEDY_PART = /^\{[^{}]+\+\}$/;

/**
 * The resources the tree holds, found without the tree: per path (as split), the last resource listed, where all
 * `{proxy+}` children of one parent are one place whatever their names; none below a `{proxy+}` part that is not the
 * last (API Gateway never creates those, and buildRouteTree drops them).
 */
function heldResources(resources: readonly RoutableResource[]): Set<RoutableResource> {
  const last = new Map<string, RoutableResource>();
  for (const resource of resources) {
    const parts = splitPath(resource.path);
    if (parts.slice(0, -1).some((part) => GREEDY_PART.test(part))) continue;
    const greedy = parts.length > 0 && GREEDY_PART.test(parts.at(-1) as string);
    last.set(JSON.stringify(greedy ? { greedyBelow: parts.slice(0, -1) } : parts), resource);
  }
  return new Set(last.values());
}

describe("splitPath", () => {
  it("gives the non-empty parts of split('/')", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("/", "a", "b", "{", "}", "+", " ") }), (path) => {
        expect(splitPath(path)).toEqual(path.split("/").filter((part) => part.length > 0));
      }),
    );
  });
});

describe("own-path routes answer as resolveRoute does", () => {
  it("templateKeys classifies parts as templateSegments does", () => {
    fc.assert(
      fc.property(pathArbitrary, (path) => {
        expect(templateKeys(path)).toEqual(templateSegments(path).map((s) => (s.kind === "literal" ? s.value : null)));
      }),
    );
  });

  it("forEachOwnPath answers every resource the tree holds once, with resolveRoute's answer for its own path", () => {
    fc.assert(
      fc.property(resourcesArbitrary, fc.constantFrom(...VERBS, "options"), (resources, verb) => {
        const tree = buildRouteTree(resources);
        const answered = new Map<RoutableResource, RouteMatch<RoutableResource> | null>();
        forEachOwnPath(tree, verb, (resource, match) => {
          expect(answered.has(resource)).toBe(false);
          answered.set(resource, match ?? null);
        });
        expect(new Set(answered.keys())).toEqual(heldResources(resources));
        for (const [resource, match] of answered) expect(match).toEqual(reference(tree, resource.path, verb));
      }),
      { numRuns: 500 },
    );
  });

  it("matchTemplate answers any template path as resolveRoute does", () => {
    fc.assert(
      fc.property(resourcesArbitrary, fc.array(pathArbitrary, { maxLength: 6 }), fc.constantFrom(...VERBS), (resources, asked, verb) => {
        const tree = buildRouteTree(resources);
        for (const path of [...resources.map((r) => r.path), ...asked])
          expect(matchTemplate(tree, templateKeys(path), verb) ?? null).toEqual(reference(tree, path, verb));
      }),
      { numRuns: 500 },
    );
  });

  it("reproduces the published measurements on their trees (each resource, each verb measured)", () => {
    for (const measured of MEASUREMENTS) {
      const resources = Object.entries(measured.resources).map(([path, verbs]) => ({ path, verbs }));
      const tree = buildRouteTree(resources);
      for (const verb of new Set([...measured.rows.map((row) => row.verb), ...VERBS])) {
        let visited = 0;
        forEachOwnPath(tree, verb, (resource, match) => {
          visited += 1;
          expect(match ?? null).toEqual(reference(tree, resource.path, verb));
        });
        expect(visited).toBe(resources.length);
      }
    }
  });

  it("answers a fall-through the way the floci measurement does: GET /users/me → /users/{userId}", () => {
    const tree = buildRouteTree([
      { path: "/users/{userId}", verbs: ["GET"] },
      { path: "/users/me", verbs: ["PATCH"] },
    ]);
    const answers: Record<string, string | null> = {};
    forEachOwnPath(tree, "GET", (resource, match) => (answers[resource.path] = match ? `${match.verb} ${match.resource.path}` : null));
    expect(answers).toEqual({ "/users/{userId}": "GET /users/{userId}", "/users/me": "GET /users/{userId}" });
  });
});

describe("own-path routes on a path deeper than the call stack", () => {
  it("answer a 20,000-part path without recursion (a template may hold one)", () => {
    const deep = "/a".repeat(20_000);
    const tree = buildRouteTree([
      { path: deep, verbs: ["GET"] },
      { path: `${deep}/{x}`, verbs: ["POST"] },
    ]);
    const answers: string[] = [];
    forEachOwnPath(tree, "GET", (resource, match) =>
      answers.push(`${resource.path.length} → ${match ? match.resource.path.length : "none"}`),
    );
    expect(answers.sort()).toEqual([`${deep.length} → ${deep.length}`, `${deep.length + 4} → none`]);
    expect(matchTemplate(tree, templateKeys(`${deep}/{x}`), "POST")?.resource.path).toBe(`${deep}/{x}`);
  });
});
