import { describe, expect, it } from "vitest";
import { parseTemplateDocument } from "@/lib/templates/document";
import { readOpenApiDefinition, readOpenApiFile, openApiVersion, type BasePathMode } from "@/lib/templates/openapi";
import { isolatedContext, methodTable } from "@/lib/templates/testing/method-table";

function readText(text: string, basePathMode?: BasePathMode) {
  const parsed = parseTemplateDocument("api.yaml", text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { document } = parsed;
  return readOpenApiDefinition({
    definition: document.value,
    locate: (p) => document.positionOf(p),
    ...(basePathMode ? { basePathMode } : {}),
  });
}

function table(reading: ReturnType<typeof readText>) {
  return methodTable({ region: "us-east-1", restApi: { id: "x", name: "x" }, resources: reading.resources, deployments: {}, missing: [] });
}

const SCHEMES = `
components:
  securitySchemes:
    MyLambda:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: request
        identitySource: method.request.header.Authorization, method.request.querystring.q
        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:auth/invocations
        authorizerResultTtlInSeconds: 0
    MyPool:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: cognito_user_pools
      x-amazon-apigateway-authorizer:
        type: cognito_user_pools
        providerARNs: [arn:aws:cognito-idp:us-east-1:1:userpool/p]
    sigv4:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: awsSigv4
    api_key:
      type: apiKey
      name: x-api-key
      in: header
`;

describe("readOpenApiDefinition", () => {
  it("detects OpenAPI 3 and Swagger 2 (quoted or YAML 1.1 number), nothing else", () => {
    expect(openApiVersion({ openapi: "3.0.1" })).toBe("3");
    expect(openApiVersion({ openapi: "3.1.0" })).toBe("3");
    expect(openApiVersion({ swagger: "2.0" })).toBe("2");
    expect(openApiVersion({ swagger: 2 })).toBe("2");
    expect(openApiVersion({ openapi: "2.0" })).toBeUndefined();
    expect(openApiVersion({ AWSTemplateFormatVersion: "2010-09-09" })).toBeUndefined();
    expect(openApiVersion("openapi: 3.0.0")).toBeUndefined();
  });

  it("maps security per operation: authorizers, scopes, api_key, sigv4, security: [] opting out of the root's", () => {
    const reading = readText(`openapi: "3.0.1"
info: { title: t, version: "1" }
security:
  - MyLambda: []
paths:
  /a:
    get:
      responses: {}
    options:
      security: []
    post:
      security:
        - MyPool: [email, openid]
        - api_key: []
    put:
      security:
        - sigv4: []
    x-amazon-apigateway-any-method:
      security:
        - api_key: []
${SCHEMES}`);
    expect(table(reading)).toEqual([
      "/a ANY NONE - key",
      "/a GET CUSTOM MyLambda -",
      "/a OPTIONS NONE - -",
      "/a POST COGNITO_USER_POOLS MyPool key",
      "/a PUT AWS_IAM - -",
    ]);
    const post = reading.resources.find((r) => r.path === "/a")!.resourceMethods!.POST!;
    expect(post.authorizationScopes).toEqual(["email", "openid"]);
    // Only the method that inherits the document-level security is uncertain.
    expect(Object.keys(reading.uncertainties)).toEqual(["method /a GET"]);
    expect(reading.authorizers).toEqual([
      {
        id: "MyLambda",
        name: "MyLambda",
        type: "REQUEST",
        identitySource: "method.request.header.Authorization, method.request.querystring.q",
        authorizerUri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:auth/invocations",
        authorizerResultTtlInSeconds: 0,
      },
      {
        id: "MyPool",
        name: "MyPool",
        type: "COGNITO_USER_POOLS",
        identitySource: "method.request.header.Authorization",
        providerARNs: ["arn:aws:cognito-idp:us-east-1:1:userpool/p"],
      },
    ]);
    expect(reading.locations["method /a ANY"]).toMatchObject({ line: 18, column: 5 });
    expect(reading.locations["authorizer MyPool"]).toMatchObject({ file: "api.yaml" });
    expect(reading.gaps).toEqual([]);
  });

  it("reads integration responses keyed by selection pattern, method responses and request parameters (path-level + operation)", () => {
    const reading = readText(`swagger: "2.0"
info: { title: t, version: "1" }
paths:
  /items/{id}:
    parameters:
      - { name: id, in: path, required: true, type: string }
    get:
      parameters:
        - { name: q, in: query, type: string }
        - $ref: "#/parameters/Trace"
      responses:
        "200":
          description: ok
          headers:
            Access-Control-Allow-Origin: { type: string }
        "4XX": { description: range codes have no API Gateway equivalent }
      x-amazon-apigateway-integration:
        type: http
        httpMethod: get
        uri: https://example.com/items/{id}
        requestParameters:
          integration.request.path.id: method.request.path.id
        responses:
          default:
            statusCode: "200"
            responseParameters:
              method.response.header.Access-Control-Allow-Origin: "'*'"
          ".*not found.*":
            statusCode: "404"
parameters:
  Trace: { name: X-Trace, in: header, required: true, type: string }
`);
    const get = reading.resources.find((r) => r.path === "/items/{id}")!.resourceMethods!.GET!;
    expect(get.requestParameters).toEqual({
      "method.request.path.id": true,
      "method.request.querystring.q": false,
      "method.request.header.X-Trace": true,
    });
    expect(get.methodResponses).toEqual({
      "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": false } },
    });
    expect(get.methodIntegration).toEqual({
      type: "HTTP",
      httpMethod: "GET",
      uri: "https://example.com/items/{id}",
      requestParameters: { "integration.request.path.id": "method.request.path.id" },
      integrationResponses: {
        "200": { statusCode: "200", responseParameters: { "method.response.header.Access-Control-Allow-Origin": "'*'" } },
        "404": { statusCode: "404", selectionPattern: ".*not found.*" },
      },
    });
    expect(reading.resources.map((r) => r.path)).toEqual(["/", "/items", "/items/{id}"]);
  });

  it("applies the import's basepath modes to a Swagger 2 basePath: ignore (default), prepend, split", () => {
    const text = `swagger: "2.0"
info: { title: t, version: "1" }
basePath: /a/b/c
paths:
  /e: { get: {} }
`;
    expect(readText(text).resources.map((r) => r.path)).toEqual(["/", "/e"]);
    expect(readText(text, "prepend").resources.map((r) => r.path)).toEqual(["/", "/a", "/a/b", "/a/b/c", "/a/b/c/e"]);
    expect(readText(text, "split").resources.map((r) => r.path)).toEqual(["/", "/b", "/b/c", "/b/c/e"]);
  });

  it("reads the API's own extensions", () => {
    const reading = readText(`openapi: 3.0.1
info: { title: Shop, version: "1", description: d }
x-amazon-apigateway-api-key-source: AUTHORIZER
x-amazon-apigateway-binary-media-types: ["*/*"]
x-amazon-apigateway-endpoint-configuration: { types: [REGIONAL], disableExecuteApiEndpoint: true }
x-amazon-apigateway-policy: { Version: "2012-10-17", Statement: [] }
x-amazon-apigateway-gateway-responses:
  UNAUTHORIZED:
    statusCode: 401
    responseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'" }
paths: {}
`);
    expect(reading.restApi).toEqual({
      name: "Shop",
      description: "d",
      apiKeySource: "AUTHORIZER",
      binaryMediaTypes: ["*/*"],
      endpointTypes: ["REGIONAL"],
      disableExecuteApiEndpoint: true,
      policy: '{"Version":"2012-10-17","Statement":[]}',
    });
    expect(reading.gatewayResponses).toEqual([
      {
        responseType: "UNAUTHORIZED",
        statusCode: "401",
        defaultResponse: false,
        responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
      },
    ]);
    expect(reading.locations["gatewayResponse UNAUTHORIZED"]).toMatchObject({ line: 8 });
  });

  it("labels what it cannot read as gaps and keeps going; hostile keys stay data", () => {
    const reading = readText(`openapi: 3.0.1
info: { title: t, version: "1" }
x-amazon-apigateway-something-new: 1
paths:
  relative/path: { get: {} }
  /a//b: { get: {} }
  /__proto__:
    get:
      security: [{ Nowhere: [] }]
      x-amazon-apigateway-integration: { type: websocket }
    trace: {}
  /cycle:
    get:
      parameters: [{ $ref: "#/components/parameters/A" }]
x-amazon-apigateway-gateway-responses:
  NOT_A_TYPE: {}
components:
  parameters:
    A: { $ref: "#/components/parameters/B" }
    B: { $ref: "#/components/parameters/A" }
`);
    const messages = reading.gaps.map((g) => g.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^path "relative\/path" is not an absolute path/),
        expect.stringMatching(/^path "\/a\/\/b" is not an absolute path/),
        expect.stringMatching(/names "Nowhere", which no security scheme defines/),
        expect.stringMatching(/integration type "websocket"/),
        expect.stringMatching(/TRACE is not an API Gateway method/),
        expect.stringMatching(/\$ref chain longer than/),
        expect.stringMatching(/gateway response type "NOT_A_TYPE"/),
        expect.stringMatching(/x-amazon-apigateway-something-new is not read/),
      ]),
    );
    expect(table(reading)).toEqual(["/__proto__ GET NONE - -", "/cycle GET NONE - -"]);
    expect(reading.uncertainties["method /__proto__ GET"]).toMatch(/undefined scheme "Nowhere"/);
    expect(({} as Record<string, unknown>).get).toBeUndefined();
  });

  it("keeps an integration response status named __proto__ as data, and follows $ref responses and headers", () => {
    const reading = readText(`openapi: 3.0.1
info: { title: t, version: "1" }
paths:
  /a:
    get:
      responses:
        "200": { $ref: "#/components/responses/Ok" }
        "204": { headers: { X-Direct: { required: true }, X-Shared: { $ref: "#/components/headers/Shared" } } }
        default: { description: ignored }
      x-amazon-apigateway-integration:
        type: mock
        responses:
          default: { statusCode: "__proto__" }
components:
  responses:
    Ok: { description: ok, headers: { X-Ref: { $ref: "#/components/headers/Shared" } } }
  headers:
    Shared: { required: true }
`);
    const method = reading.resources.find((r) => r.path === "/a")!.resourceMethods!.GET!;
    expect(method.methodResponses).toEqual({
      "200": { statusCode: "200", responseParameters: { "method.response.header.X-Ref": true } },
      "204": {
        statusCode: "204",
        responseParameters: { "method.response.header.X-Direct": true, "method.response.header.X-Shared": true },
      },
    });
    const responses = method.methodIntegration!.integrationResponses!;
    expect(Object.keys(responses)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(responses)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(responses, "__proto__")?.value).toEqual({ statusCode: "__proto__" });
  });

  it("reads intrinsic strings as placeholders that keep the structure", () => {
    const reading = readText(`openapi: 3.0.1
info: { title: !Sub "\${AWS::StackName}-api", version: "1" }
paths:
  /x:
    post:
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: !Sub arn:aws:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${Fn.Arn}/invocations
        requestTemplates:
          application/json: !Join ["", ["a", !Ref B, !GetAtt C.D]]
          text/plain: { "Fn::Base64": x }
`);
    expect(reading.restApi.name).toBe("${AWS::StackName}-api");
    const integration = reading.resources.find((r) => r.path === "/x")!.resourceMethods!.POST!.methodIntegration!;
    expect(integration.uri).toBe("arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations");
    expect(integration.requestTemplates).toEqual({ "application/json": "a${B}${C.D}" });
    expect(reading.gaps.map((g) => g.message)).toEqual(["text/plain could not be read as a string (an unsupported intrinsic function?)"]);
  });

  it("readOpenApiFile refuses what is not an OpenAPI definition, with the file named", () => {
    const result = readOpenApiFile({ path: "t.yaml", text: "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n" }, isolatedContext());
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^t\.yaml: not an OpenAPI definition/) } });
  });
});

