import { CreateRestApiCommand, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECOND_ACCOUNT_ID } from "../credentials";
import { startEmulator, type Emulator } from "../index";
import { emulatorClient } from "../testing/sdk-client";

// The SDK models no AccessDeniedException for API Gateway: it surfaces as a service exception named so.
const ACCESS_DENIED = { name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } };

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({});
});
afterAll(async () => {
  await emulator.close();
});

describe("authentication, accounts and regions", () => {
  it("answers an unsigned request with AWS's 403 MissingAuthenticationTokenException", async () => {
    const response = await fetch(`${emulator.url}/restapis`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(await response.json()).toEqual({ message: "Missing Authentication Token" });
  });

  it("routes by the credential scope's region", async () => {
    const eu = emulatorClient(emulator.url, { region: "eu-west-1" });
    expect((await eu.send(new GetRestApisCommand({}))).items).toEqual([]);
    await eu.send(new CreateRestApiCommand({ name: "eu-only" }));
    expect((await eu.send(new GetRestApisCommand({}))).items!.map((api) => api.name)).toEqual(["eu-only"]);
    const us = emulatorClient(emulator.url);
    expect((await us.send(new GetRestApisCommand({}))).items!.map((api) => api.name)).toEqual([
      "storefront",
      "healthy",
      "proxy",
      "lambda-proxy",
      "files",
    ]);
    const last = emulator.requestLog.entries().at(-1)!;
    expect(last).toMatchObject({ operation: "GetRestApis", region: "us-east-1", accountId: "123456789012", status: 200 });
  });

  it("maps access keys to accounts", async () => {
    const second = emulatorClient(emulator.url, { accessKeyId: "AKIAEMULATORSECOND01" });
    expect((await second.send(new GetRestApisCommand({}))).items).toEqual([]);
    await second.send(new CreateRestApiCommand({ name: "second-account-api" }));
    expect(emulator.store.accounts.get(SECOND_ACCOUNT_ID)?.regions.get("us-east-1")?.restApis.size).toBe(1);
    const denied = emulatorClient(emulator.url, { accessKeyId: "AKIAEMULATORDENIED01" });
    await expect(denied.send(new GetRestApisCommand({}))).rejects.toMatchObject(ACCESS_DENIED);
  });

  it("answers unknown routes with NotFoundException and bad JSON with BadRequestException", async () => {
    const headers = {
      authorization: "AWS4-HMAC-SHA256 Credential=AKIAX/20261122/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00",
    };
    const unknown = await fetch(`${emulator.url}/nothing/here`, { headers });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-amzn-errortype")).toBe("NotFoundException");
    const badJson = await fetch(`${emulator.url}/restapis`, { method: "POST", headers, body: "{not json" });
    expect(badJson.status).toBe(400);
    expect(badJson.headers.get("x-amzn-errortype")).toBe("BadRequestException");
  });
});
