import { describe, expect, it } from "vitest";
import { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
import { detectCloudFormation } from "@/lib/templates/cloudformation/detect";
import { isolatedContext, methodTable } from "@/lib/templates/testing/method-table";
import { elementKey, type TemplateApi, type TemplateFile, type TemplateReadContext } from "@/lib/templates/types";
import { normalizeApi } from "@/lib/model/normalize";
import { auditTemplateApi } from "@/lib/templates/audit-template-api";

function read(text: string, path = "template.yaml", context: TemplateReadContext = isolatedContext("eu-west-1")) {
  const result = readCloudFormationTemplate({ path, text }, context);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

function only(apis: TemplateApi[]): TemplateApi {
  expect(apis).toHaveLength(1);
  return apis[0] as TemplateApi;
}

const FULL = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Origin: { Type: String, Default: "'https://app.example.com'" }
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
      ApiKeySourceType: AUTHORIZER
      EndpointConfiguration: { Types: [REGIONAL] }
      DisableExecuteApiEndpoint: true
      BinaryMediaTypes: [image/png]
  Orders:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: orders }
  OrderId:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !Ref Orders, PathPart: "{id}" }
  GetOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref OrderId
      HttpMethod: get
      AuthorizationType: COGNITO_USER_POOLS
      AuthorizerId: !Ref Pool
      AuthorizationScopes: [orders/read]
      ApiKeyRequired: "true"
      RequestParameters: { method.request.header.Authorization: true }
      RequestModels: { application/json: Empty }
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
        CacheKeyParameters: [method.request.path.id]
        IntegrationResponses:
          - StatusCode: 200
            ResponseParameters: { method.response.header.Access-Control-Allow-Origin: !Ref Origin }
            ResponseTemplates: { application/json: "" }
      MethodResponses:
        - StatusCode: 200
          ResponseParameters: { method.response.header.Access-Control-Allow-Origin: true }
  OptionsOrder:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !Ref OrderId
      HttpMethod: OPTIONS
      AuthorizationType: None
      Integration: { Type: MOCK }
  Pool:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: pool
      Type: COGNITO_USER_POOLS
      IdentitySource: method.request.header.Authorization
      ProviderARNs: [!GetAtt UserPool.Arn]
  Token:
    Type: AWS::ApiGateway::Authorizer
    Properties:
      RestApiId: !Ref Api
      Name: token
      Type: TOKEN
      AuthorizerResultTtlInSeconds: 0
      AuthorizerUri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
  Unauthorized:
    Type: AWS::ApiGateway::GatewayResponse
    Properties:
      RestApiId: !Ref Api
      ResponseType: UNAUTHORIZED
      StatusCode: "401"
      ResponseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'" }
  Deployment:
    Type: AWS::ApiGateway::Deployment
    DependsOn: [GetOrder]
    Properties:
      RestApiId: !Ref Api
      StageName: v1
      StageDescription:
        CachingEnabled: true
        CacheClusterEnabled: true
        Variables: { secretToken: hunter2 }
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: !Ref Deployment
      StageName: prod
      CacheClusterEnabled: true
      Variables: { backendUrl: https://internal, apiSecret: s3cr3t }
      MethodSettings:
        - { ResourcePath: "/*", HttpMethod: "*", MetricsEnabled: true }
        - { ResourcePath: "/~1orders~1{id}", HttpMethod: GET, CachingEnabled: true, CacheTtlInSeconds: 60 }
        - { ResourcePath: "/", HttpMethod: GET, CacheDataEncrypted: true }
  Fn: { Type: AWS::Lambda::Function }
  UserPool: { Type: AWS::Cognito::UserPool }
`;

describe("readCloudFormationTemplate: one API with every element", () => {
  const result = read(FULL);
  const api = only(result.apis);
  const variant = api.variants[0];
  const snapshot = variant?.snapshot;

  it("reads the API, named by logical id, in one variant without assumptions or gaps", () => {
    expect(result.gaps).toEqual([]);
    expect(api.gaps).toEqual([]);
    expect(api).toMatchObject({ name: "Api", format: "cloudformation", files: ["template.yaml"] });
    expect(api.variants).toHaveLength(1);
    expect(variant?.assumptions).toEqual({});
    expect(snapshot?.missing).toEqual([]);
    expect(snapshot?.restApi).toEqual({
      id: "Api",
      name: "orders",
      rootResourceId: "${Api.RootResourceId}",
      apiKeySource: "AUTHORIZER",
      endpointTypes: ["REGIONAL"],
      disableExecuteApiEndpoint: true,
      binaryMediaTypes: ["image/png"],
    });
  });

  it("builds paths from PathPart up the ParentId chain", () => {
    expect(snapshot?.resources?.map((r) => [r.path, r.id, r.parentId ?? null])).toEqual([
      ["/", "${Api.RootResourceId}", null],
      ["/orders", "Orders", "${Api.RootResourceId}"],
      ["/orders/{id}", "OrderId", "Orders"],
    ]);
  });

  it("reads methods with every property, AuthorizationType case-insensitively", () => {
    expect(methodTable(snapshot!)).toEqual(["/orders/{id} GET COGNITO_USER_POOLS Pool key", "/orders/{id} OPTIONS NONE - -"]);
    const get = snapshot?.resources?.[2]?.resourceMethods?.GET;
    expect(get).toEqual({
      httpMethod: "GET",
      authorizationType: "COGNITO_USER_POOLS",
      authorizerId: "Pool",
      apiKeyRequired: true,
      authorizationScopes: ["orders/read"],
      requestParameters: { "method.request.header.Authorization": true },
      requestModels: { "application/json": "Empty" },
      methodIntegration: {
        type: "AWS_PROXY",
        httpMethod: "POST",
        uri: "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:Fn/invocations",
        cacheKeyParameters: ["method.request.path.id"],
        integrationResponses: {
          "200": {
            statusCode: "200",
            responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'https://app.example.com'" },
            responseTemplates: { "application/json": "" },
          },
        },
      },
      methodResponses: { "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": true } } },
    });
  });

  it("reads authorizers, leaving an unset TTL to the 300 s default", () => {
    expect(snapshot?.authorizers).toEqual([
      {
        id: "Pool",
        name: "pool",
        type: "COGNITO_USER_POOLS",
        identitySource: "method.request.header.Authorization",
        providerARNs: ["arn:aws:cognito-idp:eu-west-1:${AWS::AccountId}:userpool/UserPool"],
      },
      {
        id: "Token",
        name: "token",
        type: "TOKEN",
        authorizerResultTtlInSeconds: 0,
        authorizerUri:
          "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:Fn/invocations",
      },
    ]);
    const model = normalizeApi(snapshot!).model;
    expect(model.authorizers.map((a) => [a.id, a.effectiveTtlSeconds, a.lambdaFunctionArn ?? null])).toEqual([
      ["Pool", 300, null],
      ["Token", 0, "arn:aws:lambda:eu-west-1:${AWS::AccountId}:function:Fn"],
    ]);
  });

  it("reads gateway responses", () => {
    expect(snapshot?.gatewayResponses).toEqual([
      {
        responseType: "UNAUTHORIZED",
        statusCode: "401",
        responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
        defaultResponse: false,
      },
    ]);
  });

  it("creates the Deployment's StageName stage and the Stage resource, with ~1 method settings keys and variable names only", () => {
    expect(snapshot?.stages).toEqual([
      {
        stageName: "v1",
        deploymentId: "Deployment",
        cacheClusterEnabled: true,
        variableNames: ["secretToken"],
        methodSettings: { "*/*": { cachingEnabled: true } },
      },
      {
        stageName: "prod",
        deploymentId: "Deployment",
        cacheClusterEnabled: true,
        variableNames: ["backendUrl", "apiSecret"],
        methodSettings: {
          "*/*": { metricsEnabled: true },
          "~1orders~1{id}/GET": { cachingEnabled: true, cacheTtlInSeconds: 60 },
          "~1/GET": { cacheDataEncrypted: true },
        },
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toContain("hunter2");
    expect(JSON.stringify(snapshot)).not.toContain("s3cr3t");
  });

  it("gives each stage a deployment whose summary is the template's methods, so no drift appears", () => {
    expect(snapshot?.deployments.Deployment?.apiSummary).toEqual({
      "/orders/{id}": { GET: { authorizationType: "COGNITO_USER_POOLS", apiKeyRequired: true }, OPTIONS: { authorizationType: "NONE" } },
    });
    const model = normalizeApi(snapshot!).model;
    expect(
      model.stages.map((s) => [s.name, s.drift.length, s.effectiveSettings.find((e) => e.httpMethod === "GET")?.cachingEnabled]),
    ).toEqual([
      ["prod", 0, true],
      ["v1", 0, true],
    ]);
  });

  it("places every element at its resource's logical id (stages from StageName at that property)", () => {
    const line = (key: string) => variant?.locations[key]?.line;
    const lines = FULL.split("\n");
    const lineOf = (text: string) => lines.findIndex((l) => l.startsWith(text)) + 1;
    expect(line(elementKey({ kind: "api" }))).toBe(lineOf("  Api:"));
    expect(line(elementKey({ kind: "resource", path: "/orders/{id}" }))).toBe(lineOf("  OrderId:"));
    expect(line(elementKey({ kind: "method", path: "/orders/{id}", httpMethod: "GET" }))).toBe(lineOf("  GetOrder:"));
    expect(line(elementKey({ kind: "authorizer", id: "Token" }))).toBe(lineOf("  Token:"));
    expect(line(elementKey({ kind: "gatewayResponse", responseType: "UNAUTHORIZED" }))).toBe(lineOf("  Unauthorized:"));
    expect(line(elementKey({ kind: "stage", name: "prod" }))).toBe(lineOf("  Prod:"));
    expect(line(elementKey({ kind: "stage", name: "v1" }))).toBe(lineOf("      StageName: v1"));
    expect(variant?.locations[elementKey({ kind: "method", path: "/orders/{id}", httpMethod: "GET" })]).toEqual({
      file: "template.yaml",
      line: lineOf("  GetOrder:"),
      column: 3,
    });
  });
});

describe("readCloudFormationTemplate: several APIs, conditions and gaps", () => {
  it("reads several RestApis as one TemplateApi each, with their own members", () => {
    const result = read(`Resources:
  A: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a } }
  B: { Type: AWS::ApiGateway::RestApi, Properties: { Name: b } }
  AGet: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref A, ResourceId: !GetAtt A.RootResourceId, HttpMethod: GET, AuthorizationType: AWS_IAM } }
  BPost: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref B, ResourceId: !GetAtt B.RootResourceId, HttpMethod: POST } }
