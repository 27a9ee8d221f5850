import { describe, expect, it } from "vitest";
import { parseCfnYaml } from "@/lib/remediation/cfn-yaml";
import { renderCloudFormation } from "@/lib/remediation/formats/cloudformation";
import { renderSam } from "@/lib/remediation/formats/sam";
import { fixturePlan } from "@/lib/remediation/testing/render-fixture";
import { finding } from "@/lib/remediation/testing/fixtures";

type Template = {
  Parameters?: Record<string, { Default: string }>;
  Resources: Record<string, { Type: string; DependsOn?: string[]; Properties: Record<string, unknown> }>;
};

describe("renderCloudFormation", () => {
  const { plan } = fixturePlan();
  const snippet = renderCloudFormation(plan);
  const template = parseCfnYaml(snippet.content) as Template;

  it("parses as CloudFormation YAML with short-form tags", () => {
    expect(template.Parameters?.RestApiId?.Default).toBe("a1b2c3d4e5");
    expect(template.Resources.OrdersIdOptionsMethod?.Properties.RestApiId).toEqual({ Ref: "RestApiId" });
  });

  it("defines the preflight without authorizer or key, with a MOCK integration and CORS responses", () => {
    const options = template.Resources.OrdersIdOptionsMethod?.Properties;
    expect(options).toMatchObject({ ResourceId: "ordid001", HttpMethod: "OPTIONS", AuthorizationType: "NONE", ApiKeyRequired: false });
    expect(options).not.toHaveProperty("AuthorizerId");
    expect(options?.Integration).toMatchObject({ Type: "MOCK", RequestTemplates: { "application/json": '{"statusCode": 200}' } });
    expect(template.Resources.ProductsOptionsMethod?.Properties.MethodResponses).toEqual([
      {
        StatusCode: "200",
        ResponseParameters: {
          "method.response.header.Access-Control-Allow-Origin": false,
          "method.response.header.Access-Control-Allow-Methods": false,
          "method.response.header.Access-Control-Allow-Headers": false,
          "method.response.header.Access-Control-Max-Age": false,
        },
      },
    ]);
  });

  it("renders gateway responses, the authorizer TTL, stage MethodSettings and a new Deployment", () => {
    expect(template.Resources.Default4xxGatewayResponse).toMatchObject({
      Type: "AWS::ApiGateway::GatewayResponse",
      Properties: { ResponseType: "DEFAULT_4XX" },
    });
    expect(template.Resources.OrdersTokenAuthorizerAuthorizer?.Properties.AuthorizerResultTtlInSeconds).toBe(0);
    const stage = template.Resources.ProdStage?.Properties;
    expect(stage?.MethodSettings).toEqual([
      { ResourcePath: "/~1orders~1{id}", HttpMethod: "GET", CachingEnabled: false, CacheTtlInSeconds: 60, CacheDataEncrypted: true },
    ]);
    const deploymentId = Object.keys(template.Resources).find((id) => id.startsWith("PreflightDeploymentProd"));
    expect(deploymentId).toMatch(/^PreflightDeploymentProd[0-9a-f]{8}$/);
    expect(stage?.DeploymentId).toEqual({ Ref: deploymentId });
    expect(template.Resources[deploymentId!]?.DependsOn).toContain("OrdersIdOptionsMethod");
  });

  it("names what CloudFormation cannot express and the IAM actions", () => {
    expect(snippet.content).toContain('{"op":"replace","path":"/*/*/caching/requireAuthorizationForCacheControl","value":"true"}');
    expect(snippet.content).toContain("flush-stage-authorizers-cache --region eu-west-1 --rest-api-id a1b2c3d4e5 --stage-name prod");
    expect(snippet.iamActions).toContain("cloudformation:ExecuteChangeSet");
  });

  it("marks an unknown account id as a placeholder", () => {
    const content = renderCloudFormation(fixturePlan({ accountId: null }).plan).content;
    expect(content).toContain("<ACCOUNT_ID>");
    expect(() => parseCfnYaml(content)).not.toThrow();
  });

  it("is a comment-only document when nothing is a CloudFormation resource", () => {
    const { plan: flushOnly } = fixturePlan({ findings: [finding("f", [{ kind: "flush-authorizer-cache", stage: "prod" }])] });
    const content = renderCloudFormation(flushOnly).content;
    expect(parseCfnYaml(content)).toBeNull();
    expect(content).toContain("flush-stage-authorizers-cache");
  });
});

describe("renderSam", () => {
  const snippet = renderSam(fixturePlan().plan);
  const template = parseCfnYaml(snippet.content) as Template & { Transform: string };
  const properties = template.Resources.StorefrontApi?.Properties ?? {};

  it("parses and is an AWS::Serverless::Api to merge", () => {
    expect(template.Transform).toBe("AWS::Serverless-2016-10-31");
    expect(template.Resources.StorefrontApi?.Type).toBe("AWS::Serverless::Api");
  });

  it("keeps the default authorizer and API key off the generated preflights", () => {
    expect(properties.Auth).toMatchObject({ AddDefaultAuthorizerToCorsPreflight: false, AddApiKeyRequiredToCorsPreflight: false });
    expect(properties.Cors).toMatchObject({
      AllowOrigin: "'https://shop.example.com'",
      AllowMethods: "'GET,OPTIONS'",
      MaxAge: "'600'",
      AllowCredentials: true,
    });
  });

  it("sets ReauthorizeEvery, gateway response headers and MethodSettings", () => {
    expect(properties.Auth).toMatchObject({
      Authorizers: { OrdersTokenAuthorizer: { Identity: { Header: "Authorization", ReauthorizeEvery: 0 } } },
    });
    expect(properties.GatewayResponses).toMatchObject({
      DEFAULT_5XX: { ResponseParameters: { Headers: { "Access-Control-Allow-Origin": "'*'" } } },
    });
    expect(properties.MethodSettings).toEqual([
      { ResourcePath: "/~1orders~1{id}", HttpMethod: "GET", CachingEnabled: false, CacheTtlInSeconds: 60, CacheDataEncrypted: true },
    ]);
  });
});