describe("readOpenApiDefinition API key schemes", () => {
  it("reads an apiKey scheme for another header as an API key requirement, flagged uncertain", () => {
    const reading = readText(`swagger: "2.0"
info: { title: t, version: "1" }
paths:
  /a:
    get:
      security: [{ bearer: [] }]
    post:
      security: [{ api_key: [] }]
securityDefinitions:
  bearer: { type: apiKey, name: Authorization, in: header }
  api_key: { type: apiKey, name: x-api-key, in: header }
`);
    expect(table(reading)).toEqual(["/a GET NONE - key", "/a POST NONE - key"]);
    expect(Object.keys(reading.uncertainties)).toEqual(["method /a GET"]);
    expect(reading.uncertainties["method /a GET"]).toMatch(/not the x-api-key header/);
  });
});

describe("readOpenApiDefinition request validators", () => {
  const validators = (text: string) =>
    Object.fromEntries(
      readText(text).resources.flatMap((r) =>
        Object.entries(r.resourceMethods ?? {}).map(([verb, m]) => [`${verb} ${r.path}`, m.requestValidatorId ?? null]),
      ),
    );

  it("applies the API-level validator to every method unless the method names its own", () => {
    expect(
      validators(`
swagger: "2.0"
info: { title: t, version: "1" }
x-amazon-apigateway-request-validators:
  basic: { validateRequestBody: true, validateRequestParameters: true }
  params-only: { validateRequestBody: false, validateRequestParameters: true }
x-amazon-apigateway-request-validator: basic
paths:
  /validation:
    post:
      x-amazon-apigateway-request-validator: params-only
      responses: {}
    options:
      responses: {}
`),
    ).toEqual({ "POST /validation": "params-only", "OPTIONS /validation": "basic" });
  });

  it("leaves requestValidatorId unset where no validator is named", () => {
    expect(
      validators(`
swagger: "2.0"
info: { title: t, version: "1" }
paths:
  /reviews:
    options:
      responses: {}
`),
    ).toEqual({ "OPTIONS /reviews": null });
  });
});