`);
    expect(result.apis.map((a) => [a.name, methodTable(a.variants[0]!.snapshot)])).toEqual([
      ["A", ["/ GET AWS_IAM - -"]],
      ["B", ["/ POST NONE - -"]],
    ]);
  });

  it("evaluates Fn::If and resource Conditions both ways, one labelled variant each", () => {
    const result = read(`Parameters:
  Env: { Type: String, Default: prod }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  WithAdmin: !Equals [!Ref Env, dev]
  Unused: !Equals [!Ref Env, test]
Resources:
  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a } }
  Opt:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: OPTIONS
      AuthorizationType: !If [IsProd, AWS_IAM, NONE]
  Admin:
    Type: AWS::ApiGateway::Method
    Condition: WithAdmin
    Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: DELETE }
  Other:
    Type: AWS::SNS::Topic
    Properties: { TopicName: !If [Unused, a, b] }
`);
    const api = only(result.apis);
    expect(api.variants.map((v) => [v.assumptions, methodTable(v.snapshot)])).toEqual([
      // WithAdmin is met first (the members' Conditions), then IsProd (inside the OPTIONS method); Unused never.
      [{ WithAdmin: true, IsProd: true }, ["/ DELETE NONE - -", "/ OPTIONS AWS_IAM - -"]],
      [{ WithAdmin: true, IsProd: false }, ["/ DELETE NONE - -", "/ OPTIONS NONE - -"]],
      [{ WithAdmin: false, IsProd: true }, ["/ OPTIONS AWS_IAM - -"]],
      [{ WithAdmin: false, IsProd: false }, ["/ OPTIONS NONE - -"]],
    ]);
  });

  it("names the conditions left unexplored beyond 8 variants", () => {
    const conditions = Array.from({ length: 5 }, (_, i) => `  C${i}: !Equals [!Ref Env, v${i}]`).join("\n");
    const methods = Array.from(
      { length: 5 },
      (_, i) =>
        `  M${i}: { Type: AWS::ApiGateway::Method, Condition: C${i}, Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: ${["GET", "PUT", "POST", "PATCH", "DELETE"][i]} } }`,
    ).join("\n");
    const api = only(
      read(
        `Parameters:\n  Env: { Type: String }\nConditions:\n${conditions}\nResources:\n  Api: { Type: AWS::ApiGateway::RestApi }\n${methods}\n`,
      ).apis,
    );
    expect(api.variants).toHaveLength(8);
    expect(api.gaps.map((g) => g.message)).toEqual([
      "More than 8 condition variants: C3, C4 were not explored both ways (assumed true where the limit was reached)",
    ]);
  });

  it("drops the variants where the RestApi itself does not exist, and says so", () => {
    const api = only(
      read(
        `Conditions:\n  Make: !Equals [!Ref AWS::Region, us-east-1]\nResources:\n  Api: { Type: AWS::ApiGateway::RestApi, Condition: Make }\n`,
      ).apis,
    );
    expect(api.variants.map((v) => v.assumptions)).toEqual([{ Make: true }]);
    expect(api.gaps.map((g) => g.message)).toEqual(["RestApi Api does not exist when Make is false; those variants are not audited"]);
  });

  it("makes a circular ParentId chain and an unknown parent gaps that leave resources unknown, without hanging", () => {
    // A loop that was followed would never end: the test timeout catches it (no wall-clock bound here).
    const result = read(`Resources:
  Api: { Type: AWS::ApiGateway::RestApi }
  A: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !Ref B, PathPart: a } }
  B: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !Ref A, PathPart: b } }
  C: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: somewhere, PathPart: c } }
  M: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref Api, ResourceId: !Ref A, HttpMethod: GET } }
