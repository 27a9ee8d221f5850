/**
 * The SAM reader on small templates written for one behaviour each; expectations follow the translator
 * functions cited in the reader (the oracle test checks the same functions against the real translator).
 */
import { describe, expect, it } from "vitest";
import { readSamTemplate } from "@/lib/templates/sam";
import { isolatedContext, methodTable } from "@/lib/templates/testing/method-table";
import type { TemplateReadContext } from "@/lib/templates/types";

const HEAD = `Transform: AWS::Serverless-2016-10-31
`;

function fn(events: string, extra = ""): string {
  return `  Fn:
    Type: AWS::Serverless::Function
${extra}    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: s3://b/k
      Events:
${events}`;
}

function read(text: string, context: TemplateReadContext = isolatedContext()) {
  const result = readSamTemplate({ path: "template.yaml", text }, context);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe("readSamTemplate", () => {
  it("builds the implicit ServerlessRestApi (stage Prod) from events without RestApiId; ANY becomes the ANY method", () => {
    const result = read(`${HEAD}Resources:
${fn(`        A: { Type: Api, Properties: { Path: /items, Method: get } }
        B: { Type: Api, Properties: { Path: "/items/{id}", Method: any } }
`)}`);
    expect(result.apis.map((a) => a.name)).toEqual(["ServerlessRestApi"]);
    const [variant] = result.apis[0]!.variants;
    expect(methodTable(variant!.snapshot)).toEqual(["/items GET NONE - -", "/items/{id} ANY NONE - -"]);
    expect(variant!.snapshot.stages?.map((s) => s.stageName)).toEqual(["Prod", "Stage"]);
    const get = variant!.snapshot.resources!.find((r) => r.path === "/items")!.resourceMethods!.GET!;
    expect(get.methodIntegration).toMatchObject({ type: "AWS_PROXY", httpMethod: "POST" });
    expect(get.methodIntegration!.uri).toMatch(
      /^arn:aws:apigateway:us-east-1:lambda:path\/2015-03-31\/functions\/arn:aws:lambda:us-east-1:.*Fn.*\/invocations$/,
    );
    expect(variant!.locations["method /items/{id} ANY"]).toMatchObject({ line: 11, column: 9 });
  });

  it("generates CORS OPTIONS mocks with the configured headers, AllowMethods from the path's methods, MaxAge and credentials", () => {
    const result = read(`${HEAD}Globals:
  Api:
    Cors:
      AllowOrigin: "'https://app.example'"
      AllowHeaders: "'Authorization,Content-Type'"
      MaxAge: 600
      AllowCredentials: true
Resources:
${fn(`        A: { Type: Api, Properties: { Path: /items, Method: get } }
        B: { Type: Api, Properties: { Path: /items, Method: post } }
`)}`);
    const resource = result.apis[0]!.variants[0]!.snapshot.resources!.find((r) => r.path === "/items")!;
    const options = resource.resourceMethods!.OPTIONS!;
    expect(options.authorizationType).toBe("NONE");
    expect(options.methodIntegration!.type).toBe("MOCK");
    expect(options.methodIntegration!.integrationResponses!["200"]!.responseParameters).toEqual({
      "method.response.header.Access-Control-Allow-Origin": "'https://app.example'",
      "method.response.header.Access-Control-Allow-Headers": "'Authorization,Content-Type'",
      "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS,POST'",
      "method.response.header.Access-Control-Max-Age": "600",
      "method.response.header.Access-Control-Allow-Credentials": "'true'",
    });
    expect(Object.keys(options.methodResponses!["200"]!.responseParameters!).sort()).toEqual([
      "method.response.header.Access-Control-Allow-Credentials",
      "method.response.header.Access-Control-Allow-Headers",
      "method.response.header.Access-Control-Allow-Methods",
      "method.response.header.Access-Control-Allow-Origin",
      "method.response.header.Access-Control-Max-Age",
    ]);
    expect(result.apis[0]!.variants[0]!.locations["method /items OPTIONS"]).toMatchObject({ line: 4 });
  });

  it("applies DefaultAuthorizer and ApiKeyRequired to OPTIONS unless the Add…ToCorsPreflight flags say false; per-event NONE and ApiKeyRequired false opt out", () => {
    const api = (flags: string) => `${HEAD}Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Cors: "'*'"
      Auth:
        DefaultAuthorizer: Tok
        ApiKeyRequired: true
${flags}        Authorizers:
          Tok:
            FunctionArn: arn:aws:lambda:us-east-1:111122223333:function:auth
            Identity: { Header: X-Token, ReauthorizeEvery: 60 }
${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, RestApiId: !Ref Api } }
        B: { Type: Api, Properties: { Path: /b, Method: get, RestApiId: !Ref Api, Auth: { Authorizer: NONE, ApiKeyRequired: false } } }
`)}`;
    const defaults = read(api(""));
    expect(methodTable(defaults.apis[0]!.variants[0]!.snapshot)).toEqual([
      "/a GET CUSTOM Tok key",
      "/a OPTIONS CUSTOM Tok key",
      "/b GET NONE - -",
      "/b OPTIONS CUSTOM Tok key",
    ]);
    expect(defaults.apis[0]!.variants[0]!.snapshot.authorizers).toMatchObject([
      { id: "Tok", type: "TOKEN", identitySource: "method.request.header.X-Token", authorizerResultTtlInSeconds: 60 },
    ]);
    const off = read(api("        AddDefaultAuthorizerToCorsPreflight: false\n        AddApiKeyRequiredToCorsPreflight: false\n"));
    expect(methodTable(off.apis[0]!.variants[0]!.snapshot)).toEqual([
      "/a GET CUSTOM Tok key",
      "/a OPTIONS NONE - -",
      "/b GET NONE - -",
      "/b OPTIONS NONE - -",
    ]);
  });

  it("reports what SAM itself refuses as gaps: Authorizer NONE without a DefaultAuthorizer, an unknown authorizer, a duplicate method", () => {
    const result = read(`${HEAD}Resources:
${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, Auth: { Authorizer: NONE } } }
        B: { Type: Api, Properties: { Path: /a, Method: GET } }
        C: { Type: Api, Properties: { Path: /c, Method: get, Auth: { Authorizer: Missing } } }
`)}`);
    expect(result.apis[0]!.gaps.map((g) => g.message)).toEqual([
      expect.stringMatching(/Authorizer NONE is only valid when the API has a DefaultAuthorizer/),
      expect.stringMatching(/API method "get" defined multiple times for path "\/a"/),
      expect.stringMatching(/Authorizer "Missing" is not defined/),
    ]);
  });

  it("evaluates a function's Condition both ways: its methods exist only where it holds", () => {
    const result = read(`${HEAD}Parameters:
  Env: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
${fn(
  `        A: { Type: Api, Properties: { Path: /a, Method: get } }
`,
  "    Condition: IsProd\n",
)}
  Other:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: nodejs20.x
      CodeUri: s3://b/k
      Events:
        B: { Type: Api, Properties: { Path: /b, Method: get } }
`);
    const variants = result.apis[0]!.variants;
    expect(variants.map((v) => [v.assumptions, methodTable(v.snapshot)])).toEqual([
      [{ IsProd: true }, ["/a GET NONE - -", "/b GET NONE - -"]],
      [{ IsProd: false }, ["/b GET NONE - -"]],
    ]);
  });

  it("Fn::If in Auth: both branches become variants naming the condition", () => {
    const result = read(`${HEAD}Parameters:
  Secure: { Type: String }
Conditions:
  IsSecure: !Equals [!Ref Secure, "yes"]
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      Cors: "'*'"
      Auth:
        ApiKeyRequired: !If [IsSecure, true, false]
${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, RestApiId: !Ref Api } }
`)}`);
    expect(result.apis[0]!.variants.map((v) => [v.assumptions, methodTable(v.snapshot)])).toEqual([
      [{ IsSecure: true }, ["/a GET NONE - key", "/a OPTIONS NONE - key"]],
      [{ IsSecure: false }, ["/a GET NONE - -", "/a OPTIONS NONE - -"]],
    ]);
  });

  it("reads a local DefinitionUri through the read context; an S3 one, or an include outside the directory, is a gap that leaves resources unknown", () => {
    const files: Record<string, string> = {
      "api/openapi.yaml": `openapi: 3.0.1
info: { title: t, version: "1" }
paths:
  /x:
    get:
      x-amazon-apigateway-integration: { type: mock }
`,
    };
    const context: TemplateReadContext = {
      ...isolatedContext(),
      readRelative: (_from, path) =>
        files[path.replace(/^\.\//, "")] !== undefined
          ? { ok: true, file: { path: path.replace(/^\.\//, ""), text: files[path.replace(/^\.\//, "")] as string } }
          : { ok: false, error: { message: `${path}: outside the audited directory` } },
    };
    const template = (definition: string) => `${HEAD}Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
${definition}`;
    const local = read(template("      DefinitionUri: ./api/openapi.yaml\n"), context);
    expect(methodTable(local.apis[0]!.variants[0]!.snapshot)).toEqual(["/x GET NONE - -"]);
    expect(local.apis[0]!.files).toEqual(["template.yaml", "api/openapi.yaml"]);
    expect(local.apis[0]!.variants[0]!.locations["method /x GET"]).toMatchObject({ file: "api/openapi.yaml", line: 5 });

    const s3 = read(template("      DefinitionUri: { Bucket: b, Key: k }\n"), context);
    expect(s3.apis[0]!.variants[0]!.snapshot.missing.map((m) => m.part)).toEqual(["resources"]);
    expect(s3.apis[0]!.gaps).toEqual([expect.objectContaining({ part: "resources", message: expect.stringMatching(/points at S3/) })]);

    const outside = read(
      template("      DefinitionBody:\n        Fn::Transform: { Name: AWS::Include, Parameters: { Location: ../../etc/passwd } }\n"),
      context,
    );
    expect(outside.apis[0]!.gaps[0]).toMatchObject({ part: "resources", message: expect.stringMatching(/outside the audited directory/) });
  });

  it("stage settings: StageName, CacheClusterEnabled and MethodSettings keyed as API Gateway keys them", () => {
    const result = read(`${HEAD}Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      CacheClusterEnabled: true
      MethodSettings:
        - { ResourcePath: "/*", HttpMethod: "*", MetricsEnabled: true }
        - { ResourcePath: "/~1pets~1{id}", HttpMethod: GET, CachingEnabled: true }
${fn(`        A: { Type: Api, Properties: { Path: "/pets/{id}", Method: get, RestApiId: !Ref Api } }
`)}`);
    expect(result.apis[0]!.variants[0]!.snapshot.stages).toEqual([
      {
        stageName: "live",
        variableNames: [],
        cacheClusterEnabled: true,
        methodSettings: { "*/*": { metricsEnabled: true }, "~1pets~1{id}/GET": { cachingEnabled: true } },
      },
      { stageName: "Stage", variableNames: [] },
    ]);
    // SAM's extra stage "Stage" is not created once OpenApiVersion is set.
    const withVersion = read(`${HEAD}Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: live
      OpenApiVersion: "2.0"
${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, RestApiId: !Ref Api } }
`)}`);
    expect(withVersion.apis[0]!.variants[0]!.snapshot.stages?.map((s) => s.stageName)).toEqual(["live"]);
  });

  it("refuses a file that is not SAM, naming it", () => {
    expect(readSamTemplate({ path: "x.yaml", text: "Resources: { B: { Type: AWS::S3::Bucket } }\n" }, isolatedContext())).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^x\.yaml: not a SAM template/) },
    });
  });
});

