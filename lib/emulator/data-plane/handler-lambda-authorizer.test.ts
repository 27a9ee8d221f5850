import { afterEach, describe, expect, it } from "vitest";
import { flushAuthorizerCache } from "./authorizer-cache";
import { registerAuthorizerFunction, type AuthorizerEvent, type AuthorizerResult } from "./authorizer-functions";
import { contextFor, createClock, createFixtureApi, method, startDataPlane, tokenAuthorizer, type RunningDataPlane } from "./test-fixtures";

let running: RunningDataPlane | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

let uriCounter = 0;
/** Registers a stand-in authorizer function and records every invocation. */
function authorizerFunction(fn: (event: AuthorizerEvent) => AuthorizerResult | Promise<AuthorizerResult>) {
  const uri = `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/test-${++uriCounter}/invocations`;
  const calls: AuthorizerEvent[] = [];
  registerAuthorizerFunction(uri, (event) => {
    calls.push(event);
    return fn(event);
  });
  return { uri, calls };
}

/** The classic bug: the policy allows only the method ARN that triggered the authorizer. */
const scopedToCallingMethod = (event: AuthorizerEvent): AuthorizerResult => ({
  principalId: "user-1",
  policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: event.methodArn }] },
  context: { tier: "gold" },
});

function apiWithAuthorizer(uri: string, overrides: Parameters<typeof tokenAuthorizer>[1] = {}) {
  const fixture = createFixtureApi();
  const authorizer = fixture.putAuthorizer(tokenAuthorizer(uri, overrides));
  const guarded = () => method("GET", { authorizationType: "CUSTOM", authorizerId: authorizer.id });
  fixture.putResource("/cart", { GET: guarded() });
  fixture.putResource("/orders", { GET: guarded() });
  return fixture;
}

const get = (url: string, token?: string) => fetch(url, { headers: token ? { Authorization: token } : {} });