`);
    const api = only(result.apis);
    expect(api.gaps.map((g) => `${g.position?.line} ${g.part} ${g.message}`)).toEqual([
      "3 resources Resource A: its ParentId chain loops (A → B → A); its path and methods are not read",
      '5 resources Resource C: ParentId "somewhere" is neither the RestApi\'s root resource nor one of its AWS::ApiGateway::Resource; its path and methods are not read',
      '6 resources Method M: ResourceId "A" is not a resource of this API with a known path; not read',
    ]);
    expect(result.gaps.map((g) => g.message)).toEqual(["Circular dependency: A → B → A (CloudFormation refuses to deploy this template)"]);
    expect(api.gaps[0]?.position).toEqual({ file: "template.yaml", line: 3, column: 76 });
    // Through the audit: rules that need resources are not evaluated, never passed.
    const report = auditTemplateApi(api, "2026-01-01T00:00:00.000Z");
    expect(report.partial).toBe(true);
    expect(report.notEvaluated.map((n) => n.ruleId)).toContain("options-requires-authorization");
    expect(report.model.missing.map((m) => m.part)).toEqual(["resources"]);
  });

  it("reports circular DependsOn and reference chains", () => {
    const result = read(`Resources:
  Api: { Type: AWS::ApiGateway::RestApi }
  A: { Type: AWS::SNS::Topic, DependsOn: B }
  B: { Type: AWS::SNS::Topic, DependsOn: [C] }
  C: { Type: AWS::SNS::Topic, Properties: { TopicName: !Sub "\${A.TopicName}-c" } }
