import { describe, expect, it } from "vitest";
import { finding, matrixOf } from "@/components/testing/audit-fixture";
import { api } from "@/lib/rules/testing/model-builder";
import { authLabel, corsHeaderName, unquote } from "./cell-labels";
import { cellDescription, cellState } from "./matrix-cell";

describe("authLabel", () => {
  it("names the authorizer and its cache TTL", () => {
    const model = api()
      .authorizer("token-auth", { type: "TOKEN", id: "auth1" })
      .authorizer("uncached", { type: "TOKEN", id: "auth2", ttl: 0 })
      .authorizer("pool-auth", { type: "COGNITO_USER_POOLS", id: "auth3" })
      .resource("/a", (r) =>
        r
          .method("GET", (m) => m.authorizer("token-auth"))
          .method("PUT", (m) => m.authorizer("uncached"))
          .method("POST", (m) => m.authorizer("pool-auth")),
      )
      .resource("/b", (r) => r.method("GET", (m) => m.auth("AWS_IAM")).method("PUT", (m) => m.unlistedAuthorizer("gone")))
      .build();
    const method = (path: string, verb: string) =>
      model.resources.find((r) => r.path === path)!.methods.find((m) => m.httpMethod === verb)!;
    const authorizer = (id: string) => model.authorizers.find((a) => a.id === id);
    expect(authLabel(method("/a", "GET"), authorizer("auth1"))).toMatchObject({ short: "λ token-auth", ttl: "300s", kind: "lambda" });
    expect(authLabel(method("/a", "PUT"), authorizer("auth2")).long).toContain("result cache off");
    expect(authLabel(method("/a", "POST"), authorizer("auth3"))).toMatchObject({
      short: "Cognito pool-auth",
      long: "Cognito user pool authorizer pool-auth (us-east-1_example)",
    });
    expect(authLabel(method("/b", "GET"), undefined).short).toBe("IAM");
    expect(authLabel(method("/b", "PUT"), undefined).kind).toBe("unknown-authorizer");
  });
});

describe("cell descriptions", () => {
  const model = api()
    .authorizer("token-auth", { type: "TOKEN", id: "auth1" })
    .resource("/cart", (r) => r.id("r/cart").method("PUT", (m) => m.authorizer("token-auth").apiKey().mock()))
    .build();
  const matrix = matrixOf(model, [
    finding(
      "missing-preflight",
      "high",
      { path: "/cart" },
      {
        fixes: [
          { kind: "add-cors-preflight", resourceId: "r/cart", path: "/cart", allowOrigin: "*", allowMethods: ["PUT"], allowHeaders: [] },
        ],
      },
    ),
  ]);
  it("say what a screen reader user needs: auth, key, integration, findings", () => {
    expect(cellDescription(matrix.cells.get("/cart:PUT"), "/cart", "PUT")).toBe(
      "PUT /cart: Lambda TOKEN authorizer token-auth, result cache 300s, API key required, MOCK integration",
    );
    expect(cellDescription(matrix.cells.get("/cart:OPTIONS"), "/cart", "OPTIONS")).toBe(
      "OPTIONS /cart: no method, missing method needed, 1 finding, worst high",
    );
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
  const model = api()
    .authorizer("token-auth", { type: "TOKEN", id: "auth1" })
    .resource("/{proxy+}", (r) => r.method("ANY", (m) => m.authorizer("token-auth").mock()))
    .resource("/orders", (r) => r.method("POST", (m) => m.mock()))
    .resource("/cart", (r) => r.method("PUT", (m) => m.mock()).method("OPTIONS", (m) => m.mock()))
    .build();
  const fallthrough = finding("any-method-answers-preflight", "high", { path: "/orders", httpMethod: "OPTIONS" });
  const matrix = matrixOf(model, [fallthrough]);

  it("mark the OPTIONS cell 'served by' the resource that answers, keeping its findings", () => {
    const cell = matrix.cells.get("/orders:OPTIONS");
    expect(cellState(cell)).toBe("served");
    expect(cell?.servedBy).toMatchObject({ path: "/{proxy+}", verb: "ANY", key: "/{proxy+}:ANY" });
    expect(cell?.missingNeeded).toBe(false);
    expect(cell?.findings.map((item) => item.ruleId)).toEqual([fallthrough.ruleId]);
    expect(cellDescription(cell, "/orders", "OPTIONS")).toBe(
      "OPTIONS /orders: no method here; served by ANY /{proxy+}, Lambda TOKEN authorizer token-auth, result cache 300s, 1 finding, worst high",
    );
  });

  it("leave a resource with its own OPTIONS alone, and the root (/{proxy+} does not serve /) empty", () => {
    expect(cellState(matrix.cells.get("/cart:OPTIONS"))).toBe("method");
    expect(matrix.cells.get("/:OPTIONS")).toBeUndefined();
  });
});
