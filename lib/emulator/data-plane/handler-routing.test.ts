import { afterEach, describe, expect, it } from "vitest";
import { corsPreflightMethod, createFixtureApi, method, mockIntegration, startDataPlane, type RunningDataPlane } from "./test-fixtures";

let running: RunningDataPlane | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe("data plane routing and MOCK integrations", () => {
  it("answers a missing resource or method with 403 Missing Authentication Token", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/pets", { GET: method("GET") });
    fixture.deploy();
    running = await startDataPlane(fixture);

    for (const [path, verb] of [
      ["/nowhere", "GET"],
      ["/pets", "DELETE"],
    ] as const) {
      const response = await fetch(`${running.stageUrl()}${path}`, { method: verb });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: "Missing Authentication Token" });
    }
  });

  it("answers an unknown stage with a bare 403 Forbidden", async () => {
    const fixture = createFixtureApi();
    fixture.deploy();
    running = await startDataPlane(fixture);
    const response = await fetch(`${running.stageUrl("nope")}/`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "Forbidden" });
  });

  it("serves the CORS preflight MOCK with exactly the mapped Access-Control-* headers", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/pets", { OPTIONS: corsPreflightMethod() });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const response = await fetch(`${running.stageUrl()}/pets`, { method: "OPTIONS" });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
    expect(response.headers.get("access-control-allow-headers")).toBe("Content-Type,Authorization,X-Api-Key");
    expect(await response.text()).toBe("");
  });

  it("drops header mappings the method response does not declare", async () => {
    const fixture = createFixtureApi();
    const preflight = corsPreflightMethod();
    preflight.methodResponses = {
      "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": false } },
    };
    fixture.putResource("/pets", { OPTIONS: preflight });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const response = await fetch(`${running.stageUrl()}/pets`, { method: "OPTIONS" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("selects the integration response whose selectionPattern matches the mock status code", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/teapot", {
      GET: method("GET", {
        methodResponses: {
          "200": { statusCode: "200" },
          "418": { statusCode: "418", responseParameters: { "method.response.header.X-Kind": true } },
        },
        methodIntegration: mockIntegration(418, {
          "200": { statusCode: "200" },
          "418": {
            statusCode: "418",
            selectionPattern: "4\\d{2}",
            responseParameters: { "method.response.header.X-Kind": "'teapot'" },
            responseTemplates: { "application/json": '{"short":"stout"}' },
          },
        }),
      }),
      POST: method("POST", { methodIntegration: mockIntegration(201, { "200": { statusCode: "200" } }) }),
    });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const teapot = await fetch(`${running.stageUrl()}/teapot`);
    expect(teapot.status).toBe(418);
    expect(teapot.headers.get("x-kind")).toBe("teapot");
    expect(await teapot.json()).toEqual({ short: "stout" });
    // No pattern matches 201, so the default response (no selectionPattern) answers.
    expect((await fetch(`${running.stageUrl()}/teapot`, { method: "POST" })).status).toBe(200);
  });

  it("answers 500 API_CONFIGURATION_ERROR when no integration response applies", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/broken", { GET: method("GET", { methodIntegration: mockIntegration(200, {}) }) });
    fixture.deploy();
    running = await startDataPlane(fixture);
    const response = await fetch(`${running.stageUrl()}/broken`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal server error" });
  });

  it("echoes proxy integrations with path parameters and stage variables", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/{proxy+}", {
      ANY: method("ANY", {
        methodIntegration: { type: "AWS_PROXY", uri: "arn:unregistered", timeoutInMillis: 29000, cacheKeyParameters: [] },
      }),
    });
    fixture.deploy("prod", { env: "test" });
    running = await startDataPlane(fixture);

    const response = await fetch(`${running.stageUrl()}/orders/7?x=1`, { method: "POST", body: "hello" });
    expect(response.status).toBe(200);
    const { echo } = (await response.json()) as { echo: Record<string, unknown> };
    expect(echo).toMatchObject({
      integrationType: "AWS_PROXY",
      httpMethod: "POST",
      resource: "/{proxy+}",
      path: "/orders/7",
      pathParameters: { proxy: "orders/7" },
      queryStringParameters: { x: "1" },
      body: "hello",
      stageVariables: { env: "test" },
    });
  });

  it("serves the deployed snapshot, not the draft, until the next deployment", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/pets", { GET: method("GET") });
    fixture.deploy();
    fixture.putResource("/orders", { GET: method("GET") });
    running = await startDataPlane(fixture);

    expect((await fetch(`${running.stageUrl()}/orders`)).status).toBe(403);
    fixture.deploy();
    expect((await fetch(`${running.stageUrl()}/orders`)).status).toBe(200);
  });

  it("applies the snapshot's customised gateway responses with their header mappings", async () => {
    const fixture = createFixtureApi();
    fixture.putGatewayResponse({
      responseType: "DEFAULT_4XX",
      responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
    });
    fixture.deploy();
    running = await startDataPlane(fixture);
    const response = await fetch(`${running.stageUrl()}/missing`);
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers bad input with clear errors instead of crashing", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/{proxy+}", { ANY: method("ANY") });
    fixture.deploy();
    running = await startDataPlane(fixture);
    const base = running.stageUrl().replace(/\/restapis\/.*$/, "");

    expect((await fetch(`${base}/restapis/only-an-id`)).status).toBe(404);
    expect((await fetch(`${running.stageUrl()}/bad%E0%A4%A`)).status).toBe(200);
    const huge = await fetch(`${running.stageUrl()}/upload`, { method: "POST", body: "x".repeat(10 * 1024 * 1024 + 1) });
    expect(huge.status).toBe(413);
  });
});
