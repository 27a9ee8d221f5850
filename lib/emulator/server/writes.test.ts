import {
  BadRequestException,
  ConflictException,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteAuthorizerCommand,
  DeleteGatewayResponseCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  FlushStageAuthorizersCacheCommand,
  FlushStageCacheCommand,
  GetGatewayResponseCommand,
  GetMethodCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  NotFoundException,
  PutGatewayResponseCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateAuthorizerCommand,
  UpdateGatewayResponseCommand,
  UpdateIntegrationCommand,
  UpdateIntegrationResponseCommand,
  UpdateMethodCommand,
  UpdateMethodResponseCommand,
  UpdateStageCommand,
  GetDeploymentCommand,
  CreateApiKeyCommand,
  GetApiKeysCommand,
  GetApiKeyCommand,
  TestInvokeAuthorizerCommand,
  GetAuthorizersCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../index";
import { STOREFRONT_API_ID } from "../seeds/storefront";
import { emulatorClient } from "../testing/sdk-client";

let emulator: Emulator;
let client: ReturnType<typeof emulatorClient>;

beforeAll(async () => {
  emulator = await startEmulator({});
  client = emulatorClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

async function newApi(name: string) {
  const api = await client.send(new CreateRestApiCommand({ name }));
  const restApiId = api.id!;
  const users = await client.send(new CreateResourceCommand({ restApiId, parentId: api.rootResourceId!, pathPart: "users" }));
  const user = await client.send(new CreateResourceCommand({ restApiId, parentId: users.id!, pathPart: "{id}" }));
  return { restApiId, rootId: api.rootResourceId!, usersId: users.id!, userId: user.id! };
}

describe("writes through the real SDK", () => {
  it("creates an API with its root resource and AWS defaults", async () => {
    const api = await client.send(new CreateRestApiCommand({ name: "orders", description: "d" }));
    expect(api.apiKeySource).toBe("HEADER");
    expect(api.endpointConfiguration?.types).toEqual(["EDGE"]);
    expect(api.id).toMatch(/^[a-z0-9]{10}$/);
    const resources = await client.send(new GetResourcesCommand({ restApiId: api.id! }));
    expect(resources.items).toEqual([{ id: api.rootResourceId, path: "/" }]);
    await client.send(new DeleteRestApiCommand({ restApiId: api.id! }));
    await expect(client.send(new GetRestApiCommand({ restApiId: api.id! }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it("validates resources: duplicate → Conflict, second variable sibling and child of greedy → BadRequest", async () => {
    const { restApiId, rootId, usersId } = await newApi("resources");
    await expect(client.send(new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: "users" }))).rejects.toBeInstanceOf(
      ConflictException,
    );
    await expect(client.send(new CreateResourceCommand({ restApiId, parentId: usersId, pathPart: "{name}" }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    const proxy = await client.send(new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: "{proxy+}" }));
    expect(proxy.path).toBe("/{proxy+}");
    await expect(client.send(new CreateResourceCommand({ restApiId, parentId: proxy.id!, pathPart: "x" }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(client.send(new CreateResourceCommand({ restApiId, parentId: rootId, pathPart: "bad path" }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await client.send(new DeleteResourceCommand({ restApiId, resourceId: usersId }));
    const left = await client.send(new GetResourcesCommand({ restApiId }));
    expect(left.items!.map((item) => item.path).sort()).toEqual(["/", "/{proxy+}"]);
  });

  it("puts, patches and deletes methods with AWS's validation", async () => {
    const { restApiId, userId } = await newApi("methods");
    await expect(
      client.send(new PutMethodCommand({ restApiId, resourceId: userId, httpMethod: "GET", authorizationType: "MAGIC" })),
    ).rejects.toBeInstanceOf(BadRequestException);
    await expect(
      client.send(new PutMethodCommand({ restApiId, resourceId: userId, httpMethod: "GET", authorizationType: "CUSTOM" })),
    ).rejects.toBeInstanceOf(BadRequestException);
    await expect(
      client.send(new PutMethodCommand({ restApiId, resourceId: userId, httpMethod: "FETCH", authorizationType: "NONE" })),
    ).rejects.toBeInstanceOf(BadRequestException);
    const authorizer = await client.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: "auth",
        type: "TOKEN",
        identitySource: "method.request.header.Authorization",
        authorizerUri:
          "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:a/invocations",
      }),
    );
    const put = await client.send(
      new PutMethodCommand({ restApiId, resourceId: userId, httpMethod: "GET", authorizationType: "CUSTOM", authorizerId: authorizer.id }),
    );
    expect(put).toMatchObject({ httpMethod: "GET", authorizationType: "CUSTOM", authorizerId: authorizer.id, apiKeyRequired: false });
    await expect(
      client.send(new PutMethodCommand({ restApiId, resourceId: userId, httpMethod: "GET", authorizationType: "NONE" })),
    ).rejects.toBeInstanceOf(ConflictException);
    await expect(
      client.send(
        new PutMethodCommand({
          restApiId,
          resourceId: userId,
          httpMethod: "POST",
          authorizationType: "COGNITO_USER_POOLS",
          authorizerId: authorizer.id,
        }),
      ),
    ).rejects.toBeInstanceOf(BadRequestException);

    const updated = await client.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "GET",
        patchOperations: [
          { op: "replace", path: "/authorizationType", value: "NONE" },
          { op: "replace", path: "/apiKeyRequired", value: "true" },
          { op: "add", path: "/requestParameters/method.request.header.X-Trace", value: "false" },
        ],
      }),
    );
    expect(updated.authorizationType).toBe("NONE");
    expect(updated.authorizerId).toBeUndefined();
    expect(updated.apiKeyRequired).toBe(true);
    expect(updated.requestParameters).toEqual({ "method.request.header.X-Trace": false });
    await expect(
      client.send(
        new UpdateMethodCommand({
          restApiId,
          resourceId: userId,
          httpMethod: "GET",
          patchOperations: [{ op: "replace", path: "/nope", value: "x" }],
        }),
      ),
    ).rejects.toBeInstanceOf(BadRequestException);
    await expect(client.send(new DeleteAuthorizerCommand({ restApiId, authorizerId: authorizer.id! }))).resolves.toBeDefined();
    await client.send(new DeleteMethodCommand({ restApiId, resourceId: userId, httpMethod: "GET" }));
    await expect(client.send(new GetMethodCommand({ restApiId, resourceId: userId, httpMethod: "GET" }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
  });

  it("puts and patches integrations, method responses and integration responses", async () => {
    const { restApiId, userId } = await newApi("integrations");
    await client.send(new PutMethodCommand({ restApiId, resourceId: userId, httpMethod: "OPTIONS", authorizationType: "NONE" }));
    await expect(
      client.send(new PutIntegrationResponseCommand({ restApiId, resourceId: userId, httpMethod: "OPTIONS", statusCode: "200" })),
    ).rejects.toBeInstanceOf(NotFoundException);
    await expect(
      client.send(new PutIntegrationCommand({ restApiId, resourceId: userId, httpMethod: "OPTIONS", type: "HTTP" })),
    ).rejects.toBeInstanceOf(BadRequestException);
    const integration = await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "OPTIONS",
        type: "MOCK",
        requestTemplates: { "application/json": '{"statusCode": 200}' },
      }),
    );
    expect(integration).toMatchObject({
      type: "MOCK",
      passthroughBehavior: "WHEN_NO_MATCH",
      timeoutInMillis: 29000,
      cacheNamespace: userId,
      cacheKeyParameters: [],
    });

    const header = "method.response.header.Access-Control-Allow-Origin";
    await expect(
      client.send(
        new PutIntegrationResponseCommand({
          restApiId,
          resourceId: userId,
          httpMethod: "OPTIONS",
          statusCode: "200",
          responseParameters: { [header]: "'*'" },
        }),
      ),
    ).rejects.toThrow(/Invalid mapping expression/);
    await client.send(
      new PutMethodResponseCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "OPTIONS",
        statusCode: "200",
        responseParameters: { [header]: false },
      }),
    );
    await expect(
      client.send(new PutMethodResponseCommand({ restApiId, resourceId: userId, httpMethod: "OPTIONS", statusCode: "200" })),
    ).rejects.toBeInstanceOf(ConflictException);
    await client.send(
      new PutIntegrationResponseCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "OPTIONS",
        statusCode: "200",
        responseParameters: { [header]: "'*'" },
      }),
    );

    const methodsHeader = "method.response.header.Access-Control-Allow-Methods";
    const methodResponse = await client.send(
      new UpdateMethodResponseCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "OPTIONS",
        statusCode: "200",
        patchOperations: [{ op: "add", path: `/responseParameters/${methodsHeader}`, value: "false" }],
      }),
    );
    expect(methodResponse.responseParameters).toEqual({ [header]: false, [methodsHeader]: false });
    const integrationResponse = await client.send(
      new UpdateIntegrationResponseCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "OPTIONS",
        statusCode: "200",
        patchOperations: [
          { op: "add", path: `/responseParameters/${methodsHeader}`, value: "'GET,OPTIONS'" },
          { op: "add", path: "/responseTemplates/application~1json", value: "" },
        ],
      }),
    );
    expect(integrationResponse.responseParameters).toEqual({ [header]: "'*'", [methodsHeader]: "'GET,OPTIONS'" });
    expect(integrationResponse.responseTemplates).toEqual({ "application/json": "" });

    // Only integration-response sources are accepted (API_IntegrationResponse.html, responseParameters): a method
    // request value such as the caller's Origin, or nonsense, is refused on put and on patch alike.
    for (const value of ["method.request.header.Origin", "nonsense", "integration.request.header.x", "'unterminated"]) {
      await expect(
        client.send(
          new PutIntegrationResponseCommand({
            restApiId,
            resourceId: userId,
            httpMethod: "OPTIONS",
            statusCode: "200",
            responseParameters: { [header]: value },
          }),
        ),
        value,
      ).rejects.toThrow(/Invalid mapping expression/);
    }
    await expect(
      client.send(
        new UpdateIntegrationResponseCommand({
          restApiId,
          resourceId: userId,
          httpMethod: "OPTIONS",
          statusCode: "200",
          patchOperations: [{ op: "replace", path: `/responseParameters/${header}`, value: "method.request.header.Origin" }],
        }),
      ),
    ).rejects.toThrow(/Invalid mapping expression/);
    for (const value of [
      "integration.response.header.Origin",
      "integration.response.multivalueheader.Vary",
      "integration.response.body",
      "integration.response.body.cors.origin",
      "stageVariables.origin",
      "context.requestId",
    ]) {
      const accepted = await client.send(
        new UpdateIntegrationResponseCommand({
          restApiId,
          resourceId: userId,
          httpMethod: "OPTIONS",
          statusCode: "200",
          patchOperations: [{ op: "replace", path: `/responseParameters/${header}`, value }],
        }),
      );
      expect(accepted.responseParameters?.[header], value).toBe(value);
    }
    await client.send(
      new UpdateIntegrationResponseCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "OPTIONS",
        statusCode: "200",
        patchOperations: [{ op: "replace", path: `/responseParameters/${header}`, value: "'*'" }],
      }),
    );

    const patched = await client.send(
      new UpdateIntegrationCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "OPTIONS",
        patchOperations: [
          { op: "replace", path: "/timeoutInMillis", value: "5000" },
          { op: "replace", path: "/requestTemplates/application~1json", value: "{}" },
        ],
      }),
    );
    expect(patched.timeoutInMillis).toBe(5000);
    expect(patched.requestTemplates).toEqual({ "application/json": "{}" });
    expect(patched.integrationResponses?.["200"]?.responseParameters?.[methodsHeader]).toBe("'GET,OPTIONS'");
  });

  it("creates, updates and protects authorizers", async () => {
    const { restApiId, userId } = await newApi("authorizers");
    await expect(client.send(new CreateAuthorizerCommand({ restApiId, name: "x", type: "TOKEN" }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(client.send(new CreateAuthorizerCommand({ restApiId, name: "x", type: "COGNITO_USER_POOLS" }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    const cognito = await client.send(
      new CreateAuthorizerCommand({
        restApiId,
        name: "pool",
        type: "COGNITO_USER_POOLS",
        providerARNs: ["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x"],
      }),
    );
    await client.send(
      new PutMethodCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "GET",
        authorizationType: "COGNITO_USER_POOLS",
        authorizerId: cognito.id,
        authorizationScopes: ["read"],
      }),
    );
    await expect(client.send(new DeleteAuthorizerCommand({ restApiId, authorizerId: cognito.id! }))).rejects.toBeInstanceOf(
      ConflictException,
    );
    const updated = await client.send(
      new UpdateAuthorizerCommand({
        restApiId,
        authorizerId: cognito.id!,
        patchOperations: [
          { op: "replace", path: "/authorizerResultTtlInSeconds", value: "0" },
          { op: "replace", path: "/name", value: "pool2" },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: "pool2", authorizerResultTtlInSeconds: 0 });
    await expect(
      client.send(
        new UpdateAuthorizerCommand({
          restApiId,
          authorizerId: cognito.id!,
          patchOperations: [{ op: "replace", path: "/authorizerResultTtlInSeconds", value: "7200" }],
        }),
      ),
    ).rejects.toBeInstanceOf(BadRequestException);
  });

  it("deploys snapshots, creates and patches stages including method settings", async () => {
    const { restApiId, userId } = await newApi("deploy");
    await expect(client.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }))).rejects.toThrow(
      "The REST API doesn't contain any methods",
    );
    await client.send(new PutMethodCommand({ restApiId, resourceId: userId, httpMethod: "GET", authorizationType: "NONE" }));
    await expect(client.send(new CreateDeploymentCommand({ restApiId, stageName: "prod" }))).rejects.toThrow(/No integration defined/);
    await client.send(new PutIntegrationCommand({ restApiId, resourceId: userId, httpMethod: "GET", type: "MOCK" }));
    const first = await client.send(new CreateDeploymentCommand({ restApiId, stageName: "prod", variables: { mode: "live" } }));
    await client.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId: userId,
        httpMethod: "GET",
        patchOperations: [{ op: "replace", path: "/apiKeyRequired", value: "true" }],
      }),
    );
    const summary = await client.send(new GetDeploymentCommand({ restApiId, deploymentId: first.id!, embed: ["apisummary"] }));
    expect(summary.apiSummary).toEqual({ "/users/{id}": { GET: { authorizationType: "NONE", apiKeyRequired: false } } });

    await expect(client.send(new CreateStageCommand({ restApiId, stageName: "prod", deploymentId: first.id! }))).rejects.toBeInstanceOf(
      ConflictException,
    );
    await expect(client.send(new CreateStageCommand({ restApiId, stageName: "qa", deploymentId: "missing000" }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    const second = await client.send(new CreateDeploymentCommand({ restApiId }));
    const qa = await client.send(new CreateStageCommand({ restApiId, stageName: "qa", deploymentId: second.id! }));
    expect(qa).toMatchObject({ stageName: "qa", deploymentId: second.id, cacheClusterEnabled: false, methodSettings: {} });

    const stage = await client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: "prod",
        patchOperations: [
          { op: "replace", path: "/deploymentId", value: second.id },
          { op: "replace", path: "/cacheClusterEnabled", value: "true" },
          { op: "add", path: "/variables/secret", value: "s3cr3t" },
          { op: "replace", path: "/*/*/caching/ttlInSeconds", value: "60" },
          { op: "replace", path: "/~1users~1{id}/GET/caching/enabled", value: "true" },
        ],
      }),
    );
    expect(stage).toMatchObject({
      deploymentId: second.id,
      cacheClusterEnabled: true,
      cacheClusterSize: "0.5",
      cacheClusterStatus: "AVAILABLE",
    });
    expect(stage.variables).toEqual({ mode: "live", secret: "s3cr3t" });
    expect(stage.methodSettings?.["*/*"]).toMatchObject({
      cacheTtlInSeconds: 60,
      cachingEnabled: false,
      requireAuthorizationForCacheControl: true,
    });
    expect(stage.methodSettings?.["~1users~1{id}/GET"]).toMatchObject({ cacheTtlInSeconds: 60, cachingEnabled: true });
    await expect(
      client.send(
        new UpdateStageCommand({
          restApiId,
          stageName: "prod",
          patchOperations: [{ op: "replace", path: "/*/*/caching/bogus", value: "1" }],
        }),
      ),
    ).rejects.toBeInstanceOf(BadRequestException);
    await expect(
      client.send(
        new UpdateStageCommand({
          restApiId,
          stageName: "prod",
          patchOperations: [{ op: "replace", path: "/deploymentId", value: "missing000" }],
        }),
      ),
    ).rejects.toBeInstanceOf(BadRequestException);
    const removed = await client.send(
      new UpdateStageCommand({
        restApiId,
        stageName: "prod",
        patchOperations: [
          { op: "remove", path: "/~1users~1{id}/GET" },
          { op: "remove", path: "/variables/secret" },
        ],
      }),
    );
    expect(Object.keys(removed.methodSettings ?? {})).toEqual(["*/*"]);
    expect(removed.variables).toEqual({ mode: "live" });

    await client.send(new FlushStageAuthorizersCacheCommand({ restApiId, stageName: "prod" }));
    await client.send(new FlushStageCacheCommand({ restApiId, stageName: "prod" }));
    await expect(client.send(new FlushStageCacheCommand({ restApiId, stageName: "qa" }))).rejects.toBeInstanceOf(BadRequestException);
  });

  it("customises, patches and resets gateway responses", async () => {
    const { restApiId } = await newApi("gateway-responses");
    const put = await client.send(
      new PutGatewayResponseCommand({
        restApiId,
        responseType: "DEFAULT_4XX",
        responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" },
      }),
    );
    expect(put).toMatchObject({ responseType: "DEFAULT_4XX", defaultResponse: false });
    await expect(client.send(new PutGatewayResponseCommand({ restApiId, responseType: "NOT_A_TYPE" as never }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
    const patched = await client.send(
      new UpdateGatewayResponseCommand({
        restApiId,
        responseType: "UNAUTHORIZED",
        patchOperations: [{ op: "add", path: "/responseParameters/gatewayresponse.header.Access-Control-Allow-Origin", value: "'*'" }],
      }),
    );
    expect(patched).toMatchObject({ statusCode: "401", defaultResponse: false });
    await client.send(new DeleteGatewayResponseCommand({ restApiId, responseType: "DEFAULT_4XX" }));
    const reset = await client.send(new GetGatewayResponseCommand({ restApiId, responseType: "DEFAULT_4XX" }));
    expect(reset.defaultResponse).toBe(true);
  });

  it("hides API key values unless includeValue(s) is set", async () => {
    const created = await client.send(new CreateApiKeyCommand({ name: "partner", enabled: true }));
    expect(created.value).toHaveLength(40);
    const listed = await client.send(new GetApiKeysCommand({}));
    expect(listed.items!.find((key) => key.id === created.id)!.value).toBeUndefined();
    const withValues = await client.send(new GetApiKeysCommand({ includeValues: true }));
    expect(withValues.items!.find((key) => key.id === created.id)!.value).toBe(created.value);
    expect((await client.send(new GetApiKeyCommand({ apiKey: created.id! }))).value).toBeUndefined();
    expect((await client.send(new GetApiKeyCommand({ apiKey: created.id!, includeValue: true }))).value).toBe(created.value);
  });

  it("test-invokes the seed's TOKEN authorizer", async () => {
    const authorizers = await client.send(new GetAuthorizersCommand({ restApiId: STOREFRONT_API_ID }));
    const token = authorizers.items!.find((authorizer) => authorizer.name === "storefront-token")!;
    const allowed = await client.send(
      new TestInvokeAuthorizerCommand({
        restApiId: STOREFRONT_API_ID,
        authorizerId: token.id!,
        headers: { Authorization: "allow-jane" },
        pathWithQueryString: "/products",
      }),
    );
    expect(allowed.clientStatus).toBe(200);
    expect(JSON.parse(allowed.policy!).Statement[0].Resource).toBe(
      `arn:aws:execute-api:us-east-1:123456789012:${STOREFRONT_API_ID}/ESTestInvoke-stage/GET/products`,
    );
    const rejected = await client.send(
      new TestInvokeAuthorizerCommand({ restApiId: STOREFRONT_API_ID, authorizerId: token.id!, headers: { Authorization: "nope" } }),
    );
    expect(rejected.clientStatus).toBe(401);
  });
});