`);
    expect(result.gaps.map((g) => `${g.position?.line} ${g.message}`)).toEqual([
      "3 Circular dependency: A → B → C → A (CloudFormation refuses to deploy this template)",
    ]);
  });

  it("makes an unknown intrinsic in a property a rule reads a gap that leaves the part unknown", () => {
    const api = only(
      read(`Resources:
  Api: { Type: AWS::ApiGateway::RestApi }
  M: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: OPTIONS, AuthorizationType: { "Fn::Magic": 1 } } }
  A: { Type: AWS::ApiGateway::Authorizer, Properties: { RestApiId: !Ref Api, Type: TOKEN, AuthorizerResultTtlInSeconds: !Ref Missing } }
`).apis,
    );
    expect(api.gaps.map((g) => `${g.part ?? "-"} ${g.message}`)).toEqual([
      "- Fn::Magic is not supported here (its value is left unknown)",
      "resources Method M: AuthorizationType could not be fully resolved; what depends on it is not evaluated",
      `- Ref to "Missing", which is neither a parameter, a resource nor a pseudo parameter`,
      "authorizers Authorizer A: AuthorizerResultTtlInSeconds could not be fully resolved; what depends on it is not evaluated",
    ]);
    const report = auditTemplateApi(api, "2026-01-01T00:00:00.000Z");
    expect(report.model.missing.map((m) => m.part)).toEqual(["resources", "authorizers"]);
    expect(report.findings.filter((f) => f.ruleId === "options-requires-authorization")).toEqual([]);
    expect(report.notEvaluated.map((n) => n.ruleId)).toContain("options-requires-authorization");
  });

  it("reports members of a REST API the template does not define", () => {
    const result = read(
      `Parameters:\n  ApiId: { Type: String }\nResources:\n  M: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref ApiId, ResourceId: x, HttpMethod: GET } }\n`,
    );
    expect(result.apis).toEqual([]);
    expect(result.gaps.map((g) => `${g.position?.line} ${g.message}`)).toEqual([
      '4 Method M belongs to REST API "${ApiId}", which this template does not define; not audited',
      "3 No AWS::ApiGateway::RestApi in this template",
    ]);
  });

  it("reports Fn::ForEach loops in Resources as not expanded", () => {
    const result = read(
      `Transform: AWS::LanguageExtensions\nResources:\n  Api: { Type: AWS::ApiGateway::RestApi }\n  Fn::ForEach::Paths:\n    - Path\n    - [a, b]\n    - Res\${Path}: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: !Ref Path } }\n`,
    );
    const api = only(result.apis);
    expect(api.gaps.map((g) => `${g.position?.line} ${g.part} ${g.message}`)).toEqual([
      "4 resources Fn::ForEach::Paths: Fn::ForEach is not expanded; the resources it generates are not read",
    ]);
    expect(auditTemplateApi(api, "2026-01-01T00:00:00.000Z").model.missing.map((m) => m.part)).toEqual(["resources"]);
  });

  it("makes BodyS3Location a gap: the definition cannot be read locally", () => {
    const api = only(
      read(`Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      BodyS3Location: { Bucket: b, Key: api.yaml }\n`)
        .apis,
    );
    expect(api.gaps.map((g) => `${g.position?.line} ${g.part} ${g.message}`)).toEqual([
      "5 resources RestApi Api: the OpenAPI definition is in S3 (BodyS3Location) and cannot be read locally; its resources are unknown",
      "5 authorizers RestApi Api: the OpenAPI definition is in S3 (BodyS3Location) and cannot be read locally; its authorizers are unknown",
      "5 gatewayResponses RestApi Api: the OpenAPI definition is in S3 (BodyS3Location) and cannot be read locally; its gatewayResponses are unknown",
    ]);
  });

  it("reads a Body definition with the OpenAPI reader, intrinsics resolved per variant, beside explicit resources", () => {
    const api = only(
      read(`Conditions:
  Secure: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Body:
        openapi: 3.0.1
        info: { title: from-body, version: "1" }
        paths:
          /pets:
            get:
              security: !If [Secure, [{ sigv4: [] }], []]
              x-amazon-apigateway-integration: { type: mock }
        components:
          securitySchemes:
            sigv4: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
  Extra:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: extra }
  ExtraOptions:
    Type: AWS::ApiGateway::Method
    Properties: { RestApiId: !Ref Api, ResourceId: !Ref Extra, HttpMethod: OPTIONS }
