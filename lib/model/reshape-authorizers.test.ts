import { describe, expect, it } from "vitest";
import { effectiveAuthorizerTtl, lambdaArnFromUri, reshapeAuthorizer, reshapeAuthorizers } from "@/lib/model/reshape-authorizers";

const uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations";

describe("authorizers", () => {
  it("applies API Gateway's TTL default: unset → 300, 0 stays off, explicit kept", () => {
    expect(effectiveAuthorizerTtl(undefined)).toBe(300);
    expect(effectiveAuthorizerTtl(0)).toBe(0);
    expect(effectiveAuthorizerTtl(60)).toBe(60);
  });

  it("reshapes a TOKEN authorizer with unset TTL", () => {
    const a = reshapeAuthorizer({
      id: "a1",
      name: "tok",
      type: "TOKEN",
      authorizerUri: uri,
      identitySource: "method.request.header.Authorization",
    });
    expect(a).toEqual({
      id: "a1",
      name: "tok",
      type: "TOKEN",
      authorizerUri: uri,
      lambdaFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:auth",
      providerArns: [],
      identitySources: [{ expression: "method.request.header.Authorization", location: "header", name: "Authorization" }],
      effectiveTtlSeconds: 300,
    });
    expect("configuredTtlSeconds" in a).toBe(false);
  });

  it("keeps a configured 0 as 'caching off' for every type, Cognito included", () => {
    const c = reshapeAuthorizer({
      id: "c1",
      name: "cog",
      type: "COGNITO_USER_POOLS",
      providerARNs: ["arn:aws:cognito-idp:us-east-1:1:userpool/p"],
      authorizerResultTtlInSeconds: 0,
    });
    expect(c.configuredTtlSeconds).toBe(0);
    expect(c.effectiveTtlSeconds).toBe(0);
    expect(c.providerArns).toHaveLength(1);
  });

  it("parses the Lambda ARN out of an alias or version URI and ignores non-Lambda URIs", () => {
    expect(lambdaArnFromUri(uri.replace("function:auth", "function:auth:live"))).toBe(
      "arn:aws:lambda:us-east-1:123456789012:function:auth:live",
    );
    expect(lambdaArnFromUri("https://example.com/auth")).toBeUndefined();
  });

  it("warns on an unknown type instead of guessing silently, and sorts by name", () => {
    const warnings: string[] = [];
    const list = reshapeAuthorizers(
      [
        { id: "2", name: "zeta", type: "JWT" },
        { id: "1", name: "alpha", type: "REQUEST" },
      ],
      (m) => warnings.push(m),
    );
    expect(list.map((a) => a.name)).toEqual(["alpha", "zeta"]);
    expect(warnings[0]).toContain('unknown type "JWT"');
  });
});
