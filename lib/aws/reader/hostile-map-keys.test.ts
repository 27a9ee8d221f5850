import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { readLiveApi } from "@/lib/aws/reader/live-reader";
import { fastLiveOptions, startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Connection } from "@/lib/aws/connections/connection";
import type { Emulator } from "@/lib/emulator";
import { emulatorClient } from "@/lib/emulator/testing/sdk-client";

/**
 * "__proto__" is a valid stage variable name (letters, digits, underscores), tag key and media type, and the SDK hands it
 * over as an own key. Copied with plain assignment it hit the prototype setter and vanished: a stage variable holding a
 * key under that name was never reported. JSON.parse makes the wire objects here the way the SDK's do.
 */
const SECRET = "sk_live_51HostileProtoKeyValue0000";

let emulator: Emulator;
let connection: Connection;
let restApiId: string;

beforeAll(async () => {
  ({ emulator, connection } = await startEmulatorWithDemoConnection());
  const client = emulatorClient(emulator.url, { accessKeyId: "AKIAPREFLIGHTDEMO000" });
  try {
    const api = await client.send(new CreateRestApiCommand({ name: "proto-keys", tags: JSON.parse('{"__proto__":"team-a"}') }));
    restApiId = api.id!;
    const root = (await client.send(new GetResourcesCommand({ restApiId }))).items![0]!.id!;
    await client.send(new PutMethodCommand({ restApiId, resourceId: root, httpMethod: "GET", authorizationType: "NONE" }));
    await client.send(
      new PutIntegrationCommand({
        restApiId,
        resourceId: root,
        httpMethod: "GET",
        type: "MOCK",
        requestTemplates: JSON.parse('{"__proto__":"{\\"statusCode\\": 200}","application/json":"{\\"statusCode\\": 200}"}'),
      }),
    );
    await client.send(
      new CreateDeploymentCommand({ restApiId, stageName: "prod", variables: JSON.parse(`{"__proto__":"${SECRET}","table":"orders"}`) }),
    );
  } finally {
    client.destroy();
  }
});

afterAll(async () => {
  await emulator?.close();
});

describe("the reader keeps a key named __proto__ as a key", () => {
  it("in stage variables, tags and request templates, without touching any prototype", async () => {
    const read = await readLiveApi(connection, "us-east-1", restApiId, fastLiveOptions());
    if (!read.result.ok) throw read.result.error;
    const { snapshot } = read.result;
    const stage = snapshot.stages?.find((s) => s.stageName === "prod");
    expect(stage?.variableNames).toEqual(["__proto__", "table"]);
    expect(Object.getOwnPropertyNames(stage?.variableShapes)).toEqual(["__proto__", "table"]);
    expect(Object.getPrototypeOf(stage?.variableShapes)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(snapshot.restApi.tags)).toEqual(["__proto__"]);
    const method = snapshot.resources?.find((r) => r.path === "/")?.resourceMethods?.GET;
    expect(Object.getOwnPropertyNames(method?.methodIntegration?.requestTemplates)).toEqual(["__proto__", "application/json"]);
    expect(Object.getPrototypeOf(method?.methodIntegration?.requestTemplates)).toBe(Object.prototype);
    // Redaction still holds for that name: the value's shape is kept, never the value.
    expect(JSON.stringify(snapshot)).not.toContain(SECRET);
  });

  it("so a key-like value under that name is reported like any other", async () => {
    const audit = await runAudit({ connection, region: "us-east-1", restApiId, live: fastLiveOptions() });
    if (!audit.ok) throw new Error(JSON.stringify(audit.failure));
    const finding = audit.report.findings.find((f) => f.ruleId === "stage-variables-look-secret");
    expect(finding?.message).toContain("__proto__");
    expect(finding?.message).not.toContain("table");
    expect(JSON.stringify(audit.report)).not.toContain(SECRET);
  });
});
