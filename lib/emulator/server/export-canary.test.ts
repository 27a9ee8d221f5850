import {
  BadRequestException,
  CreateDeploymentCommand,
  GetExportCommand,
  GetStageCommand,
  NotFoundException,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { parse } from "yaml";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../index";
import { STOREFRONT_API_ID, STOREFRONT_CANARY_DEPLOYMENT_ID, STOREFRONT_CANARY_PERCENT } from "../seeds/storefront";
import { emulatorClient } from "../testing/sdk-client";
import { Quotas } from "../quotas";

let emulator: Emulator;
let client: ReturnType<typeof emulatorClient>;

beforeAll(async () => {
  emulator = await startEmulator();
  client = emulatorClient(emulator.url);
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function exportOf(stageName: string, exportType = "oas30", accepts = "application/json", extensions = "apigateway") {
  const out = await client.send(
    new GetExportCommand({ restApiId: STOREFRONT_API_ID, stageName, exportType, accepts, parameters: { extensions } }),
  );
  return { out, text: new TextDecoder().decode(out.body) };
}

describe("GetExport through the real SDK", () => {
  it("exports the stage's deployment snapshot as OpenAPI 3 with the apigateway extensions, not the draft", async () => {
    const { out, text } = await exportOf("prod");
    expect(out.contentType).toBe("application/json");
    expect(out.contentDisposition).toContain("attachment");
    const doc = JSON.parse(text) as Json;
    expect(doc.openapi).toBe("3.0.1");
    expect(doc.servers[0].variables.basePath.default).toBe("prod");
    // prod's deployment still has the TOKEN authorizer on OPTIONS /orders/{id}; the draft (and dev) have NONE.
    expect(doc.paths["/orders/{id}"].options.security).toEqual([{ "storefront-token": [] }]);
    const dev = JSON.parse((await exportOf("dev")).text) as Json;
    expect(dev.paths["/orders/{id}"].options.security).toBeUndefined();
    // The undeployed CORS fix on GET /account is in neither export.
    const account = doc.paths["/account"].get;
    expect(account["x-amazon-apigateway-integration"].responses.default.responseParameters).toBeUndefined();
    expect(account.security).toEqual([{ "storefront-cognito": [] }]);
    // Integration with its responses, authorizers with TTL and identity sources, API key, gateway responses.
    const preflight = doc.paths["/products/{id}"].options["x-amazon-apigateway-integration"];
    expect(preflight.type).toBe("mock");
    expect(preflight.responses.default.responseParameters["method.response.header.Access-Control-Allow-Methods"]).toBe("'GET,OPTIONS'");
    expect(doc.paths["/orders"].options.security).toEqual([{ api_key: [] }]);
    const schemes = doc.components.securitySchemes;
    expect(schemes["storefront-request"]["x-amazon-apigateway-authorizer"]).toMatchObject({
      type: "request",
      identitySource: "method.request.header.X-Session,method.request.querystring.tenant",
      authorizerResultTtlInSeconds: 60,
    });
    expect(schemes.api_key).toEqual({ type: "apiKey", name: "x-api-key", in: "header" });
    expect(Object.keys(doc["x-amazon-apigateway-gateway-responses"])).toContain("DEFAULT_4XX");
    expect(doc["x-amazon-apigateway-api-key-source"]).toBe("HEADER");
    expect(doc.paths["/products/{id}"].get["x-amazon-apigateway-integration"].cacheKeyParameters).toEqual(["method.request.path.id"]);
  });

  it("leaves the integration and authorizer extensions out unless asked, and answers Swagger 2 and YAML", async () => {
    const bare = JSON.parse((await exportOf("prod", "oas30", "application/json", "")).text) as Json;
    expect(bare.paths["/products"].get["x-amazon-apigateway-integration"]).toBeUndefined();
    expect(bare.components.securitySchemes["storefront-token"]["x-amazon-apigateway-authorizer"]).toBeUndefined();
    const swagger = JSON.parse((await exportOf("dev", "swagger")).text) as Json;
    expect(swagger.swagger).toBe("2.0");
    expect(swagger.basePath).toBe("/dev");
    expect(swagger.securityDefinitions["storefront-token"]).toBeDefined();
    const { out, text } = await exportOf("prod", "oas30", "application/yaml");
    expect(out.contentType).toBe("application/yaml");
    expect((parse(text) as Json).paths["/orders/{id}"].options.security).toEqual([{ "storefront-token": [] }]);
  });

  it("answers AWS's errors for an unknown stage and an unknown export type", async () => {
    await expect(exportOf("nosuch")).rejects.toBeInstanceOf(NotFoundException);
    await expect(exportOf("prod", "postman")).rejects.toBeInstanceOf(BadRequestException);
  });

  it("charges GetExport to the account-wide bucket only (no quota of its own in AWS's table): the 41st at once is throttled", () => {
    const quotas = new Quotas(() => 0);
    const answers = Array.from({ length: 41 }, () => quotas.check("123456789012", "GetExport"));
    expect(answers.slice(0, 40).every((a) => a.ok)).toBe(true);
    expect(answers[40]).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});

describe("canary settings", () => {
  it("shows the storefront's canary on prod and takes UpdateStage patches under /canarySettings", async () => {
    const stage = await client.send(new GetStageCommand({ restApiId: STOREFRONT_API_ID, stageName: "prod" }));
    expect(stage.canarySettings).toEqual({
      deploymentId: STOREFRONT_CANARY_DEPLOYMENT_ID,
      percentTraffic: STOREFRONT_CANARY_PERCENT,
      useStageCache: false,
    });
    const updated = await client.send(
      new UpdateStageCommand({
        restApiId: STOREFRONT_API_ID,
        stageName: "prod",
        patchOperations: [
          { op: "replace", path: "/canarySettings/percentTraffic", value: "25.5" },
          { op: "replace", path: "/canarySettings/stageVariableOverrides/lambdaAlias", value: "canary" },
        ],
      }),
    );
    expect(updated.canarySettings?.percentTraffic).toBe(25.5);
    expect(updated.canarySettings?.stageVariableOverrides).toEqual({ lambdaAlias: "canary" });
    await expect(
      client.send(
        new UpdateStageCommand({
          restApiId: STOREFRONT_API_ID,
          stageName: "prod",
          patchOperations: [{ op: "replace", path: "/canarySettings/percentTraffic", value: "101" }],
        }),
      ),
    ).rejects.toBeInstanceOf(BadRequestException);
    const removed = await client.send(
      new UpdateStageCommand({
        restApiId: STOREFRONT_API_ID,
        stageName: "prod",
        patchOperations: [{ op: "remove", path: "/canarySettings" }],
      }),
    );
    expect(removed.canarySettings).toBeUndefined();
  });

  it("CreateDeployment with canarySettings makes the new deployment the stage's canary, leaving its main deployment", async () => {
    const before = await client.send(new GetStageCommand({ restApiId: STOREFRONT_API_ID, stageName: "dev" }));
    const created = await client.send(
      new CreateDeploymentCommand({ restApiId: STOREFRONT_API_ID, stageName: "dev", canarySettings: { percentTraffic: 50 } }),
    );
    const after = await client.send(new GetStageCommand({ restApiId: STOREFRONT_API_ID, stageName: "dev" }));
    expect(after.deploymentId).toBe(before.deploymentId);
    expect(after.canarySettings).toMatchObject({ deploymentId: created.id, percentTraffic: 50 });
  });

  it("splits prod's traffic: about 10 % of preflights reach the canary, which serves the OPTIONS fix, the same ones on every seeded run", async () => {
    const run = async () => {
      emulator.store.seedRandom(42);
      const statuses: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const response = await fetch(`${emulator.url}/restapis/${STOREFRONT_API_ID}/prod/_user_request_/orders/o-1`, {
          method: "OPTIONS",
          headers: { Origin: "https://shop.example.com", "Access-Control-Request-Method": "GET" },
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      return statuses;
    };
    const first = await run();
    // The main deployment's TOKEN authorizer answers 401 without a token; the canary's OPTIONS is NONE.
    const canary = first.filter((s) => s === 200).length;
    expect(first.filter((s) => s !== 401 && s !== 200)).toEqual([]);
    expect(canary).toBeGreaterThanOrEqual(10);
    expect(canary).toBeLessThanOrEqual(30);
    expect(await run()).toEqual(first);
  });
});