`).apis,
    );
    expect(api.variants.map((v) => [v.assumptions, v.snapshot.restApi.name, methodTable(v.snapshot)])).toEqual([
      [{ Secure: true }, "from-body", ["/extra OPTIONS NONE - -", "/pets GET AWS_IAM - -"]],
      [{ Secure: false }, "from-body", ["/extra OPTIONS NONE - -", "/pets GET NONE - -"]],
    ]);
    const pets = api.variants[0]!.locations[elementKey({ kind: "method", path: "/pets", httpMethod: "GET" })];
    expect(pets?.line).toBe(12);
  });

  it("makes a Body it cannot resolve (an AWS::Include transform) or a CloneFrom a gap, but not a Body removed by AWS::NoValue", () => {
    const include = only(
      read(
        `Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body:\n        Fn::Transform: { Name: AWS::Include, Parameters: { Location: s3://bucket/api.yaml } }\n`,
      ).apis,
    );
    expect(include.gaps.map((g) => `${g.position?.line} ${g.part ?? "-"} ${g.message}`)).toEqual([
      "6 - Fn::Transform is not supported here (its value is left unknown)",
      "5 resources RestApi Api: its Body (the OpenAPI definition) could not be resolved here; its resources are unknown",
      "5 authorizers RestApi Api: its Body (the OpenAPI definition) could not be resolved here; its authorizers are unknown",
      "5 gatewayResponses RestApi Api: its Body (the OpenAPI definition) could not be resolved here; its gatewayResponses are unknown",
    ]);
    expect(auditTemplateApi(include, "2026-01-01T00:00:00.000Z").model.missing.map((m) => m.part)).toEqual([
      "resources",
      "authorizers",
      "gatewayResponses",
    ]);
    const clone = only(read(`Resources:\n  Api: { Type: AWS::ApiGateway::RestApi, Properties: { CloneFrom: abc123 } }\n`).apis);
    expect(clone.gaps.map((g) => g.part)).toEqual(["resources", "authorizers", "gatewayResponses"]);
    expect(clone.gaps[0]?.message).toContain("cloned from another REST API (CloneFrom)");
    const noValue = only(
      read(
        `Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: n\n      Body: !If [C, { openapi: 3.0.1, info: { title: t, version: "1" }, paths: { /a: { get: {} } } }, !Ref AWS::NoValue]\n`,
      ).apis,
    );
    expect(noValue.gaps).toEqual([]);
    expect(noValue.variants.map((v) => [v.assumptions, methodTable(v.snapshot)])).toEqual([
      [{ C: true }, ["/a GET NONE - -"]],
      [{ C: false }, []],
    ]);
  });

  it("reads a Body given as JSON text, positions pointing at Body", () => {
    const body = JSON.stringify({
      swagger: "2.0",
      info: { title: "t", version: "1" },
      paths: { "/x": { options: { security: [{ key: [] }] } } },
      securityDefinitions: { key: { type: "apiKey", name: "x-api-key", in: "header" } },
    });
    const api = only(read(`Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body: '${body}'\n`).apis);
    expect(methodTable(api.variants[0]!.snapshot)).toEqual(["/x OPTIONS NONE - key"]);
    expect(api.variants[0]!.locations[elementKey({ kind: "method", path: "/x", httpMethod: "OPTIONS" })]?.line).toBe(5);
    expect(api.variants[0]!.locations[elementKey({ kind: "api" })]?.line).toBe(2);
  });

  it("notes a SAM template's own APIs as the SAM reader's, reading its plain resources", () => {
    const result = read(
      `Transform: AWS::Serverless-2016-10-31\nResources:\n  Api: { Type: AWS::ApiGateway::RestApi }\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        Get: { Type: Api, Properties: { Path: /, Method: get } }\n`,
    );
    expect(result.apis.map((a) => a.name)).toEqual(["Api"]);
    expect(result.gaps.map((g) => g.message)).toEqual([
      "A SAM template: Fn makes REST APIs the SAM reader reads; only the plain AWS::ApiGateway::* resources are read here",
    ]);
  });
});

