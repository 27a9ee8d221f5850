import { readFileSync } from "node:fs";
import {
  BadRequestException,
  GetAuthorizersCommand,
  GetGatewayResponseCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../index";
import { emulatorClient } from "../testing/sdk-client";

const CORPUS = "/work/shared/corpus/openapi/";
const SMITHY_CORS = `${CORPUS}smithy-lang__smithy__smithy-aws-apigateway-openapi__src__test__resources__software__amazon__smithy__aws__apigateway__openapi__cors-with-custom-gateway-response-headers.openapi.json`;

const SWAGGER_YAML = `
swagger: "2.0"
info: { title: shop-import, version: "1.0" }
x-amazon-apigateway-api-key-source: AUTHORIZER
securityDefinitions:
  TokenAuth:
    type: apiKey
    name: Authorization
    in: header
    x-amazon-apigateway-authtype: custom
    x-amazon-apigateway-authorizer:
      type: token
      authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
      authorizerResultTtlInSeconds: 300
  api_key: { type: apiKey, name: x-api-key, in: header }
  sigv4: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
security:
  - TokenAuth: []
paths:
  /items:
    get:
      security: [ { TokenAuth: [], api_key: [] } ]
      responses: { "200": { description: ok } }
      x-amazon-apigateway-integration: { type: mock, requestTemplates: { application/json: '{"statusCode": 200}' }, responses: { default: { statusCode: "200" } } }
    options:
      security: []
      responses:
        "200":
          description: cors
          headers: { Access-Control-Allow-Origin: { type: string } }
      x-amazon-apigateway-integration:
        type: mock
        responses:
          default:
            statusCode: "200"
            responseParameters: { method.response.header.Access-Control-Allow-Origin: "'*'" }
  /items/{id}:
    parameters: [ { name: id, in: path, required: true, type: string } ]
    delete:
      security: [ { sigv4: [] } ]
      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: DELETE, uri: "https://backend.example.com/items/{id}" }
  /admin/{proxy+}:
    x-amazon-apigateway-any-method:
      x-amazon-apigateway-integration: { type: mock }
x-amazon-apigateway-gateway-responses:
  DEFAULT_4XX:
    responseParameters: { gatewayresponse.header.Access-Control-Allow-Origin: "'*'" }
`;

let emulator: Emulator;
let client: ReturnType<typeof emulatorClient>;
const encode = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  emulator = await startEmulator({ seed: false });
  client = emulatorClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

describe("ImportRestApi / PutRestApi", () => {
  it("imports Swagger 2 YAML with authorizers, API keys, IAM, ANY and gateway responses", async () => {
    const api = await client.send(new ImportRestApiCommand({ body: encode(SWAGGER_YAML) }));
    expect(api).toMatchObject({ name: "shop-import", version: "1.0", apiKeySource: "AUTHORIZER" });
    const authorizers = await client.send(new GetAuthorizersCommand({ restApiId: api.id! }));
    expect(authorizers.items).toEqual([
      expect.objectContaining({
        name: "TokenAuth",
        type: "TOKEN",
        identitySource: "method.request.header.Authorization",
        authorizerResultTtlInSeconds: 300,
      }),
    ]);
    const resources = await client.send(new GetResourcesCommand({ restApiId: api.id!, embed: ["methods"], limit: 500 }));
    const byPath = Object.fromEntries(resources.items!.map((item) => [item.path, item.resourceMethods ?? {}]));
    expect(byPath["/items"]!.GET).toMatchObject({
      authorizationType: "CUSTOM",
      authorizerId: authorizers.items![0]!.id,
      apiKeyRequired: true,
    });
    expect(byPath["/items"]!.OPTIONS).toMatchObject({ authorizationType: "NONE", apiKeyRequired: false });
    expect(byPath["/items"]!.OPTIONS!.methodIntegration!.integrationResponses!["200"]!.responseParameters).toEqual({
      "method.response.header.Access-Control-Allow-Origin": "'*'",
    });
    expect(byPath["/items/{id}"]!.DELETE).toMatchObject({
      authorizationType: "AWS_IAM",
      requestParameters: { "method.request.path.id": true },
    });
    expect(byPath["/items/{id}"]!.DELETE!.methodIntegration).toMatchObject({ type: "HTTP_PROXY", httpMethod: "DELETE" });
    expect(byPath["/admin/{proxy+}"]!.ANY).toMatchObject({ authorizationType: "CUSTOM" });
    const default4xx = await client.send(new GetGatewayResponseCommand({ restApiId: api.id!, responseType: "DEFAULT_4XX" }));
    expect(default4xx).toMatchObject({
      defaultResponse: false,
      responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
    });
  });

  it("imports a real Smithy-generated OpenAPI 3 document from the corpus", async () => {
    const api = await client.send(new ImportRestApiCommand({ body: readFileSync(SMITHY_CORS) }));
    expect(api.name).toBe("MyService");
    expect(api.warnings?.length).toBeGreaterThan(0);
    const resources = await client.send(new GetResourcesCommand({ restApiId: api.id!, embed: ["methods"] }));
    const foo = resources.items!.find((item) => item.path === "/foo")!;
    expect(Object.keys(foo.resourceMethods!).sort()).toEqual(["OPTIONS", "PUT"]);
    expect(foo.resourceMethods!.PUT!.methodIntegration!.type).toBe("AWS_PROXY");
  });

  it("rejects bad documents with BadRequestException and leaves nothing behind", async () => {
    const before = (await client.send(new GetRestApisCommand({}))).items!.length;
    await expect(client.send(new ImportRestApiCommand({ body: encode("not: [valid") }))).rejects.toBeInstanceOf(BadRequestException);
    await expect(client.send(new ImportRestApiCommand({ body: encode('{"hello": 1}') }))).rejects.toThrow(/swagger|openapi/);
    const brokenIntegration = SWAGGER_YAML.replace("type: http_proxy, httpMethod: DELETE,", "type: http_proxy,");
    await expect(client.send(new ImportRestApiCommand({ body: encode(brokenIntegration) }))).rejects.toThrow(/Errors found during import/);
    await expect(client.send(new ImportRestApiCommand({ body: encode(SWAGGER_YAML), failOnWarnings: true }))).resolves.toBeDefined();
    expect((await client.send(new GetRestApisCommand({}))).items!.length).toBe(before + 1);
  });

  it("merges and overwrites with PutRestApi", async () => {
    const api = await client.send(new ImportRestApiCommand({ body: encode(SWAGGER_YAML) }));
    const extra = `openapi: 3.0.1
info: { title: extra, version: "2" }
paths:
  /health:
    get:
      x-amazon-apigateway-integration: { type: mock }
`;
    await client.send(new PutRestApiCommand({ restApiId: api.id!, body: encode(extra), mode: "merge" }));
    let paths = (await client.send(new GetResourcesCommand({ restApiId: api.id!, limit: 500 }))).items!.map((item) => item.path);
    expect(paths).toEqual(expect.arrayContaining(["/items", "/health"]));
    await client.send(new PutRestApiCommand({ restApiId: api.id!, body: encode(extra), mode: "overwrite" }));
    paths = (await client.send(new GetResourcesCommand({ restApiId: api.id!, limit: 500 }))).items!.map((item) => item.path);
    expect(paths.sort()).toEqual(["/", "/health"]);
    expect((await client.send(new GetAuthorizersCommand({ restApiId: api.id! }))).items).toEqual([]);
    await expect(
      client.send(new PutRestApiCommand({ restApiId: api.id!, body: encode("swagger: '1.2'"), mode: "overwrite" })),
    ).rejects.toBeInstanceOf(BadRequestException);
    expect((await client.send(new GetResourcesCommand({ restApiId: api.id!, limit: 500 }))).items!.map((item) => item.path).sort()).toEqual(
      ["/", "/health"],
    );
  });
});
