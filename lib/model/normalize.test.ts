import { describe, expect, it } from "vitest";
import { normalizeApi } from "@/lib/model/normalize";
import { apiModelSchema } from "@/lib/model/schema";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";

const lambda =
  "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

function snapshot(): RawApiSnapshot {
  return {
    region: "us-east-1",
    restApi: { id: "abc123", name: "shop", createdDate: "2024-01-01T00:00:00.000Z", endpointTypes: ["REGIONAL"] },
    resources: [
      {
        id: "r2",
        parentId: "r1",
        path: "/orders",
        pathPart: "orders",
        resourceMethods: {
          OPTIONS: {
            httpMethod: "OPTIONS",
            authorizationType: "CUSTOM",
            authorizerId: "a1",
            apiKeyRequired: true,
            methodIntegration: {
              type: "MOCK",
              cacheKeyParameters: [],
              integrationResponses: {
                "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'*'" } },
              },
            },
            methodResponses: {
              "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": false } },
            },
          },
          GET: { httpMethod: "GET", authorizationType: "CUSTOM", authorizerId: "a1", apiKeyRequired: false, authorizationScopes: [] },
          POST: { httpMethod: "POST", authorizationType: "NONE", apiKeyRequired: false },
        },
      },
      { id: "r1", path: "/", resourceMethods: { GET: { httpMethod: "GET", authorizationType: "NONE", apiKeyRequired: false } } },
    ],
    authorizers: [{ id: "a1", name: "tok", type: "TOKEN", authorizerUri: lambda, identitySource: "method.request.header.Authorization" }],
    stages: [
      {
        stageName: "prod",
        deploymentId: "d1",
        cacheClusterEnabled: true,
        variableNames: ["secretKey", "backend"],
        methodSettings: { "*/*": { cachingEnabled: true }, "~1orders/GET": { cachingEnabled: false } },
      },
      { stageName: "dev", deploymentId: "d-missing", variableNames: [] },
    ],
    gatewayResponses: [{ responseType: "DEFAULT_4XX", defaultResponse: false, responseParameters: {} }],
    deployments: {
      d1: {
        id: "d1",
        apiSummary: {
          "/": { GET: { authorizationType: "NONE", apiKeyRequired: false } },
          "/orders": {
            GET: { authorizationType: "CUSTOM", apiKeyRequired: false },
            OPTIONS: { authorizationType: "NONE", apiKeyRequired: false },
            DELETE: { authorizationType: "NONE", apiKeyRequired: false },
          },
        },
      },
    },
    missing: [{ part: "deployments", operation: "GetDeployment", reason: "denied", detail: "dev" }],
  };
}

describe("normalizeApi", () => {
  const { model, warnings } = normalizeApi(snapshot());

  it("sorts resources root first and methods by verb order", () => {
    expect(warnings).toEqual([]);
    expect(model.resources.map((r) => r.path)).toEqual(["/", "/orders"]);
    expect(model.resources[0]?.pathPart).toBe("");
    expect(model.resources[1]?.methods.map((m) => m.httpMethod)).toEqual(["GET", "POST", "OPTIONS"]);
    const options = model.resources[1]?.methods[2];
    expect(options).toMatchObject({ authorizationType: "CUSTOM", authorizerId: "a1", apiKeyRequired: true });
    expect(options?.integration?.integrationResponses[0]?.responseParameters).toEqual({
      "method.response.header.Access-Control-Allow-Origin": "'*'",
    });
    expect(options?.methodResponses).toEqual([
      { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": false } },
    ]);
  });

  it("computes drift between the deployment and the draft", () => {
    const prod = model.stages.find((s) => s.name === "prod");
    expect(prod?.drift).toEqual([
      { kind: "method-added", path: "/orders", httpMethod: "POST" },
      { kind: "method-removed", path: "/orders", httpMethod: "DELETE" },
      { kind: "apiKeyRequired", path: "/orders", httpMethod: "OPTIONS", deployed: false, current: true },
      { kind: "authorizationType", path: "/orders", httpMethod: "OPTIONS", deployed: "NONE", current: "CUSTOM" },
    ]);
  });

  it("gives effective settings per deployed method (stage, ~1 method key, GET-only stage caching)", () => {
    const prod = model.stages.find((s) => s.name === "prod");
    const byKey = Object.fromEntries((prod?.effectiveSettings ?? []).map((e) => [`${e.httpMethod} ${e.path}`, e]));
    expect(Object.keys(byKey)).toEqual(["GET /", "GET /orders", "DELETE /orders", "OPTIONS /orders"]);
    expect(byKey["GET /"]).toMatchObject({ cachingEnabled: true, source: "stage" });
    expect(byKey["GET /orders"]).toMatchObject({ cachingEnabled: false, source: "method" });
    expect(byKey["DELETE /orders"]).toMatchObject({ cachingEnabled: false, source: "stage" });
  });

  it("falls back to the draft's methods when a stage's deployment was not read, without drift", () => {
    const dev = model.stages.find((s) => s.name === "dev");
    expect(dev?.deployment).toBeUndefined();
    expect(dev?.drift).toEqual([]);
    expect(dev?.effectiveSettings.map((e) => `${e.httpMethod} ${e.path}`)).toEqual([
      "GET /",
      "GET /orders",
      "POST /orders",
      "OPTIONS /orders",
    ]);
    expect(model.missing).toHaveLength(1);
  });

  it("keeps variable names only, sorted", () => {
    expect(model.stages.find((s) => s.name === "prod")?.variableNames).toEqual(["backend", "secretKey"]);
    expect(JSON.stringify(model)).not.toContain("variables");
  });

  it("produces a model the zod schema accepts, and the schema rejects a broken one", () => {
    expect(apiModelSchema.safeParse(model).success).toBe(true);
    const broken = structuredClone(model) as unknown as { resources: Array<{ methods: Array<{ httpMethod: string }> }> };
    broken.resources[0]!.methods[0]!.httpMethod = "FETCH";
    expect(apiModelSchema.safeParse(broken).success).toBe(false);
  });

  it("leaves gateway responses empty when the part is missing", () => {
    const s = snapshot();
    s.gatewayResponses = undefined;
    s.missing.push({ part: "gatewayResponses", operation: "GetGatewayResponses", reason: "denied" });
    expect(normalizeApi(s).model.gatewayResponses).toEqual([]);
  });
});
