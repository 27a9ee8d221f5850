import { describe, expect, it } from "vitest";
import { applyBodyFault, stringifyDeep, UNKNOWN_ENUM_VALUE } from "./body-faults";
import { parseFaultSpec } from "./faults";

const page = {
  item: [
    {
      id: "r1",
      path: "/orders",
      pathPart: "orders",
      resourceMethods: { GET: { httpMethod: "GET", authorizationType: "NONE", requestParameters: { "method.request.header.x": true } } },
    },
  ],
  position: "next",
};

describe("answer faults", () => {
  it("MalformedJson is a truncated body that does not parse", () => {
    expect(() => JSON.parse(applyBodyFault("MalformedJson", page))).toThrow(SyntaxError);
  });

  it("UnexpectedEnum replaces every enum value, and nothing else", () => {
    const body = JSON.parse(applyBodyFault("UnexpectedEnum", page));
    expect(body.item[0].resourceMethods.GET.authorizationType).toBe(UNKNOWN_ENUM_VALUE);
    expect(body.item[0].path).toBe("/orders");
  });

  it("MissingFields drops identities at every level", () => {
    const body = JSON.parse(applyBodyFault("MissingFields", page));
    expect(body.item[0]).not.toHaveProperty("id");
    expect(body.item[0]).not.toHaveProperty("path");
    expect(body.item[0].resourceMethods.GET).not.toHaveProperty("httpMethod");
  });

  it("ManyItems answers `count` unique items on one page (no position)", () => {
    const body = JSON.parse(applyBodyFault("ManyItems", page, { count: 1_000 }));
    expect(body.item).toHaveLength(1_000);
    expect(new Set(body.item.map((i: { id: string }) => i.id)).size).toBe(1_000);
    expect(new Set(body.item.map((i: { path: string }) => i.path)).size).toBe(1_000);
    expect(body).not.toHaveProperty("position");
  });

  it("HugeStrings makes paths, names and descriptions `sizeBytes` longer", () => {
    const body = JSON.parse(applyBodyFault("HugeStrings", page, { sizeBytes: 4096 }));
    expect(body.item[0].path).toHaveLength("/orders".length + 4096);
  });

  it("DeepNesting puts a structure of the given depth where maps belong, and it still parses", () => {
    const text = applyBodyFault("DeepNesting", page, { depth: 10_000 });
    const body = JSON.parse(text);
    let node = body.item[0].resourceMethods.GET.requestParameters.nested;
    let depth = 0;
    while (typeof node === "object") {
      node = Array.isArray(node) ? node[0] : node.a;
      depth += 1;
    }
    expect(depth).toBe(10_000);
  });

  it("stringifyDeep writes what JSON.stringify writes", () => {
    for (const value of [page, [1, "a", null, true, { b: [] }], { a: undefined, b: 1 }, "x", 3])
      expect(stringifyDeep(value as never)).toBe(JSON.stringify(value));
  });
});

describe("fault specs", () => {
  it("accept the new kinds and their bounded options", () => {
    expect(parseFaultSpec({ operation: "GetStages", kind: "ManyItems", count: 10_000 }).ok).toBe(true);
    expect(parseFaultSpec({ operation: "*", kind: "SlowDrip", chunkBytes: 4, delayMs: 100 }).ok).toBe(true);
    expect(parseFaultSpec({ operation: "*", kind: "SlowDrip", chunkBytes: 0 }).ok).toBe(false);
    expect(parseFaultSpec({ operation: "*", kind: "HugeStrings", sizeBytes: 1e12 }).ok).toBe(false);
  });
});