describe("readSamTemplate MergeDefinitions", () => {
  it("merges each event's generated method over the DefinitionBody's own, generated keys winning", () => {
    const result = read(`${HEAD}Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      MergeDefinitions: true
      Auth:
        ApiKeyRequired: true
      DefinitionBody:
        openapi: 3.0.1
        info: { title: t, version: "1" }
        paths:
          /a:
            get:
              operationId: keepMe
              responses: { "200": { description: ok } }
          /written:
            post:
              x-amazon-apigateway-integration: { type: mock }
${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, RestApiId: !Ref Api } }
`)}`);
    const snapshot = result.apis[0]!.variants[0]!.snapshot;
    expect(methodTable(snapshot)).toEqual(["/a GET NONE - key", "/written POST NONE - key"]);
    const get = snapshot.resources!.find((r) => r.path === "/a")!.resourceMethods!.GET!;
    expect(get.operationName).toBe("keepMe");
    expect(get.methodIntegration!.type).toBe("AWS_PROXY");
    expect(get.methodResponses).toEqual({});
  });
});

describe("readSamTemplate GatewayResponses", () => {
  it("turns GatewayResponses into gateway responses with prefixed parameters and a string status code", () => {
    const result = read(`${HEAD}Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: v1
      GatewayResponses:
        UNAUTHORIZED:
          StatusCode: 401
          ResponseParameters:
            Headers:
              Access-Control-Allow-Origin: "'*'"
${fn(`        A: { Type: Api, Properties: { Path: /a, Method: get, RestApiId: !Ref Api } }
`)}`);
    const variant = result.apis[0]!.variants[0]!;
    expect(variant.snapshot.gatewayResponses).toEqual([
      {
        responseType: "UNAUTHORIZED",
        statusCode: "401",
        defaultResponse: false,
        responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
        responseTemplates: {},
      },
    ]);
    expect(variant.locations["gatewayResponse UNAUTHORIZED"]).toMatchObject({ line: 8, column: 9 });
  });
});

describe("readSamTemplate: an inline DefinitionBody is resolved copy-on-write", () => {
  const template = (cors: string) => `${HEAD}Conditions:
  Wide: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
${cors}      DefinitionBody:
        openapi: 3.0.1
        info: { title: t, version: '1' }
        paths:
          /a:
            get:
              x-amazon-apigateway-integration: { type: mock }
          /b:
            Fn::If:
              - Wide
              - get: { x-amazon-apigateway-integration: { type: mock } }
              - put: { x-amazon-apigateway-integration: { type: mock } }
`;

  it("adds SAM's CORS methods in every variant without editing the template (read twice, same result)", () => {
    const text = template("      Cors: \"'https://a.example'\"\n");
    const first = read(text);
    const second = read(text);
    expect(second).toEqual(first);
    const tables = first.apis[0]!.variants.map((v) => methodTable(v.snapshot));
    expect(tables).toEqual([
      ["/a GET NONE - -", "/a OPTIONS NONE - -", "/b GET NONE - -", "/b OPTIONS NONE - -"],
      ["/a GET NONE - -", "/a OPTIONS NONE - -", "/b OPTIONS NONE - -", "/b PUT NONE - -"],
    ]);
  });

  it("reads a body nothing edits the same way", () => {
    const text = template("");
    const result = read(text);
    expect(read(text)).toEqual(result);
    expect(result.apis[0]!.variants.map((v) => methodTable(v.snapshot))).toEqual([
      ["/a GET NONE - -", "/b GET NONE - -"],
      ["/a GET NONE - -", "/b PUT NONE - -"],
    ]);
  });
});
