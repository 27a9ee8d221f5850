import { afterEach, describe, expect, it } from "vitest";
import { createFixtureApi, method, mockIntegration, startDataPlane, type RunningDataPlane } from "./test-fixtures";

let running: RunningDataPlane | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe("integration responses at runtime", () => {
  it("answers 500 when the selected integration response has no method response for its status", async () => {
    const fixture = createFixtureApi();
    // MOCK answers 201; the integration response for 201 exists but the method declares only 200.
    fixture.putResource("/created", {
      POST: method("POST", {
        methodIntegration: mockIntegration(201, { "201": { statusCode: "201" } }),
        methodResponses: { "200": { statusCode: "200" } },
      }),
    });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const response = await fetch(`${running.stageUrl()}/created`, { method: "POST" });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Internal server error" });
  });

  it("never echoes a method request value through an integration response mapping, even one that slipped into a snapshot", async () => {
    const fixture = createFixtureApi();
    const origin = "method.response.header.Access-Control-Allow-Origin";
    const vary = "method.response.header.X-Backend-Body";
    fixture.putResource("/echo", {
      OPTIONS: method("OPTIONS", {
        methodResponses: { "200": { statusCode: "200", responseParameters: { [origin]: false, [vary]: false } } },
        methodIntegration: mockIntegration(200, {
          "200": {
            statusCode: "200",
            responseParameters: { [origin]: "method.request.header.Origin", [vary]: "integration.response.body" },
            responseTemplates: { "application/json": "" },
          },
        }),
      }),
    });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const response = await fetch(`${running.stageUrl()}/echo`, { method: "OPTIONS", headers: { Origin: "https://evil.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("gateway responses", () => {
  it("carry x-amzn-ErrorType and the request id headers", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/iam", { GET: method("GET", { authorizationType: "AWS_IAM" }) });
    fixture.putResource("/keyed", { GET: method("GET", { apiKeyRequired: true }) });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const cases = [
      ["/nowhere", 403, "MissingAuthenticationTokenException"],
      ["/iam", 403, "MissingAuthenticationTokenException"],
      ["/keyed", 403, "ForbiddenException"],
    ] as const;
    for (const [path, status, errorType] of cases) {
      const response = await fetch(`${running.stageUrl()}${path}`);
      expect(response.status, path).toBe(status);
      expect(response.headers.get("x-amzn-errortype"), path).toBe(errorType);
      expect(response.headers.get("x-amzn-requestid"), path).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get("x-amz-apigw-id"), path).toBeTruthy();
    }
  });

  it("substitute the documented $context variables in templates and context.* in header mappings", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/users/{id}", { GET: method("GET", { authorizationType: "AWS_IAM" }) });
    fixture.putGatewayResponse({
      responseType: "MISSING_AUTHENTICATION_TOKEN",
      statusCode: "404",
      responseParameters: { "gatewayresponse.header.X-Resource": "context.resourcePath", "gatewayresponse.header.X-Static": "'yes'" },
      responseTemplates: {
        "application/json":
          '{"type":"$context.error.responseType","path":"$context.path","resource":"$context.resourcePath","method":"$context.httpMethod","stage":"$context.stage","api":"$context.apiId","account":"$context.accountId","id":"$context.requestId","ip":"$context.identity.sourceIp"}',
      },
    });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const routed = await fetch(`${running.stageUrl()}/users/7`);
    expect(routed.status).toBe(404);
    expect(routed.headers.get("x-resource")).toBe("/users/{id}");
    expect(routed.headers.get("x-static")).toBe("yes");
    const body = await routed.json();
    expect(body).toMatchObject({
      type: "MISSING_AUTHENTICATION_TOKEN",
      path: "/prod/users/7",
      resource: "/users/{id}",
      method: "GET",
      stage: "prod",
      api: fixture.api.api.id,
      account: fixture.account.accountId,
      id: routed.headers.get("x-amzn-requestid"),
    });
    expect(body.ip).toMatch(/127\.0\.0\.1/);

    // Before routing there is no resource: the variable is empty, as AWS leaves it.
    const unrouted = await (await fetch(`${running.stageUrl()}/nowhere`)).json();
    expect(unrouted).toMatchObject({ resource: "", path: "/prod/nowhere", method: "GET" });
  });
});
