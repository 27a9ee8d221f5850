import { CreateRestApiCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PREFLIGHT_AUDIT_EXTERNAL_ID, PREFLIGHT_AUDIT_ROLE_ARN, SECOND_ACCOUNT_ID, startEmulator, type Emulator } from "@/lib/emulator";
import { emulatorClient } from "@/lib/emulator/testing/sdk-client";
import { openConnection, stsEndpointFor } from "@/lib/aws/connections/connection";
import type { ConnectionSpec } from "@/lib/aws/connections/connection-id";
import { AccessDeniedError } from "@/lib/aws/errors/aws-errors";
import { listLiveApis, readLiveApi } from "@/lib/aws/reader/live-reader";
import { fastLiveOptions } from "@/lib/aws/testing/emulator-connection";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => emu.close());
afterEach(() => {
  vi.unstubAllEnvs();
  emu.reset();
});

const AUDIT_ROLE = { roleArn: PREFLIGHT_AUDIT_ROLE_ARN, externalId: PREFLIGHT_AUDIT_EXTERNAL_ID };

/** One small API in the second account, created through the SDK with that account's key. */
async function seedSecondAccountApi(region = "us-east-1"): Promise<string> {
  const client = emulatorClient(emu.url, { accessKeyId: "AKIAEMULATORSECOND01", region });
  const created = await client.send(new CreateRestApiCommand({ name: "second-account-orders" }));
  client.destroy();
  emu.requestLog.clear();
  return created.id!;
}

async function open(
  spec: ConnectionSpec,
  env: NodeJS.ProcessEnv = { NODE_ENV: "test", PREFLIGHT_DEMO_ENDPOINT: emu.url },
  endpoint?: string,
) {
  const opened = await openConnection(spec, { env, ...(endpoint ? { endpoint } : {}) });
  if (!opened.ok) throw opened.error;
  return opened.connection;
}