describe("readCloudFormationTemplate: CDK", () => {
  const stack = JSON.stringify({
    Resources: {
      ApiF70053CD: { Type: "AWS::ApiGateway::RestApi", Properties: { Name: "api" }, Metadata: { "aws:cdk:path": "Stack/Api/Resource" } },
      ApiOPTIONS: {
        Type: "AWS::ApiGateway::Method",
        Properties: {
          RestApiId: { Ref: "ApiF70053CD" },
          ResourceId: { "Fn::GetAtt": ["ApiF70053CD", "RootResourceId"] },
          HttpMethod: "OPTIONS",
          AuthorizationType: "NONE",
        },
        Metadata: { "aws:cdk:path": "Stack/Api/Default/OPTIONS/Resource" },
      },
    },
  });

  it("names the construct path of the API and of each element from aws:cdk:path", () => {
    const api = only(read(stack, "Stack.template.json").apis);
    expect(api.format).toBe("cdk");
    expect(api.constructPath).toBe("Stack/Api");
    expect(api.constructPaths).toEqual({ api: "Stack/Api/Resource", "method / OPTIONS": "Stack/Api/Default/OPTIONS/Resource" });
  });

  it("reads every stack template a cloud assembly manifest lists, nested assemblies included, in the stack's region", () => {
    const files: Record<string, string> = {
      "cdk.out/Stack.template.json": stack,
      "cdk.out/assembly-Prod/manifest.json": JSON.stringify({
        version: "36.0.0",
        artifacts: {
          ProdStack: {
            type: "aws:cloudformation:stack",
            environment: "aws://123456789012/ap-south-1",
            properties: { templateFile: "ProdStack.template.json" },
          },
        },
      }),
      "cdk.out/assembly-Prod/ProdStack.template.json": stack,
    };
    const context: TemplateReadContext = {
      region: "us-east-1",
      listSiblings: () => [],
      readRelative: (from, relative) => {
        const path = `${from.slice(0, from.lastIndexOf("/"))}/${relative}`;
        const text = files[path];
        return text === undefined
          ? { ok: false, error: { message: `${path}: no such file` } }
          : { ok: true, file: { path, text } satisfies TemplateFile };
      },
    };
    const manifest = JSON.stringify({
      version: "36.0.0",
      artifacts: {
        Tree: { type: "cdk:tree", properties: { file: "tree.json" } },
        Stack: {
          type: "aws:cloudformation:stack",
          environment: "aws://unknown-account/unknown-region",
          properties: { templateFile: "Stack.template.json" },
        },
        "assembly-Prod": { type: "cdk:cloud-assembly", properties: { directoryName: "assembly-Prod" } },
        Missing: { type: "aws:cloudformation:stack", properties: { templateFile: "Missing.template.json" } },
      },
    });
    const result = read(manifest, "cdk.out/manifest.json", context);
    expect(result.apis.map((a) => [a.name, a.files, a.variants[0]?.snapshot.region])).toEqual([
      ["ApiF70053CD", ["cdk.out/manifest.json", "cdk.out/Stack.template.json"], "us-east-1"],
      [
        "ApiF70053CD",
        ["cdk.out/manifest.json", "cdk.out/assembly-Prod/manifest.json", "cdk.out/assembly-Prod/ProdStack.template.json"],
        "ap-south-1",
      ],
    ]);
    expect(result.gaps.map((g) => `${g.position?.file} ${g.message}`)).toEqual([
      "cdk.out/manifest.json Missing: cdk.out/Missing.template.json: no such file",
    ]);
  });
});

