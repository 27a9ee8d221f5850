import { describe, expect, it } from "vitest";
import { apiModel, finding, method, resource, tokenAuthorizer } from "@/components/testing/audit-fixture";
import { authLabel, corsHeaderName, unquote } from "./cell-labels";
import { cellDescription, cellState } from "./matrix-cell";
import { buildMatrix } from "./matrix-model";

describe("authLabel", () => {
  it("names the authorizer and its cache TTL", () => {
    expect(authLabel(method("/a", "GET", { authorizationType: "CUSTOM", authorizerId: "auth1" }), tokenAuthorizer)).toMatchObject({ short: "λ token-auth", ttl: "300s", kind: "lambda" });
    expect(authLabel(method("/a", "GET", { authorizationType: "CUSTOM", authorizerId: "auth1" }), { ...tokenAuthorizer, effectiveTtlSeconds: 0 }).long).toContain("result cache off");
    const cognito = { ...tokenAuthorizer, type: "COGNITO_USER_POOLS" as const, name: "pool-auth", providerArns: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Abc"] };
    expect(authLabel(method("/a", "GET", { authorizationType: "COGNITO_USER_POOLS", authorizerId: "auth1" }), cognito)).toMatchObject({ short: "Cognito pool-auth", long: "Cognito user pool authorizer pool-auth (us-east-1_Abc)" });
    expect(authLabel(method("/a", "GET", { authorizationType: "AWS_IAM" }), undefined).short).toBe("IAM");
    expect(authLabel(method("/a", "GET", { authorizationType: "CUSTOM", authorizerId: "gone" }), undefined).kind).toBe("unknown-authorizer");
  });
});

describe("cell descriptions", () => {
  const model = apiModel([resource("/"), resource("/cart", [method("/cart", "PUT", { authorizationType: "CUSTOM", authorizerId: "auth1", apiKeyRequired: true })])]);
  const matrix = buildMatrix(model, [
    finding("missing-preflight", "high", { path: "/cart" }, { fixes: [{ kind: "add-cors-preflight", resourceId: "r/cart", path: "/cart", allowOrigin: "*", allowMethods: ["PUT"], allowHeaders: [] }] }),
  ]);
  it("say what a screen reader user needs: auth, key, integration, findings", () => {
    expect(cellDescription(matrix.cells.get("/cart:PUT"), "/cart", "PUT")).toBe(
      "PUT /cart: Lambda TOKEN authorizer token-auth, result cache 300s, API key required, MOCK integration",
    );
    expect(cellDescription(matrix.cells.get("/cart:OPTIONS"), "/cart", "OPTIONS")).toBe("OPTIONS /cart: no method, missing method needed, 1 finding, worst high");
    expect(cellDescription(undefined, "/", "GET")).toBe("GET /: no method");
  });
  it("classify cells", () => {
    expect(cellState(matrix.cells.get("/cart:PUT"))).toBe("method");
    expect(cellState(matrix.cells.get("/cart:OPTIONS"))).toBe("missing");
    expect(cellState(undefined)).toBe("empty");
  });
});

describe("CORS header helpers", () => {
  it("recognise CORS headers and unquote mapping literals", () => {
    expect(corsHeaderName("method.response.header.Access-Control-Allow-Origin")).toBe("Access-Control-Allow-Origin");
    expect(corsHeaderName("method.response.header.X-Request-Id")).toBeUndefined();
    expect(unquote("'*'")).toBe("*");
    expect(unquote("integration.response.header.Origin")).toBe("integration.response.header.Origin");
  });
});

describe("preflights served by another resource", () => {
  const model = apiModel([
    resource("/"),
    resource("/{proxy+}", [method("/{proxy+}", "ANY", { authorizationType: "CUSTOM", authorizerId: "auth1" })]),
    resource("/orders", [method("/orders", "POST")]),
    resource("/cart", [method("/cart", "PUT"), method("/cart", "OPTIONS")]),
  ]);
  const fallthrough = finding("any-method-answers-preflight", "high", { path: "/orders", httpMethod: "OPTIONS" });
  const matrix = buildMatrix(model, [fallthrough]);

  it("mark the OPTIONS cell 'served by' the resource that answers, keeping its findings", () => {
    const cell = matrix.cells.get("/orders:OPTIONS");
    expect(cellState(cell)).toBe("served");
    expect(cell?.servedBy).toMatchObject({ path: "/{proxy+}", verb: "ANY", key: "/{proxy+}:ANY" });
    expect(cell?.missingNeeded).toBe(false);
    expect(cell?.findings).toEqual([fallthrough]);
    expect(cellDescription(cell, "/orders", "OPTIONS")).toBe(
      "OPTIONS /orders: no method here; served by ANY /{proxy+}, Lambda TOKEN authorizer token-auth, result cache 300s, 1 finding, worst high",
    );
  });

  it("leave a resource with its own OPTIONS alone, and the root (/{proxy+} does not serve /) empty", () => {
    expect(cellState(matrix.cells.get("/cart:OPTIONS"))).toBe("method");
    expect(matrix.cells.get("/:OPTIONS")).toBeUndefined();
  });
});