describe("Lambda TOKEN authorizer", () => {
  it("answers 401 without invoking when the token header is missing", async () => {
    const fn = authorizerFunction(scopedToCallingMethod);
    const fixture = apiWithAuthorizer(fn.uri);
    fixture.deploy();
    running = await startDataPlane(fixture);
    const response = await get(`${running.stageUrl()}/cart`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: "Unauthorized" });
    expect(fn.calls).toHaveLength(0);
  });

  it("answers 401 without invoking when the token fails identityValidationExpression", async () => {
    const fn = authorizerFunction(scopedToCallingMethod);
    const fixture = apiWithAuthorizer(fn.uri, { identityValidationExpression: "^Bearer [a-z]+$" });
    fixture.deploy();
    running = await startDataPlane(fixture);
    expect((await get(`${running.stageUrl()}/cart`, "Basic abc")).status).toBe(401);
    expect(fn.calls).toHaveLength(0);
    expect((await get(`${running.stageUrl()}/cart`, "Bearer abc")).status).toBe(200);
    expect(fn.calls).toHaveLength(1);
  });

  it("passes the token and the method ARN to the function", async () => {
    const fn = authorizerFunction(scopedToCallingMethod);
    const fixture = apiWithAuthorizer(fn.uri);
    fixture.deploy();
    running = await startDataPlane(fixture);
    await get(`${running.stageUrl()}/cart`, "tok");
    expect(fn.calls[0]).toEqual({
      type: "TOKEN",
      authorizationToken: "tok",
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:${fixture.api.api.id}/prod/GET/cart`,
    });
  });

  it("reuses a cached policy scoped to one method, failing the same caller on another method until flushed", async () => {
    const fn = authorizerFunction(scopedToCallingMethod);
    const fixture = apiWithAuthorizer(fn.uri);
    fixture.deploy();
    running = await startDataPlane(fixture);

    expect((await get(`${running.stageUrl()}/cart`, "tok")).status).toBe(200);
    const denied = await get(`${running.stageUrl()}/orders`, "tok");
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ message: "User is not authorized to access this resource" });
    expect(fn.calls).toHaveLength(1);

    // Another caller (another token) gets its own entry: the failure looks random across users.
    expect((await get(`${running.stageUrl()}/orders`, "other")).status).toBe(200);

    flushAuthorizerCache(fixture.api.api.id, "prod");
    expect((await get(`${running.stageUrl()}/orders`, "tok")).status).toBe(200);
    expect(fn.calls).toHaveLength(3);
  });

  it("expires cached policies after the TTL (default 300 s)", async () => {
    const fn = authorizerFunction(scopedToCallingMethod);
    const fixture = apiWithAuthorizer(fn.uri);
    fixture.deploy();
    const clock = createClock();
    running = await startDataPlane(fixture, contextFor(fixture, clock));

    await get(`${running.stageUrl()}/cart`, "tok");
    clock.advanceSeconds(299);
    expect((await get(`${running.stageUrl()}/orders`, "tok")).status).toBe(403);
    clock.advanceSeconds(2);
    expect((await get(`${running.stageUrl()}/orders`, "tok")).status).toBe(200);
    expect(fn.calls).toHaveLength(2);
  });

  it("invokes on every request when the TTL is 0", async () => {
    const fn = authorizerFunction(scopedToCallingMethod);
    const fixture = apiWithAuthorizer(fn.uri, { authorizerResultTtlInSeconds: 0 });
    fixture.deploy();
    running = await startDataPlane(fixture);
    expect((await get(`${running.stageUrl()}/cart`, "tok")).status).toBe(200);
    expect((await get(`${running.stageUrl()}/orders`, "tok")).status).toBe(200);
    expect(fn.calls).toHaveLength(2);
  });

  it("answers 403 with the explicit-deny message for a Deny policy", async () => {
    const fn = authorizerFunction(() => ({
      principalId: "u",
      policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "execute-api:Invoke", Resource: "*" }] },
    }));
    const fixture = apiWithAuthorizer(fn.uri);
    fixture.deploy();
    running = await startDataPlane(fixture);
    const response = await get(`${running.stageUrl()}/cart`, "tok");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "User is not authorized to access this resource with an explicit deny" });
  });

  it('answers 401 when the function fails with "Unauthorized" and 500 for any other failure', async () => {
    const unauthorized = authorizerFunction(() => {
      throw new Error("Unauthorized");
    });
    const crashing = authorizerFunction(() => {
      throw new Error("boom");
    });
    const malformed = authorizerFunction(() => ({ principalId: "u" }) as unknown as AuthorizerResult);
    for (const [uri, status, body] of [
      [unauthorized.uri, 401, { message: "Unauthorized" }],
      [crashing.uri, 500, { message: null }],
      [malformed.uri, 500, { message: null }],
      ["arn:unregistered-function", 500, { message: null }],
    ] as const) {
      const fixture = apiWithAuthorizer(uri);
      fixture.deploy();
      const plane = await startDataPlane(fixture);
      const response = await get(`${plane.stageUrl()}/cart`, "tok");
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(body);
      await plane.close();
    }
  });

  it("passes the authorizer's principal and context to the integration", async () => {
    const fn = authorizerFunction(scopedToCallingMethod);
    const fixture = apiWithAuthorizer(fn.uri);
    fixture.putResource("/me", {
      GET: method("GET", {
        authorizationType: "CUSTOM",
        authorizerId: [...fixture.api.authorizers.keys()][0],
        methodIntegration: { type: "AWS_PROXY", uri: "arn:echo", timeoutInMillis: 29000, cacheKeyParameters: [] },
      }),
    });
    fixture.deploy();
    running = await startDataPlane(fixture);
    const { echo } = (await (await get(`${running.stageUrl()}/me`, "tok")).json()) as { echo: { requestContext: { authorizer: unknown } } };
    expect(echo.requestContext.authorizer).toEqual({ principalId: "user-1", tier: "gold" });
  });
});

describe("Lambda REQUEST authorizer", () => {
  function requestApi(uri: string, ttl?: number) {
    const fixture = createFixtureApi();
    const authorizer = fixture.putAuthorizer(
      tokenAuthorizer(uri, {
        type: "REQUEST",
        identitySource: "method.request.header.X-User, method.request.querystring.tenant",
        authorizerResultTtlInSeconds: ttl,
      }),
    );
    fixture.putResource("/items/{id}", { GET: method("GET", { authorizationType: "CUSTOM", authorizerId: authorizer.id }) });
    fixture.deploy();
    return fixture;
  }
  const allowAll = (): AuthorizerResult => ({
    principalId: "u",
    policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }] },
  });

  it("answers 401 without invoking when an identity source is missing and caching is on", async () => {
    const fn = authorizerFunction(allowAll);
    running = await startDataPlane(requestApi(fn.uri));
    const response = await fetch(`${running.stageUrl()}/items/1`, { headers: { "X-User": "alice" } });
    expect(response.status).toBe(401);
    expect(fn.calls).toHaveLength(0);
    expect((await fetch(`${running.stageUrl()}/items/1?tenant=t1`, { headers: { "X-User": "alice" } })).status).toBe(200);
  });

  it("answers 401 without invoking when a configured identity source is missing, caching off too", async () => {
    const fn = authorizerFunction(allowAll);
    running = await startDataPlane(requestApi(fn.uri, 0));
    const response = await fetch(`${running.stageUrl()}/items/1`);
    expect(response.status).toBe(401);
    expect(response.headers.get("x-amzn-errortype")).toBe("UnauthorizedException");
    expect(fn.calls).toHaveLength(0);
  });

  it("invokes on every request when caching is off and no identity source is configured, with the request event", async () => {
    const fn = authorizerFunction(allowAll);
    const fixture = createFixtureApi();
    const authorizer = fixture.putAuthorizer(
      tokenAuthorizer(fn.uri, { type: "REQUEST", identitySource: undefined, authorizerResultTtlInSeconds: 0 }),
    );
    fixture.putResource("/items/{id}", { GET: method("GET", { authorizationType: "CUSTOM", authorizerId: authorizer.id }) });
    fixture.deploy();
    running = await startDataPlane(fixture);
    expect((await fetch(`${running.stageUrl()}/items/9?a=b`)).status).toBe(200);
    expect((await fetch(`${running.stageUrl()}/items/9?a=b`)).status).toBe(200);
    expect(fn.calls).toHaveLength(2);
    expect(fn.calls[0]).toMatchObject({
      type: "REQUEST",
      resource: "/items/{id}",
      path: "/items/9",
      httpMethod: "GET",
      pathParameters: { id: "9" },
      queryStringParameters: { a: "b" },
      requestContext: { apiId: fixture.api.api.id, stage: "prod", resourcePath: "/items/{id}" },
    });
  });
});
