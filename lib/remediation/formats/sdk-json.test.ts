import { describe, expect, it } from "vitest";
import { buildJsonPlan, renderSdkJson, type JsonPlan } from "@/lib/remediation/formats/sdk-json";
import { fixturePlan } from "@/lib/remediation/testing/render-fixture";

describe("renderSdkJson", () => {
  const { plan } = fixturePlan();
  const json = JSON.parse(renderSdkJson(plan).content) as JsonPlan;

  it("is the plan as SDK v3 commands with their inputs", () => {
    expect(json.planVersion).toBe(1);
    expect(json.api).toEqual({ id: "a1b2c3d4e5", name: "storefront", region: "eu-west-1", accountId: "123456789012" });
    expect(json.steps[0]).toEqual({
      type: "call",
      command: "UpdateMethodCommand",
      input: {
        restApiId: "a1b2c3d4e5",
        resourceId: "ordid001",
        httpMethod: "OPTIONS",
        patchOperations: [{ op: "replace", path: "/authorizationType", value: "NONE" }],
      },
      description: "Set OPTIONS /orders/{id} authorization CUSTOM → NONE",
      findings: [1],
    });
  });

  it("creates the MOCK preflight for a resource without OPTIONS, guarded by GetMethod", () => {
    const put = json.steps.find((step) => step.type === "call" && step.command === "PutMethodCommand");
    expect(put).toMatchObject({
      input: { resourceId: "prod0001", httpMethod: "OPTIONS", authorizationType: "NONE", apiKeyRequired: false },
      skipIfFound: { command: "GetMethodCommand", input: { restApiId: "a1b2c3d4e5", resourceId: "prod0001", httpMethod: "OPTIONS" } },
    });
    const integration = json.steps.find(
      (step) => step.type === "call" && step.command === "PutIntegrationCommand" && step.input.resourceId === "prod0001",
    );
    expect(integration).toMatchObject({ input: { type: "MOCK", requestTemplates: { "application/json": '{"statusCode": 200}' } } });
  });

  it("patches an existing preflight's responses instead of re-creating them", () => {
    const update = json.steps.find((step) => step.type === "call" && step.command === "UpdateIntegrationResponseCommand");
    expect(update).toMatchObject({ input: { resourceId: "health01", statusCode: "200" } });
    const operations = (update as unknown as { input: { patchOperations: Array<{ op: string; path: string; value: string }> } }).input
      .patchOperations;
    expect(operations[0]).toEqual({
      op: "replace",
      path: "/responseParameters/method.response.header.Access-Control-Allow-Origin",
      value: "'https://shop.example.com'",
    });
    expect(operations.slice(1).every((operation) => operation.op === "add")).toBe(true);
  });

  it("keeps an existing gateway response's mappings, status and templates", () => {
    const put = json.steps.find(
      (step) => step.type === "call" && step.command === "PutGatewayResponseCommand" && step.input.responseType === "UNAUTHORIZED",
    );
    expect(put).toMatchObject({
      input: {
        statusCode: "401",
        responseParameters: {
          "gatewayresponse.header.WWW-Authenticate": "'Bearer'",
          "gatewayresponse.header.Access-Control-Allow-Origin": "'*'",
        },
        responseTemplates: { "application/json": '{"error":"unauthorized"}' },
      },
    });
  });

  it("escapes stage method-setting paths with ~1 and addresses the stage-wide entry as */*", () => {
    const paths = json.steps.flatMap((step) =>
      step.type === "call" && step.command === "UpdateStageCommand"
        ? (step.input.patchOperations as Array<{ path: string }>).map((op) => op.path)
        : [],
    );
    expect(paths).toEqual([
      "/~1orders~1{id}/GET/caching/enabled",
      "/*/*/caching/requireAuthorizationForCacheControl",
      "/*/*/caching/unauthorizedCacheControlHeaderStrategy",
      "/~1orders~1{id}/GET/caching/ttlInSeconds",
      "/~1orders~1{id}/GET/caching/dataEncrypted",
      "/canarySettings",
    ]);
  });

  it("declares the cache key parameter on the method before adding it to the integration", () => {
    const index = json.steps.findIndex((step) => step.type === "call" && step.command === "UpdateIntegrationCommand");
    expect(json.steps[index - 1]).toMatchObject({
      command: "UpdateMethodCommand",
      input: {
        httpMethod: "GET",
        patchOperations: [{ op: "add", path: "/requestParameters/method.request.header.Authorization", value: "false" }],
      },
    });
    expect(json.steps[index]).toMatchObject({
      input: { patchOperations: [{ op: "add", path: "/cacheKeyParameters/method.request.header.Authorization" }] },
    });
  });

  it("ends with one deployment, the canary's removal after it and one authorizer-cache flush; authorizer code is a manual step", () => {
    const last = json.steps.slice(-3);
    expect(last).toMatchObject([
      { command: "CreateDeploymentCommand", input: { stageName: "prod" } },
      { command: "UpdateStageCommand", input: { stageName: "prod", patchOperations: [{ op: "remove", path: "/canarySettings" }] } },
      { command: "FlushStageAuthorizersCacheCommand", input: { stageName: "prod" } },
    ]);
    expect(last[1]).toMatchObject({ findings: [json.findings.length] });
    expect(json.steps.filter((step) => step.type === "manual")).toHaveLength(2);
  });

  it("refuses a method the model does not have", () => {
    const { plan: bad } = fixturePlan({
      findings: [
        {
          ...fixturePlan().findings[0]!,
          fixes: [{ kind: "set-method-api-key-required", resourceId: "nope", path: "/nope", httpMethod: "GET", value: false }],
        },
      ],
    });
    expect(() => buildJsonPlan(bad)).toThrow(/No GET method on resource nope/);
  });
});