describe("readCloudFormationTemplate: bad input", () => {
  const fail = (text: string, path: string) => {
    const result = readCloudFormationTemplate({ path, text }, isolatedContext());
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.error.message;
  };

  it("gives one line naming file, line and column for malformed YAML and JSON", () => {
    expect(fail("Resources:\n  Api:\n    Type: [AWS::ApiGateway::RestApi\n", "bad.yaml")).toMatch(/^bad\.yaml:\d+:\d+: [^\n]+$/);
    expect(fail('{\n  "Resources": {\n    "Api": { "Type": "AWS::ApiGateway::RestApi", }\n  }\n}', "bad.json")).toMatch(
      /^bad\.json:3:\d+: invalid JSON: [^\n]+$/,
    );
  });

  it("refuses YAML that is not infrastructure", () => {
    expect(fail("name: my-app\nversion: 1.0.0\ndependencies: [a, b]\n", "package.yaml")).toBe(
      "package.yaml:1:1: not a CloudFormation template (no AWSTemplateFormatVersion and no Resources with AWS:: types)",
    );
  });

  it("refuses a binary file", () => {
    expect(fail("\u0000\u0001\u0002binary", "logo.png")).toBe("logo.png: a binary file, not a YAML or JSON template");
  });

  it("keeps __proto__ names from the template as data", () => {
    // JSON text: an object literal's __proto__ would set a prototype, not a key.
    const text = `{
  "Conditions": { "__proto__": { "Fn::Equals": [{ "Ref": "AWS::Region" }, "x"] } },
  "Resources": {
    "Api": { "Type": "AWS::ApiGateway::RestApi" },
    "__proto__": { "Type": "AWS::ApiGateway::Deployment", "Properties": { "RestApiId": { "Ref": "Api" }, "StageName": "__proto__" } },
    "M": {
      "Type": "AWS::ApiGateway::Method",
      "Condition": "__proto__",
      "Properties": {
        "RestApiId": { "Ref": "Api" },
        "ResourceId": { "Fn::GetAtt": ["Api", "RootResourceId"] },
        "HttpMethod": "GET",
        "MethodResponses": [{ "StatusCode": "__proto__", "ResponseParameters": { "__proto__": true } }]
      }
    }
  }
}`;
    const result = read(text, "proto.json");
    const api = only(result.apis);
    expect(api.variants.map((v) => Object.keys(v.assumptions))).toEqual([["__proto__"], ["__proto__"]]);
    const snapshot = api.variants[0]!.snapshot;
    expect(Object.keys(snapshot.deployments)).toEqual(["__proto__"]);
    expect(snapshot.stages?.map((s) => s.stageName)).toEqual(["__proto__"]);
    const get = snapshot.resources?.[0]?.resourceMethods?.GET;
    expect(Object.keys(get?.methodResponses ?? {})).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).Type).toBeUndefined();
  });

  // Bounded generously: the test machine is shared (measured alone: ~0.35 s parse + ~0.15 s read for twice this size).
  // Quadratic work (the parser's own duplicate-key check took seconds here) would still fail it.
  it("reads a large template (500 resources, 1,000 methods, ~190 KB) in bounded time", () => {
    const lines = ["Resources:", "  Api: { Type: AWS::ApiGateway::RestApi }"];
    for (let i = 0; i < 500; i++) {
      lines.push(
        `  R${i}: { Type: AWS::ApiGateway::Resource, Properties: { RestApiId: !Ref Api, ParentId: ${i === 0 ? "!GetAtt Api.RootResourceId" : `!Ref R${i - 1}`}, PathPart: p${i} } }`,
      );
      lines.push(
        `  G${i}: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref Api, ResourceId: !Ref R${i}, HttpMethod: GET, AuthorizationType: AWS_IAM } }`,
      );
      lines.push(
        `  O${i}: { Type: AWS::ApiGateway::Method, Properties: { RestApiId: !Ref Api, ResourceId: !Ref R${i}, HttpMethod: OPTIONS } }`,
      );
    }
    const text = lines.join("\n");
    const result = read(text, "huge.yaml");
    const snapshot = only(result.apis).variants[0]!.snapshot;
    expect(snapshot.resources).toHaveLength(501);
    expect(methodTable(snapshot)).toHaveLength(1000);
    expect(snapshot.resources?.at(-1)?.path.split("/")).toHaveLength(501);
  });
});

