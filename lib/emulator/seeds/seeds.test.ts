import {
  GetDeploymentCommand,
  GetGatewayResponsesCommand,
  GetResourcesCommand,
  GetStagesCommand,
  GetAuthorizersCommand,
  GetRestApisCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAuthorizerFunction, type TokenAuthorizerEvent } from "../data-plane/authorizer-functions";
import { startEmulator, type Emulator } from "../index";
import { emulatorClient } from "../testing/sdk-client";
import { HEALTHY_API_ID } from "./healthy";
import { PROXY_API_ID, PROXY_DEPLOYMENT_ID } from "./proxy";
import { generateLargeApi, seedManyApis } from "./large-api";
import { STOREFRONT_API_ID, STOREFRONT_PLANTED, STOREFRONT_PROD_DEPLOYMENT_ID } from "./storefront";

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

async function methods(restApiId: string) {
  const resources = await client.send(new GetResourcesCommand({ restApiId, embed: ["methods"], limit: 500 }));
  const byKey = new Map<string, NonNullable<NonNullable<typeof resources.items>[number]["resourceMethods"]>[string]>();
  for (const resource of resources.items ?? []) {
    for (const [verb, method] of Object.entries(resource.resourceMethods ?? {})) byKey.set(`${verb} ${resource.path}`, method);
  }
  return byKey;
}

