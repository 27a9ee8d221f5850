import { describe, expect, it } from "vitest";
import { normalizeApi } from "@/lib/model/normalize";
import { api } from "@/lib/rules/testing/model-builder";

describe("model builder", () => {
  it("builds through the real normaliser", () => {
    const builder = api()
      .resource("/orders/{id}", (r) => r.method("GET", (m) => m.authorizer("jwt")).cors())
      .authorizer("jwt", { type: "TOKEN" })
      .stage("prod", (s) =>
        s
          .cacheCluster()
          .settings({ cachingEnabled: true })
          .deployed((d) => d.method("/orders/{id}", "GET", { authorizationType: "NONE" })),
      );
    const model = builder.build();
    expect(model).toEqual(normalizeApi(builder.snapshot()).model);
    // Parents filled in, as GetResources lists them.
    expect(model.resources.map((r) => r.path)).toEqual(["/", "/orders", "/orders/{id}"]);
    const stage = model.stages[0]!;
    // Drift and effective settings are lib/model's: the GET was deployed without its authorizer, and
    // stage-wide caching covers GET only.
    expect(stage.drift).toEqual([
      { kind: "authorizationType", path: "/orders/{id}", httpMethod: "GET", deployed: "NONE", current: "CUSTOM" },
    ]);
    expect(stage.effectiveSettings.map((s) => [s.httpMethod, s.cachingEnabled])).toEqual([
      ["GET", true],
      ["OPTIONS", false],
    ]);
    expect(model.authorizers[0]).toMatchObject({
      effectiveTtlSeconds: 300,
      lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:jwt",
    });
  });

  it("leaves a part listed as missing unread, like the reader", () => {
    const model = api()
      .resource("/a", (r) => r.method("GET"))
      .missing("gatewayResponses", "GetGatewayResponses")
      .build();
    expect(model.gatewayResponses).toEqual([]);
    expect(model.missing).toEqual([{ part: "gatewayResponses", operation: "GetGatewayResponses", reason: "AccessDenied" }]);
  });
});