describe("assuming a role against the emulator's STS", () => {
  it("lists the role's account from the demo: the seeded cross-account role with its external id", async () => {
    const apiId = await seedSecondAccountApi();
    const connection = await open({ kind: "demo", role: AUDIT_ROLE });
    expect(connection).toMatchObject({
      id: expect.stringMatching(/^demo~role:/),
      label: `the demo as ${PREFLIGHT_AUDIT_ROLE_ARN}`,
      stsEndpoint: emu.url,
    });

    const listings = await listLiveApis(connection, ["us-east-1", "eu-west-1", "ap-south-1"], fastLiveOptions());
    expect(listings).toEqual([
      { region: "us-east-1", ok: true, apis: [expect.objectContaining({ id: apiId, name: "second-account-orders" })] },
      { region: "eu-west-1", ok: true, apis: [] },
      { region: "ap-south-1", ok: true, apis: [] },
    ]);
    const log = emu.requestLog.entries();
    // One session serves every region's client.
    expect(log.filter((e) => e.operation === "AssumeRole")).toEqual([expect.objectContaining({ accountId: "123456789012", status: 200 })]);
    expect(log.filter((e) => e.operation === "GetRestApis").every((e) => e.accountId === SECOND_ACCOUNT_ID)).toBe(true);
  });

  it("reports a wrong or missing external id as AccessDenied on sts:AssumeRole for the role ARN", async () => {
    for (const role of [{ roleArn: PREFLIGHT_AUDIT_ROLE_ARN, externalId: "not-the-id" }, { roleArn: PREFLIGHT_AUDIT_ROLE_ARN }]) {
      const connection = await open({ kind: "demo", role });
      const { result } = await readLiveApi(connection, "us-east-1", "anyapi0001", fastLiveOptions());
      if (result.ok) throw new Error("expected the role to be refused");
      expect(AccessDeniedError.is(result.error)).toBe(true);
      const error = result.error as AccessDeniedError;
      expect(error).toMatchObject({
        code: "access:denied",
        operation: "AssumeRole",
        iamAction: "sts:AssumeRole",
        resourceArn: PREFLIGHT_AUDIT_ROLE_ARN,
      });
      expect(error.message).toBe(
        `Access denied to sts:AssumeRole on ${PREFLIGHT_AUDIT_ROLE_ARN}: User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${PREFLIGHT_AUDIT_ROLE_ARN}`,
      );
      expect(error.hint).toContain("external id");
    }
    // Nothing reached API Gateway with the base credentials.
    expect(emu.requestLog.entries().map((e) => e.operation)).toEqual(["AssumeRole", "AssumeRole"]);
  });

  it("tries again after a refusal instead of keeping the failure", async () => {
    const connection = await open({ kind: "demo", role: AUDIT_ROLE });
    emu.faults.add({ operation: "AssumeRole", kind: "AccessDenied", times: 1 });
    const first = await listLiveApis(connection, ["us-east-1"], fastLiveOptions());
    expect(first[0]).toMatchObject({ ok: false, error: { code: "access:denied", message: expect.stringContaining("sts:AssumeRole") } });
    const second = await listLiveApis(connection, ["us-east-1"], fastLiveOptions());
    expect(second[0]).toMatchObject({ ok: true, apis: [] });
  });

  it("sends the default chain's AssumeRole to AWS_ENDPOINT_URL_STS", async () => {
    const apiId = await seedSecondAccountApi("eu-west-1");
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAEMULATORDEFAULT1");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "env-secret-not-real");
    vi.stubEnv("AWS_SESSION_TOKEN", "");
    vi.stubEnv("AWS_PROFILE", "");
    vi.stubEnv("AWS_ENDPOINT_URL_API_GATEWAY", emu.url);
    const env = {
      NODE_ENV: "test" as const,
      AWS_ENDPOINT_URL_API_GATEWAY: emu.url,
      AWS_ENDPOINT_URL_STS: emu.url,
      AWS_REGION: "eu-west-1",
    };
    const connection = await open({ kind: "env", role: AUDIT_ROLE }, env);
    expect(connection).toMatchObject({ customEndpoint: true, stsEndpoint: emu.url, defaultRegion: "eu-west-1" });
    const { result } = await readLiveApi(connection, "eu-west-1", apiId, fastLiveOptions());
    expect(result.ok).toBe(true);
    expect(emu.requestLog.entries()[0]).toMatchObject({ operation: "AssumeRole", region: "eu-west-1", accountId: "123456789012" });
    expect(
      emu.requestLog
        .entries()
        .slice(1)
        .every((e) => e.accountId === SECOND_ACCOUNT_ID),
    ).toBe(true);
  });

  it("sends STS to the connection's endpoint override when no STS endpoint is configured", async () => {
    const apiId = await seedSecondAccountApi();
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAEMULATORDEFAULT1");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "env-secret-not-real");
    const connection = await open({ kind: "env", role: AUDIT_ROLE }, { NODE_ENV: "test", AWS_REGION: "us-east-1" }, emu.url);
    expect(connection.stsEndpoint).toBe(emu.url);
    const { result } = await readLiveApi(connection, "us-east-1", apiId, fastLiveOptions());
    expect(result.ok).toBe(true);
    expect(emu.requestLog.count("AssumeRole")).toBe(1);
  });
});

describe("stsEndpointFor", () => {
  it("prefers AWS_ENDPOINT_URL_STS, then the connection's override, then AWS_ENDPOINT_URL", () => {
    expect(stsEndpointFor({}, undefined)).toBeUndefined();
    expect(stsEndpointFor({ AWS_ENDPOINT_URL: "http://all" }, undefined)).toBe("http://all");
    expect(stsEndpointFor({ AWS_ENDPOINT_URL: "http://all" }, "http://override")).toBe("http://override");
    expect(stsEndpointFor({ AWS_ENDPOINT_URL: "http://all", AWS_ENDPOINT_URL_STS: "http://sts" }, "http://override")).toBe("http://sts");
    expect(stsEndpointFor({ AWS_ENDPOINT_URL_API_GATEWAY: "http://apigw" }, undefined)).toBeUndefined();
    expect(stsEndpointFor({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true", AWS_ENDPOINT_URL_STS: "http://sts" }, "http://override")).toBe(
      "http://override",
    );
    expect(stsEndpointFor({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true", AWS_ENDPOINT_URL: "http://all" }, undefined)).toBeUndefined();
  });
});
