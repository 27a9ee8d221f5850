import { describe, expect, it } from "vitest";
import type { ResourceWire } from "../state";
import { method } from "./test-fixtures";
import { matchRoute } from "./route-match";

const resources: ResourceWire[] = [
  { id: "root", path: "/", resourceMethods: { GET: method("GET") } },
  { id: "pets", path: "/pets", resourceMethods: { GET: method("GET"), ANY: method("ANY") } },
  { id: "pet", path: "/pets/{petId}", resourceMethods: { GET: method("GET") } },
  { id: "mine", path: "/pets/mine", resourceMethods: { GET: method("GET") } },
  { id: "toys", path: "/pets/{petId}/toys", resourceMethods: { GET: method("GET") } },
  { id: "proxy", path: "/{proxy+}", resourceMethods: { ANY: method("ANY") } },
  { id: "noMethods", path: "/empty" },
];

const matched = (path: string, verb: string) => {
  const result = matchRoute(resources, path, verb);
  return result.kind === "matched"
    ? { id: result.resource.id, verb: result.method.httpMethod, params: result.pathParameters }
    : result.kind;
};

describe("matchRoute", () => {
  it("matches the root resource", () => {
    expect(matched("/", "GET")).toEqual({ id: "root", verb: "GET", params: {} });
  });

  it("prefers a static segment over a path parameter", () => {
    expect(matched("/pets/mine", "GET")).toMatchObject({ id: "mine" });
    expect(matched("/pets/42", "GET")).toEqual({ id: "pet", verb: "GET", params: { petId: "42" } });
  });

  it("decodes path parameters", () => {
    expect(matched("/pets/a%20b/toys", "GET")).toEqual({ id: "toys", verb: "GET", params: { petId: "a b" } });
  });

  it("prefers an explicit method over ANY", () => {
    expect(matched("/pets", "GET")).toMatchObject({ id: "pets", verb: "GET" });
    expect(matched("/pets", "OPTIONS")).toMatchObject({ id: "pets", verb: "ANY" });
  });

  it("falls back to the greedy proxy only when nothing more specific matches", () => {
    expect(matched("/orders/1/lines", "POST")).toEqual({ id: "proxy", verb: "ANY", params: { proxy: "orders/1/lines" } });
    expect(matched("/pets/1/toys/2", "GET")).toEqual({ id: "proxy", verb: "ANY", params: { proxy: "pets/1/toys/2" } });
  });

  it("falls through to the greedy proxy when the matched resource lacks the method (pair resolution)", () => {
    expect(matched("/pets/42", "DELETE")).toEqual({ id: "proxy", verb: "ANY", params: { proxy: "pets/42" } });
    expect(matched("/empty", "GET")).toEqual({ id: "proxy", verb: "ANY", params: { proxy: "empty" } });
  });

  it("reports no route when no resource in the tree has the method", () => {
    const withoutProxy = resources.filter((r) => r.id !== "proxy");
    expect(matchRoute(withoutProxy, "/pets/42", "DELETE").kind).toBe("no-route");
    expect(matchRoute(withoutProxy, "/empty", "GET").kind).toBe("no-route");
  });

  it("reports no route without a proxy fallback", () => {
    expect(
      matchRoute(
        resources.filter((r) => r.id !== "proxy"),
        "/nowhere",
        "GET",
      ).kind,
    ).toBe("no-route");
  });
});