describe("storefront seed", () => {
  it("plants every documented problem where SPEC.md says", async () => {
    const draft = await methods(STOREFRONT_API_ID);
    for (const problem of STOREFRONT_PLANTED) {
      for (const where of problem.where.filter((entry) => /^[A-Z]+ \//.test(entry)))
        expect(draft.has(where), `${problem.id}: ${where}`).toBe(true);
    }
    expect(draft.get("OPTIONS /products")).toMatchObject({ authorizationType: "CUSTOM" });
    expect(draft.get("OPTIONS /account")).toMatchObject({ authorizationType: "COGNITO_USER_POOLS" });
    expect(draft.get("OPTIONS /orders")).toMatchObject({ authorizationType: "NONE", apiKeyRequired: true });
    expect(draft.has("OPTIONS /admin/{proxy+}")).toBe(false);
    expect(draft.has("OPTIONS /cart")).toBe(false);
    expect(
      draft.get("OPTIONS /products/{id}")!.methodIntegration!.integrationResponses!["200"]!.responseParameters![
        "method.response.header.Access-Control-Allow-Headers"
      ],
    ).toBe("'Content-Type'");
    expect(draft.get("OPTIONS /orders/{id}")).toMatchObject({ authorizationType: "NONE" });

    const prod = await client.send(
      new GetDeploymentCommand({ restApiId: STOREFRONT_API_ID, deploymentId: STOREFRONT_PROD_DEPLOYMENT_ID, embed: ["apisummary"] }),
    );
    expect(prod.apiSummary!["/orders/{id}"]!.OPTIONS!.authorizationType).toBe("CUSTOM");

    const stages = (await client.send(new GetStagesCommand({ restApiId: STOREFRONT_API_ID }))).item!;
    const [prodStage, devStage] = [stages.find((stage) => stage.stageName === "prod")!, stages.find((stage) => stage.stageName === "dev")!];
    expect(prodStage.deploymentId).not.toBe(devStage.deploymentId);
    expect(prodStage.cacheClusterEnabled).toBe(true);
    expect(prodStage.variables!.paymentsApiKey).toMatch(/^sk_live_/);
    expect(devStage.methodSettings!["*/*"]!.loggingLevel).toBe("INFO");

    const responses = (await client.send(new GetGatewayResponsesCommand({ restApiId: STOREFRONT_API_ID }))).items!;
    const default4xx = responses.find((response) => response.responseType === "DEFAULT_4XX")!;
    expect(Object.keys(default4xx.responseParameters ?? {})).not.toContain("gatewayresponse.header.Access-Control-Allow-Origin");
  });

  it("registers the method-scoped TOKEN authorizer (the classic bug)", async () => {
    const token = (await client.send(new GetAuthorizersCommand({ restApiId: STOREFRONT_API_ID }))).items!.find(
      (authorizer) => authorizer.type === "TOKEN",
    )!;
    const fn = findAuthorizerFunction(token.authorizerUri)!;
    const methodArn = `arn:aws:execute-api:us-east-1:123456789012:${STOREFRONT_API_ID}/prod/GET/products`;
    const event: TokenAuthorizerEvent = { type: "TOKEN", authorizationToken: "allow-jane", methodArn };
    expect((await fn(event)).policyDocument.Statement).toEqual([{ Action: "execute-api:Invoke", Effect: "Allow", Resource: methodArn }]);
    expect((await fn({ ...event, authorizationToken: "deny" })).policyDocument.Statement[0]!.Effect).toBe("Deny");
    await expect(async () => fn({ ...event, authorizationToken: "garbage" })).rejects.toBe("Unauthorized");
  });
});

describe("healthy seed", () => {
  it("has OPTIONS without auth everywhere and CORS on DEFAULT_4XX/5XX", async () => {
    const draft = await methods(HEALTHY_API_ID);
    const paths = new Set([...draft.keys()].map((key) => key.split(" ")[1]));
    for (const path of paths)
      expect(draft.get(`OPTIONS ${path}`), path).toMatchObject({ authorizationType: "NONE", apiKeyRequired: false });
    const responses = (await client.send(new GetGatewayResponsesCommand({ restApiId: HEALTHY_API_ID }))).items!;
    for (const type of ["DEFAULT_4XX", "DEFAULT_5XX"]) {
      expect(responses.find((response) => response.responseType === type)!.responseParameters).toHaveProperty([
        "gatewayresponse.header.Access-Control-Allow-Origin",
      ]);
    }
    expect(draft.get("GET /products/{id}")!.methodIntegration!.cacheKeyParameters).toContain("method.request.header.Authorization");
  });
});

describe("proxy seed", () => {
  it("has the SAM layout: an authorized /{proxy+} ANY, method-less intermediates, one resource with its own OPTIONS", async () => {
    const resources = (await client.send(new GetResourcesCommand({ restApiId: PROXY_API_ID, embed: ["methods"], limit: 500 }))).items ?? [];
    const verbs = Object.fromEntries(resources.map((r) => [r.path, Object.keys(r.resourceMethods ?? {}).sort()]));
    expect(verbs).toEqual({
      "/": [],
      "/{proxy+}": ["ANY"],
      "/orders": ["POST"],
      "/orders/{id}": [],
      "/orders/{id}/items": ["GET", "OPTIONS", "PUT"],
      "/users": [],
      "/users/{userId}": ["GET", "OPTIONS"],
      "/users/me": ["PATCH"],
      "/health": ["GET"],
    });
    const draft = await methods(PROXY_API_ID);
    expect(draft.get("ANY /{proxy+}")).toMatchObject({ authorizationType: "CUSTOM" });
    expect(draft.get("OPTIONS /orders/{id}/items")).toMatchObject({ authorizationType: "NONE", methodIntegration: { type: "MOCK" } });
    const deployment = await client.send(
      new GetDeploymentCommand({ restApiId: PROXY_API_ID, deploymentId: PROXY_DEPLOYMENT_ID, embed: ["apisummary"] }),
    );
    expect(Object.keys(deployment.apiSummary ?? {})).toContain("/users/me");
  });
});

describe("generators", () => {
  it("builds a large API and many APIs in one account", async () => {
    const apiId = generateLargeApi(emulator.store, { resources: 300, stages: ["prod", "dev"], accountId: "210987654321" });
    const second = emulatorClient(emulator.url, { accessKeyId: "AKIAEMULATORSECOND01" });
    const resources = await second.send(new GetResourcesCommand({ restApiId: apiId, limit: 500 }));
    expect(resources.items!.length).toBe(301);
    expect((await second.send(new GetStagesCommand({ restApiId: apiId }))).item!.map((stage) => stage.stageName)).toEqual(["prod", "dev"]);
    const ids = seedManyApis(emulator.store, { count: 40, resourcesPerApi: 5, region: "eu-central-1" });
    const eu = emulatorClient(emulator.url, { region: "eu-central-1" });
    expect((await eu.send(new GetRestApisCommand({ limit: 500 }))).items!.map((api) => api.id)).toEqual(ids);
    expect(() => generateLargeApi(emulator.store, { resources: 0 })).toThrow(/positive integer/);
  });
});
