import { describe, expect, it } from "vitest";
import { describeIntent } from "./describe-intent";

describe("describeIntent", () => {
  it("names the method and the change", () => {
    expect(
      describeIntent({
        kind: "set-method-authorization",
        resourceId: "r1",
        path: "/products",
        httpMethod: "OPTIONS",
        from: "CUSTOM",
        to: "NONE",
      }),
    ).toBe("Set the authorization of OPTIONS /products from CUSTOM to NONE.");
  });
  it("spells out CORS headers", () => {
    const text = describeIntent({
      kind: "add-cors-preflight",
      resourceId: "r1",
      path: "/cart",
      allowOrigin: "*",
      allowMethods: ["PUT", "DELETE", "OPTIONS"],
      allowHeaders: ["Content-Type", "Authorization"],
      maxAgeSeconds: 600,
    });
    expect(text).toContain("OPTIONS method to /cart");
    expect(text).toContain("Access-Control-Allow-Methods: PUT,DELETE,OPTIONS");
    expect(text).toContain("Access-Control-Max-Age: 600");
  });
  it("addresses the stage-wide entry in words", () => {
    expect(
      describeIntent({
        kind: "set-stage-method-setting",
        stage: "prod",
        path: "*",
        httpMethod: "*",
        setting: "caching/requireAuthorizationForCacheControl",
        value: true,
      }),
    ).toBe("On stage prod, set caching/requireAuthorizationForCacheControl for all methods (*/*) to true.");
  });
});
