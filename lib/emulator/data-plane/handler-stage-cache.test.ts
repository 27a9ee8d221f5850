import { afterEach, describe, expect, it } from "vitest";
import { emitStageCacheFlush } from "../stage-cache-events";
import type { MethodSettingWire } from "../state";
import { registerAuthorizerFunction } from "./authorizer-functions";
import { registerIntegrationFunction, type BackendEvent } from "./integration-functions";
import {
  cachingSetting,
  contextFor,
  createClock,
  createFixtureApi,
  method,
  startDataPlane,
  tokenAuthorizer,
  type RunningDataPlane,
} from "./test-fixtures";

let running: RunningDataPlane | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

let counter = 0;
const SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=abcd";

/** GET /profile/{id} behind an allow-all TOKEN authorizer, answered by a backend that names the caller. */
function cachedProfileApi(cacheKeyParameters: string[], settings: Record<string, MethodSettingWire>) {
  const authorizerUri = `arn:test:allow-all-${++counter}`;
  registerAuthorizerFunction(authorizerUri, (event) => ({
    principalId: event.type === "TOKEN" ? event.authorizationToken : "?",
    policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }] },
  }));
  const backendUri = `arn:test:profile-backend-${counter}`;
  const calls: BackendEvent[] = [];
  registerIntegrationFunction(backendUri, (event) => {
    calls.push(event);
    return {
      statusCode: 200,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ user: event.requestContext.authorizer?.principalId, id: event.pathParameters.id }),
    };
  });
  const fixture = createFixtureApi();
  const authorizer = fixture.putAuthorizer(tokenAuthorizer(authorizerUri, { authorizerResultTtlInSeconds: 0 }));
  const integration = { type: "AWS_PROXY" as const, uri: backendUri, timeoutInMillis: 29000, cacheKeyParameters };
  fixture.putResource("/profile/{id}", {
    GET: method("GET", { authorizationType: "CUSTOM", authorizerId: authorizer.id, methodIntegration: integration }),
    POST: method("POST", { authorizationType: "CUSTOM", authorizerId: authorizer.id, methodIntegration: integration }),
  });
  const stage = fixture.deploy();
  stage.cacheClusterEnabled = true;
  stage.methodSettings = settings;
  return { fixture, calls };
}

const get = (url: string, token: string, extra: Record<string, string> = {}) => fetch(url, { headers: { Authorization: token, ...extra } });

