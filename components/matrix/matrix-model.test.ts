import { describe, expect, it } from "vitest";
import { finding, matrixOf } from "@/components/testing/audit-fixture";
import { api, type ApiBuilder } from "@/lib/rules/testing/model-builder";
import type { ApiModel } from "@/lib/model/types";
import { cellKey, DRAFT_VIEW, parseCellKey, visibleRows } from "./matrix-model";

// Resource ids "r<path>", as the row keys below name them.
function storefront(): ApiBuilder {
  return (
    api()
      .authorizer("token-auth", { type: "TOKEN", id: "auth1" })
      .resource("/", (r) => r.id("r/"))
      .resource("/orders", (r) =>
        r
          .id("r/orders")
          .method("GET", (m) => m.authorizer("token-auth").mock())
          .method("OPTIONS", (m) => m.mock()),
      )
      .resource("/orders/{id}", (r) => r.id("r/orders/{id}").method("DELETE", (m) => m.mock()))
      // Sorts before "/orders/{id}" as a string ("-" < "/") but is not its child.
      .resource("/orders-archive", (r) => r.id("r/orders-archive").method("GET", (m) => m.mock()))
      .resource("/cart", (r) => r.id("r/cart").method("PUT", (m) => m.mock()))
  );
}
const model = storefront().build();

describe("buildMatrix", () => {
  it("orders resources as a depth-first tree", () => {
    const matrix = matrixOf(model, []);
    expect(matrix.rows.map((row) => [row.resource.path, row.depth])).toEqual([
      ["/", 0],
      ["/cart", 1],
      ["/orders", 1],
      ["/orders/{id}", 2],
      ["/orders-archive", 1],
    ]);
    expect(matrix.rows.find((row) => row.resource.path === "/orders")?.hasChildren).toBe(true);
  });

  it("shows only verbs present, always OPTIONS, in HTTP_VERBS order", () => {
    expect(matrixOf(model, []).columns).toEqual(["GET", "PUT", "DELETE", "OPTIONS"]);
    expect(matrixOf(api().build(), []).columns).toEqual(["OPTIONS"]);
  });

  it("places method findings on their cell and picks the worst severity", () => {
    const matrix = matrixOf(model, [
      finding("a", "medium", { path: "/orders", httpMethod: "GET" }),
      finding("b", "critical", { path: "/orders", httpMethod: "GET" }),
    ]);
    const cell = matrix.cells.get("/orders:GET")!;
    expect(cell.findings.map((item) => item.ruleId)).toEqual(["a", "b"]);
    expect(cell.worst).toBe("critical");
    expect(cell.authorizer?.name).toBe("token-auth");
  });

  it("marks a needed-but-missing OPTIONS cell", () => {
    const matrix = matrixOf(model, [
      finding(
        "missing-options",
        "high",
        { path: "/cart" },
        {
          fixes: [
            { kind: "add-cors-preflight", resourceId: "r/cart", path: "/cart", allowOrigin: "*", allowMethods: ["PUT"], allowHeaders: [] },
          ],
        },
      ),
    ]);
    const cell = matrix.cells.get("/cart:OPTIONS")!;
    expect(cell.method).toBeUndefined();
    expect(cell.missingNeeded).toBe(true);
    expect(cell.worst).toBe("high");
  });

  it("keeps resource-wide, authorizer and gateway-response findings off the cells", () => {
    const matrix = matrixOf(model, [
      finding("row", "low", { path: "/orders" }),
      finding("auth", "high", { authorizerId: "auth1" }),
      finding("gw", "medium", { responseType: "DEFAULT_4XX" }),
    ]);
    expect(matrix.rows.find((row) => row.resource.path === "/orders")?.findings.map((item) => item.ruleId)).toEqual(["row"]);
    expect(matrix.apiFindings.map((item) => item.ruleId)).toEqual(["auth", "gw"]);
    const get = matrix.cells.get("/orders:GET")!;
    expect(get.findings).toEqual([]);
    expect(get.relatedFindings.map((item) => item.ruleId)).toEqual(["auth"]);
    expect(get.worst).toBeUndefined();
  });

  it("reads cache TTL and drift from the selected stage, defaulting to the first one", () => {
    const cachedOrders = { cachingEnabled: true, cacheTtlInSeconds: 120 };
    const withStages = storefront()
      .stage("prod", (s) =>
        s
          .cacheCluster()
          .methodSetting("/orders", "GET", cachedOrders)
          // Deployed before the API key came off GET /orders and before PATCH /orders was deleted.
          .deployed((d) =>
            d.method("/orders", "GET", { authorizationType: "CUSTOM", apiKeyRequired: true }).method("/orders", "PATCH", {}),
          ),
      )
      .stage("test", (s) => s.methodSetting("/orders", "GET", cachedOrders))
      .build();
    const prod = matrixOf(withStages, []);
    expect(prod.stage?.name).toBe("prod");
    expect(prod.cells.get("/orders:GET")?.cacheTtlSeconds).toBe(120);
    expect(prod.cells.get("/orders:GET")?.draftDiffers).toHaveLength(1);
    expect(prod.cells.get("/orders:PATCH")?.deployedOnly).toBe(true);
    expect(prod.columns).toContain("PATCH");
    // test has no cache cluster: per-method caching has no effect there.
    const test = matrixOf(withStages, [], "test");
    expect(test.cells.get("/orders:GET")?.cacheTtlSeconds).toBeUndefined();
    expect(test.cells.get("/orders:GET")?.draftDiffers).toHaveLength(0);
  });
});