describe("detectCloudFormation", () => {
  it("tells CloudFormation, SAM, CDK and cloud assemblies apart", () => {
    expect(detectCloudFormation({ AWSTemplateFormatVersion: "2010-09-09" })).toMatchObject({ cloudformation: true, sam: false });
    expect(detectCloudFormation({ Resources: { A: { Type: "AWS::SNS::Topic" } } })).toMatchObject({ cloudformation: true });
    expect(detectCloudFormation({ Resources: { A: { Type: "Custom::Thing" } } })).toMatchObject({ cloudformation: false });
    expect(detectCloudFormation({ Transform: ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"], Resources: {} })).toMatchObject({
      sam: true,
    });
    expect(detectCloudFormation({ Resources: { A: { Type: "AWS::SNS::Topic", Metadata: { "aws:cdk:path": "S/A" } } } })).toMatchObject({
      cdk: true,
    });
    expect(
      detectCloudFormation({
        Parameters: { BootstrapVersion: { Default: "/cdk-bootstrap/hnb659fds/version" } },
        Resources: { A: { Type: "AWS::SNS::Topic" } },
      }),
    ).toMatchObject({ cdk: true });
    expect(detectCloudFormation({ version: "36.0.0", artifacts: {} })).toMatchObject({ cdkAssembly: true, cloudformation: false });
    expect(detectCloudFormation(["not", "a", "template"])).toMatchObject({
      cloudformation: false,
      sam: false,
      cdk: false,
      cdkAssembly: false,
    });
  });
});