describe("stage response cache", () => {
  it("serves one caller's cached response to another when Authorization is not in the cache key", async () => {
    const { fixture, calls } = cachedProfileApi(["method.request.path.id"], { "*/*": cachingSetting() });
    running = await startDataPlane(fixture);
    expect(await (await get(`${running.stageUrl()}/profile/1`, "alice")).json()).toEqual({ user: "alice", id: "1" });
    expect(await (await get(`${running.stageUrl()}/profile/1`, "bob")).json()).toEqual({ user: "alice", id: "1" });
    expect(await (await get(`${running.stageUrl()}/profile/2`, "bob")).json()).toEqual({ user: "bob", id: "2" });
    expect(calls).toHaveLength(2);
  });

  it("keeps callers apart when Authorization is a cache key parameter", async () => {
    const { fixture, calls } = cachedProfileApi(["method.request.path.id", "method.request.header.Authorization"], {
      "*/*": cachingSetting(),
    });
    running = await startDataPlane(fixture);
    await get(`${running.stageUrl()}/profile/1`, "alice");
    expect(await (await get(`${running.stageUrl()}/profile/1`, "bob")).json()).toEqual({ user: "bob", id: "1" });
    await get(`${running.stageUrl()}/profile/1`, "bob");
    expect(calls).toHaveLength(2);
  });

  it("applies */* to GET only, expires entries after the TTL and is flushed by FlushStageCache", async () => {
    const { fixture, calls } = cachedProfileApi([], { "*/*": cachingSetting({ cacheTtlInSeconds: 60 }) });
    const clock = createClock();
    running = await startDataPlane(fixture, contextFor(fixture, clock));
    const url = `${running.stageUrl()}/profile/1`;

    await fetch(url, { method: "POST", headers: { Authorization: "a" } });
    await fetch(url, { method: "POST", headers: { Authorization: "a" } });
    expect(calls).toHaveLength(2);

    await get(url, "a");
    await get(url, "a");
    expect(calls).toHaveLength(3);
    clock.advanceSeconds(61);
    await get(url, "a");
    expect(calls).toHaveLength(4);
    emitStageCacheFlush(fixture.api.api.id, "prod");
    await get(url, "a");
    expect(calls).toHaveLength(5);
  });

  it("honours a method override and ignores caching when the stage has no cache cluster", async () => {
    const { fixture, calls } = cachedProfileApi([], { "~1profile~1{id}/POST": cachingSetting() });
    running = await startDataPlane(fixture);
    const url = `${running.stageUrl()}/profile/1`;
    await fetch(url, { method: "POST", headers: { Authorization: "a" } });
    await fetch(url, { method: "POST", headers: { Authorization: "a" } });
    expect(calls).toHaveLength(1);
    await get(url, "a");
    await get(url, "a");
    expect(calls).toHaveLength(3);

    fixture.api.stages.get("prod")!.cacheClusterEnabled = false;
    await fetch(url, { method: "POST", headers: { Authorization: "a" } });
    expect(calls).toHaveLength(4);
  });

  it("lets anyone invalidate with Cache-Control: max-age=0 when authorization is not required", async () => {
    const { fixture, calls } = cachedProfileApi([], { "*/*": cachingSetting({ requireAuthorizationForCacheControl: false }) });
    running = await startDataPlane(fixture);
    await get(`${running.stageUrl()}/profile/1`, "alice");
    expect(await (await get(`${running.stageUrl()}/profile/1`, "mallory", { "Cache-Control": "max-age=0" })).json()).toEqual({
      user: "mallory",
      id: "1",
    });
    expect(calls).toHaveLength(2);
  });

  it("applies the unauthorized cache-control strategy when authorization is required", async () => {
    const warn = cachedProfileApi([], { "*/*": cachingSetting() });
    running = await startDataPlane(warn.fixture);
    await get(`${running.stageUrl()}/profile/1`, "alice");
    const ignored = await get(`${running.stageUrl()}/profile/1`, "bob", { "Cache-Control": "max-age=0" });
    expect(ignored.headers.get("warning")).toContain("Cache-control headers were ignored");
    expect(await ignored.json()).toEqual({ user: "alice", id: "1" });
    expect(warn.calls).toHaveLength(1);
    await running.close();

    const strict = cachedProfileApi([], { "*/*": cachingSetting({ unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403" }) });
    running = await startDataPlane(strict.fixture);
    expect((await get(`${running.stageUrl()}/profile/1`, "bob", { "Cache-Control": "max-age=0" })).status).toBe(403);
  });

  it("lets a SigV4-signed caller invalidate when authorization is required", async () => {
    const fixture = createFixtureApi();
    let hits = 0;
    const uri = `arn:test:signed-backend-${++counter}`;
    registerIntegrationFunction(uri, () => ({ statusCode: 200, body: String(++hits) }));
    fixture.putResource("/report", {
      GET: method("GET", {
        authorizationType: "AWS_IAM",
        methodIntegration: { type: "AWS_PROXY", uri, timeoutInMillis: 29000, cacheKeyParameters: [] },
      }),
    });
    const stage = fixture.deploy();
    stage.cacheClusterEnabled = true;
    stage.methodSettings = { "*/*": cachingSetting({ unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403" }) };
    running = await startDataPlane(fixture);
    expect(await (await get(`${running.stageUrl()}/report`, SIGNED)).text()).toBe("1");
    expect(await (await get(`${running.stageUrl()}/report`, SIGNED)).text()).toBe("1");
    expect(await (await get(`${running.stageUrl()}/report`, SIGNED, { "Cache-Control": "max-age=0" })).text()).toBe("2");
  });
});