describe("visibleRows", () => {
  const rows = matrixOf(model, []).rows;
  it("hides descendants of collapsed resources", () => {
    const orders = rows.find((row) => row.resource.path === "/orders")!.resource.id;
    expect(visibleRows(rows, new Set([orders])).map((row) => row.resource.path)).toEqual(["/", "/cart", "/orders", "/orders-archive"]);
  });
  it("keeps matches and their ancestors for a path query", () => {
    expect(visibleRows(rows, new Set(), "{ID}").map((row) => row.resource.path)).toEqual(["/", "/orders", "/orders/{id}"]);
  });
});

describe("cell keys", () => {
  it("round-trip, splitting on the last colon", () => {
    expect(parseCellKey(cellKey("/orders/{id}", "OPTIONS"))).toEqual({ path: "/orders/{id}", verb: "OPTIONS" });
    expect(parseCellKey("/a:b:get")).toEqual({ path: "/a:b", verb: "GET" });
  });
  it("reject malformed keys", () => {
    expect(parseCellKey("orders:GET")).toBeUndefined();
    expect(parseCellKey("/orders:FETCH")).toBeUndefined();
    expect(parseCellKey("/orders")).toBeUndefined();
  });
});

describe("the stage selector (issue 13)", () => {
  // prod's deployed snapshot serves GET /orders without its authorizer; the draft has added it since.
  function withServedStage(): ApiModel {
    const base = storefront().stage("prod").build();
    const prod = base.stages[0]!;
    const served = structuredClone(base.resources);
    const getOrders = served.find((r) => r.path === "/orders")!.methods.find((m) => m.httpMethod === "GET")!;
    getOrders.authorizationType = "NONE";
    delete getOrders.authorizerId;
    return {
      ...base,
      stages: [
        {
          ...prod,
          deployment: { ...prod.deployment!, served: { source: "export", resources: served, filledFromDraft: [] } },
          drift: [{ kind: "authorizationType", path: "/orders", httpMethod: "GET", deployed: "NONE", current: "CUSTOM" }],
        },
      ],
    };
  }

  it("shows what the selected stage serves and says how the draft differs", () => {
    const matrix = matrixOf(withServedStage(), [], "prod");
    const cell = matrix.cells.get(cellKey("/orders", "GET"));
    expect(matrix.draft).toBe(false);
    expect(cell?.method?.authorizationType).toBe("NONE");
    expect(cell?.authorizer).toBeUndefined();
    expect(cell?.draftDiffers).toEqual(["draft: CUSTOM"]);
    expect(matrix.cells.get(cellKey("/orders", "OPTIONS"))?.draftDiffers).toEqual([]);
  });

  it("offers the draft as one more choice: the current configuration, no stage, nothing differs", () => {
    const matrix = matrixOf(withServedStage(), [], DRAFT_VIEW);
    const cell = matrix.cells.get(cellKey("/orders", "GET"));
    expect(matrix.draft).toBe(true);
    expect(matrix.stage).toBeUndefined();
    expect(cell?.method?.authorizationType).toBe("CUSTOM");
    expect(cell?.authorizer?.name).toBe("token-auth");
    expect(cell?.draftDiffers).toEqual([]);
  });
});
