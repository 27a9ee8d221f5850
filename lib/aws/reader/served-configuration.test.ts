import { GetResourcesCommand, UpdateMethodCommand } from "@aws-sdk/client-api-gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit/audit-model";
import { readLiveApi } from "@/lib/aws/reader/live-reader";
import { withDraftIds } from "@/lib/aws/reader/served-configuration";
import { emulatorConnection, fastLiveOptions } from "@/lib/aws/testing/emulator-connection";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { generateLargeApi } from "@/lib/emulator/seeds";
import { emulatorClient } from "@/lib/emulator/testing/sdk-client";
import type { RawApiSnapshot, RawResource, RawServedConfiguration } from "@/lib/model/raw-snapshot";

/**
 * A deployment that exports exactly the draft's resources gets the draft's own list (withDraftIds), so the audit core
 * normalises them once; any difference keeps the export's own copy, and the audit says the same either way.
 */
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: false });
});
afterAll(async () => {
  await emulator.close();
});

async function read(restApiId: string): Promise<RawApiSnapshot> {
  const result = await readLiveApi(emulatorConnection(emulator.url), "us-east-1", restApiId, fastLiveOptions());
  if (!result.result.ok) throw result.result.error;
  return result.result.snapshot;
}

function servedOf(snapshot: RawApiSnapshot): RawServedConfiguration {
  const [deployment] = Object.values(snapshot.deployments);
  if (!deployment?.served) throw new Error("no served configuration read");
  return deployment.served;
}

/** The report's JSON, from the snapshot as read and from one whose served resources are a copy of their own. */
function reportsOf(snapshot: RawApiSnapshot): [string, string] {
  const [id] = Object.keys(snapshot.deployments) as [string];
  const copied: RawApiSnapshot = structuredClone(snapshot);
  // structuredClone keeps shared objects shared: the served list is cloned on its own.
  const deployment = copied.deployments[id];
  if (deployment?.served) deployment.served = { ...deployment.served, resources: structuredClone(deployment.served.resources) };
  const audit = (s: RawApiSnapshot) => {
    const result = auditModel({ snapshot: s, source: { kind: "live", connection: "demo", customEndpoint: true }, readAt: "test" });
    if (!result.ok) throw new Error(result.failure.message);
    return JSON.stringify(result.report);
  };
  expect(copied.deployments[id]?.served?.resources).not.toBe(copied.resources);
  return [audit(snapshot), audit(copied)];
}

describe("a deployment's served resources", () => {
  it("are the draft's own list when the stage's export describes them equally, and audit as a copy would", async () => {
    const apiId = generateLargeApi(emulator.store, { resources: 12 });
    const snapshot = await read(apiId);
    expect(servedOf(snapshot).resources).toBe(snapshot.resources);
    const [shared, copied] = reportsOf(snapshot);
    expect(shared).toBe(copied);
  });

  it("stay the export's own when the draft changed after the deployment, and the stage is audited on them", async () => {
    const apiId = generateLargeApi(emulator.store, { resources: 12 });
    const client = emulatorClient(emulator.url);
    const resources = await client.send(new GetResourcesCommand({ restApiId: apiId }));
    const item = resources.items?.find((r) => r.path === "/s0/item3");
    await client.send(
      new UpdateMethodCommand({
        restApiId: apiId,
        resourceId: item?.id,
        httpMethod: "GET",
        patchOperations: [{ op: "replace", path: "/apiKeyRequired", value: "true" }],
      }),
    );
    const snapshot = await read(apiId);
    const served = servedOf(snapshot).resources;
    expect(served).not.toBe(snapshot.resources);
    const method = (list: readonly RawResource[]) => list.find((r) => r.path === "/s0/item3")?.resourceMethods?.GET;
    expect(method(snapshot.resources ?? [])?.apiKeyRequired).toBe(true);
    expect(method(served)?.apiKeyRequired).toBe(false);
    const [shared, copied] = reportsOf(snapshot);
    expect(shared).toBe(copied);
    // The stage still serves the method open to everyone: its finding names the stage.
    const report = JSON.parse(shared) as { findings: Array<{ ruleId: string; target: { path?: string }; stages: string[] }> };
    const open = report.findings.find((f) => f.ruleId === "method-open-to-everyone" && f.target.path === "/s0/item3");
    expect(open?.stages).toEqual(["prod"]);
  });
});

describe("withDraftIds", () => {
  const draft: RawResource[] = [
    { id: "root", path: "/", pathPart: "" },
    {
      id: "r1",
      parentId: "root",
      path: "/a",
      pathPart: "a",
      resourceMethods: {
        GET: {
          httpMethod: "GET",
          authorizationType: "NONE",
          methodResponses: { "200": { statusCode: "200" }, "404": { statusCode: "404" } },
        },
      },
    },
  ];
  const exported = (methodResponses: NonNullable<NonNullable<RawResource["resourceMethods"]>["GET"]>["methodResponses"]) =>
    ({
      source: "export",
      exportedStage: "prod",
      // Listed in another order, fields in another order, ids being paths: as an export gives them.
      resources: [
        {
          path: "/a",
          pathPart: "a",
          id: "/a",
          parentId: "/",
          resourceMethods: { GET: { methodResponses, authorizationType: "NONE", httpMethod: "GET" } },
        },
        { path: "/", pathPart: "", id: "/" },
      ],
      authorizers: [],
      gatewayResponses: [],
      filledFromDraft: [],
    }) satisfies RawServedConfiguration;

  it("hands over the draft's list for the same resources in another order with fields in another order", () => {
    const served = withDraftIds(exported({ "200": { statusCode: "200" }, "404": { statusCode: "404" } }), draft, []);
    expect(served.resources).toBe(draft);
  });

  it("keeps its own list, with the draft's ids, when anything differs: here a method response the draft added since", () => {
    const served = withDraftIds(exported({ "200": { statusCode: "200" } }), draft, []);
    expect(served.resources).not.toBe(draft);
    expect(served.resources.map((r) => r.id)).toEqual(["r1", "root"]);
  });
});
