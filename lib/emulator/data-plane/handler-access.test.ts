import { afterEach, describe, expect, it } from "vitest";
import { registerAuthorizerFunction } from "./authorizer-functions";
import { corsPreflightMethod, createFixtureApi, method, startDataPlane, tokenAuthorizer, type RunningDataPlane } from "./test-fixtures";

let running: RunningDataPlane | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const POOL_ARN = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Shop";

describe("API keys", () => {
  function keyedApi(apiKeySource: "HEADER" | "AUTHORIZER" = "HEADER") {
    const fixture = createFixtureApi(apiKeySource);
    fixture.apiKeys.push(
      { id: "k1", name: "live", value: "live-key-0123456789", enabled: true },
      { id: "k2", name: "old", value: "old-key-0123456789", enabled: false },
    );
    return fixture;
  }

  it("answers 403 Forbidden for a missing, unknown or disabled x-api-key", async () => {
    const fixture = keyedApi();
    fixture.putResource("/stock", { GET: method("GET", { apiKeyRequired: true }) });
    fixture.deploy();
    running = await startDataPlane(fixture);
    for (const key of [undefined, "nope", "old-key-0123456789"]) {
      const response = await fetch(`${running.stageUrl()}/stock`, { headers: key ? { "x-api-key": key } : {} });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: "Forbidden" });
    }
    expect((await fetch(`${running.stageUrl()}/stock`, { headers: { "x-api-key": "live-key-0123456789" } })).status).toBe(200);
  });

  it("evaluates the authorizer before the API key", async () => {
    const fixture = keyedApi();
    const authorizer = fixture.putAuthorizer(tokenAuthorizer("arn:never-invoked"));
    fixture.putResource("/stock", {
      GET: method("GET", { apiKeyRequired: true, authorizationType: "CUSTOM", authorizerId: authorizer.id }),
    });
    fixture.deploy();
    running = await startDataPlane(fixture);
    expect((await fetch(`${running.stageUrl()}/stock`)).status).toBe(401);
  });

  it("reads the key from the authorizer's usageIdentifierKey when apiKeySource is AUTHORIZER", async () => {
    const uri = "arn:test:usage-identifier";
    registerAuthorizerFunction(uri, (event) => ({
      principalId: "u",
      usageIdentifierKey: event.type === "TOKEN" && event.authorizationToken === "good" ? "live-key-0123456789" : "unknown",
      policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "execute-api:Invoke", Resource: "*" }] },
    }));
    const fixture = keyedApi("AUTHORIZER");
    const authorizer = fixture.putAuthorizer(tokenAuthorizer(uri));
    fixture.putResource("/stock", {
      GET: method("GET", { apiKeyRequired: true, authorizationType: "CUSTOM", authorizerId: authorizer.id }),
    });
    fixture.deploy();
    running = await startDataPlane(fixture);
    expect((await fetch(`${running.stageUrl()}/stock`, { headers: { Authorization: "good" } })).status).toBe(200);
    expect(
      (await fetch(`${running.stageUrl()}/stock`, { headers: { Authorization: "bad", "x-api-key": "live-key-0123456789" } })).status,
    ).toBe(403);
  });
});

describe("Cognito user pool authorizer stand-in", () => {
  function cognitoApi() {
    const fixture = createFixtureApi();
    const authorizer = fixture.putAuthorizer({
      id: "cog1",
      name: "pool",
      type: "COGNITO_USER_POOLS",
      providerARNs: [POOL_ARN],
      identitySource: "method.request.header.Authorization",
    });
    fixture.putResource("/profile", { GET: method("GET", { authorizationType: "COGNITO_USER_POOLS", authorizerId: authorizer.id }) });
    fixture.deploy();
    return fixture;
  }

  it("accepts a cognito:{poolId}:{user} token for a configured pool", async () => {
    running = await startDataPlane(cognitoApi());
    expect((await fetch(`${running.stageUrl()}/profile`, { headers: { Authorization: "cognito:us-east-1_Shop:alice" } })).status).toBe(200);
    expect(
      (await fetch(`${running.stageUrl()}/profile`, { headers: { Authorization: "Bearer cognito:us-east-1_Shop:alice" } })).status,
    ).toBe(200);
  });

  it("answers 401 Unauthorized for a missing, foreign or malformed token", async () => {
    running = await startDataPlane(cognitoApi());
    for (const token of [undefined, "cognito:us-east-1_Other:alice", "cognito:us-east-1_Shop", "jwt.looking.thing"]) {
      const response = await fetch(`${running.stageUrl()}/profile`, { headers: token ? { Authorization: token } : {} });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthorized" });
    }
  });
});

describe("AWS_IAM stand-in", () => {
  it("answers 403 Missing Authentication Token to unsigned requests and accepts SigV4-shaped ones", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/admin", { GET: method("GET", { authorizationType: "AWS_IAM" }) });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const unsigned = await fetch(`${running.stageUrl()}/admin`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ message: "Missing Authentication Token" });

    const bearer = await fetch(`${running.stageUrl()}/admin`, { headers: { Authorization: "Bearer abc" } });
    expect(bearer.status).toBe(403);
    expect(((await bearer.json()) as { message: string }).message).toContain("not a valid key=value pair");

    const signed =
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd";
    expect((await fetch(`${running.stageUrl()}/admin`, { headers: { Authorization: signed } })).status).toBe(200);
  });
});

describe("the CORS preflight failure", () => {
  it("answers a browser preflight with 401 and no CORS headers when OPTIONS falls to an ANY method behind an authorizer", async () => {
    const fixture = createFixtureApi();
    const authorizer = fixture.putAuthorizer(tokenAuthorizer("arn:never-invoked"));
    fixture.putResource("/cart", { ANY: method("ANY", { authorizationType: "CUSTOM", authorizerId: authorizer.id }) });
    fixture.deploy();
    running = await startDataPlane(fixture);

    const preflight = await fetch(`${running.stageUrl()}/cart`, {
      method: "OPTIONS",
      headers: {
        Origin: "https://shop.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(preflight.status).toBe(401);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();

    // The fix: an explicit OPTIONS method with authorization NONE (redeployed) wins over ANY.
    fixture.putResource("/cart", {
      ANY: method("ANY", { authorizationType: "CUSTOM", authorizerId: authorizer.id }),
      OPTIONS: corsPreflightMethod(),
    });
    fixture.deploy();
    const fixed = await fetch(`${running.stageUrl()}/cart`, { method: "OPTIONS" });
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 403 Forbidden to a preflight when OPTIONS requires an API key", async () => {
    const fixture = createFixtureApi();
    fixture.putResource("/cart", { OPTIONS: corsPreflightMethod({ apiKeyRequired: true }) });
    fixture.deploy();
    running = await startDataPlane(fixture);
    const preflight = await fetch(`${running.stageUrl()}/cart`, { method: "OPTIONS" });
    expect(preflight.status).toBe(403);
    expect(await preflight.json()).toEqual({ message: "Forbidden" });
  });
});
