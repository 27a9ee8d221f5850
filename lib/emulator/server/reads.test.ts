import {
  GetAuthorizersCommand,
  GetDeploymentCommand,
  GetGatewayResponseCommand,
  GetGatewayResponsesCommand,
  GetIntegrationCommand,
  GetMethodCommand,
  GetResourceCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetStageCommand,
  GetStagesCommand,
  NotFoundException,
  BadRequestException,
  paginateGetResources,
  paginateGetRestApis,
  CreateRestApiCommand,
  GetRestApisCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../index";
import { STOREFRONT_API_ID, STOREFRONT_PROD_DEPLOYMENT_ID } from "../seeds/storefront";
import { emulatorClient } from "../testing/sdk-client";

let emulator: Emulator;
let client: ReturnType<typeof emulatorClient>;

beforeAll(async () => {
  emulator = await startEmulator({ defaultPageSize: 2 });
  client = emulatorClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

describe("reads through the real SDK", () => {
  it("paginates GetRestApis with tiny pages and a position token", async () => {
    await client.send(new CreateRestApiCommand({ name: "third" }));
    const first = await client.send(new GetRestApisCommand({}));
    expect(first.items).toHaveLength(2);
    expect(first.position).toBeTypeOf("string");
    const names: string[] = [];
    for await (const page of paginateGetRestApis({ client }, {})) names.push(...(page.items ?? []).map((api) => api.name ?? ""));
    expect(names).toEqual(["storefront", "healthy", "proxy", "lambda-proxy", "files", "third"]);
  });

  it("paginates GetResources and honours embed=methods", async () => {
    const bare: string[] = [];
    let pages = 0;
    for await (const page of paginateGetResources({ client }, { restApiId: STOREFRONT_API_ID })) {
      pages += 1;
      expect(page.items!.length).toBeLessThanOrEqual(2);
      for (const item of page.items ?? []) bare.push(item.path ?? "");
    }
    expect(pages).toBeGreaterThan(3);
    expect(bare).toContain("/admin/{proxy+}");

    const withoutEmbed = await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID, limit: 500 }));
    const products = withoutEmbed.items!.find((item) => item.path === "/products")!;
    expect(products.resourceMethods).toEqual({ GET: {}, OPTIONS: {} });
    expect(withoutEmbed.position).toBeUndefined();

    const embedded = await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID, limit: 500, embed: ["methods"] }));
    const options = embedded.items!.find((item) => item.path === "/products")!.resourceMethods!.OPTIONS!;
    expect(options.authorizationType).toBe("CUSTOM");
    expect(options.methodIntegration?.type).toBe("MOCK");
    expect(
      options.methodIntegration?.integrationResponses?.["200"]?.responseParameters?.["method.response.header.Access-Control-Allow-Methods"],
    ).toBe("'GET,OPTIONS'");
    expect(embedded.items!.find((item) => item.path === "/")!.resourceMethods).toBeUndefined();
  });

  it("rejects limit above 500", async () => {
    await expect(client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID, limit: 501 }))).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });

  it("reads one resource, method and integration", async () => {
    const all = await client.send(new GetResourcesCommand({ restApiId: STOREFRONT_API_ID, limit: 500 }));
    const id = all.items!.find((item) => item.path === "/products/{id}")!.id!;
    const resource = await client.send(new GetResourceCommand({ restApiId: STOREFRONT_API_ID, resourceId: id }));
    expect(Object.keys(resource.resourceMethods ?? {})).toEqual(["GET", "PUT", "DELETE", "OPTIONS"]);
    const method = await client.send(new GetMethodCommand({ restApiId: STOREFRONT_API_ID, resourceId: id, httpMethod: "GET" }));
    expect(method.requestParameters).toEqual({ "method.request.path.id": true });
    const integration = await client.send(new GetIntegrationCommand({ restApiId: STOREFRONT_API_ID, resourceId: id, httpMethod: "GET" }));
    expect(integration.cacheKeyParameters).toEqual(["method.request.path.id"]);
    expect(integration.timeoutInMillis).toBe(29000);
  });

  it("lists authorizers, stages and gateway responses", async () => {
    const authorizers = await client.send(new GetAuthorizersCommand({ restApiId: STOREFRONT_API_ID, limit: 500 }));
    const token = authorizers.items!.find((authorizer) => authorizer.name === "storefront-token")!;
    expect(token.type).toBe("TOKEN");
    expect(token.authorizerResultTtlInSeconds).toBeUndefined();
    expect(token.identitySource).toBe("method.request.header.Authorization");

    const stages = await client.send(new GetStagesCommand({ restApiId: STOREFRONT_API_ID }));
    expect(stages.item!.map((stage) => stage.stageName)).toEqual(["prod", "dev"]);
    const prod = await client.send(new GetStageCommand({ restApiId: STOREFRONT_API_ID, stageName: "prod" }));
    expect(prod.createdDate).toBeInstanceOf(Date);
    expect(prod.methodSettings?.["~1products~1{id}/GET"]?.cachingEnabled).toBe(true);
    expect(prod.methodSettings?.["*/*"]?.requireAuthorizationForCacheControl).toBe(false);

    const responses = await client.send(new GetGatewayResponsesCommand({ restApiId: STOREFRONT_API_ID }));
    expect(responses.items).toHaveLength(21);
    expect(responses.position).toBeUndefined();
    const default4xx = responses.items!.find((response) => response.responseType === "DEFAULT_4XX")!;
    expect(default4xx.defaultResponse).toBe(false);
    expect(default4xx.responseParameters).toEqual({});
    const default5xx = responses.items!.find((response) => response.responseType === "DEFAULT_5XX")!;
    expect(default5xx.defaultResponse).toBe(true);
    expect("statusCode" in default5xx).toBe(false);
    const missingToken = await client.send(
      new GetGatewayResponseCommand({ restApiId: STOREFRONT_API_ID, responseType: "MISSING_AUTHENTICATION_TOKEN" }),
    );
    expect(missingToken).toMatchObject({ statusCode: "403", defaultResponse: true });
  });

  it("embeds the API summary of a deployment", async () => {
    const deployment = await client.send(
      new GetDeploymentCommand({ restApiId: STOREFRONT_API_ID, deploymentId: STOREFRONT_PROD_DEPLOYMENT_ID, embed: ["apisummary"] }),
    );
    expect(deployment.apiSummary?.["/orders/{id}"]?.OPTIONS).toEqual({ authorizationType: "CUSTOM", apiKeyRequired: false });
    expect(deployment.apiSummary?.["/orders"]?.OPTIONS).toEqual({ authorizationType: "NONE", apiKeyRequired: true });
    const plain = await client.send(
      new GetDeploymentCommand({ restApiId: STOREFRONT_API_ID, deploymentId: STOREFRONT_PROD_DEPLOYMENT_ID }),
    );
    expect(plain.apiSummary).toBeUndefined();
  });

  it("answers NotFoundException for unknown ids", async () => {
    await expect(client.send(new GetRestApiCommand({ restApiId: "nope000000" }))).rejects.toBeInstanceOf(NotFoundException);
    await expect(client.send(new GetStageCommand({ restApiId: STOREFRONT_API_ID, stageName: "qa" }))).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await expect(
      client.send(new GetMethodCommand({ restApiId: STOREFRONT_API_ID, resourceId: "zzzzzzzzzz", httpMethod: "GET" })),
    ).rejects.toThrow("Invalid Resource identifier specified");
  });
});
