import type { Stage } from "@aws-sdk/client-api-gateway";
import { describe, expect, it } from "vitest";
import type { ApiGatewayPort } from "@/lib/aws/client/api-gateway-port";
import { MAX_ITEMS, readApi } from "@/lib/aws/reader/read-api";

/**
 * How GetStages' answer is used: reshaped once, and the same kept list both plans the deployment reads (GetExport per
 * deployment) and goes into the snapshot. An in-memory port, so a stage can count how often its fields are read.
 */
function portWith(stages: Stage[]) {
  const exported: string[] = [];
  const unused = () => Promise.reject(new Error("not used by readApi"));
  const port: ApiGatewayPort = {
    region: "eu-west-1",
    getRestApis: unused,
    getRestApi: (id) => Promise.resolve({ id, name: "stages" }),
    getResources: () => Promise.resolve({ items: [{ id: "root0", path: "/" }] }),
    getAuthorizers: () => Promise.resolve({ items: [] }),
    getGatewayResponses: () => Promise.resolve({ items: [] }),
    getStages: () => Promise.resolve(stages),
    getExport: (_id, stageName) => {
      exported.push(stageName);
      return Promise.resolve(JSON.stringify({ openapi: "3.0.1", info: { title: "stages" }, paths: {} }));
    },
    getDeployment: (_id, deploymentId) => Promise.resolve({ id: deploymentId, apiSummary: {} }),
    getMethod: unused,
    getDomainNames: unused,
    getBasePathMappings: unused,
  };
  return { port, exported };
}

/** A stage whose name counts its reads: each read is one reshaping of the stage. */
function countedStage(stage: Stage, reads: { count: number }): Stage {
  const name = stage.stageName;
  return Object.defineProperty({ ...stage }, "stageName", {
    enumerable: true,
    get: () => {
      reads.count += 1;
      return name;
    },
  });
}

describe("readApi's stages", () => {
  it("reshapes each stage once and plans the exports from the stages it keeps", async () => {
    const reads = { count: 0 };
    const stages: Stage[] = [
      countedStage({ stageName: "prod", deploymentId: "dep1", tracingEnabled: "yes" as unknown as boolean }, reads),
      countedStage({ stageName: "dev", deploymentId: "dep2" }, reads),
      countedStage({ stageName: "beta", deploymentId: "dep1" }, reads),
      { deploymentId: "dep-unnamed" },
      ...Array.from({ length: MAX_ITEMS.stages - 4 }, (_, i): Stage => ({ stageName: `s${i}`, deploymentId: "dep2" })),
      // Beyond the quota: neither kept nor read.
      { stageName: "zz-beyond", deploymentId: "dep-beyond" },
    ];
    const { port, exported } = portWith(stages);
    const result = await readApi(port, "abc123defg");
    if (!result.ok) throw result.error;
    const { snapshot } = result;

    expect(reads.count).toBe(3);
    expect(snapshot.stages?.length).toBe(MAX_ITEMS.stages - 1);
    expect(snapshot.stages?.some((s) => s.stageName === "zz-beyond")).toBe(false);
    // One export per deployment the kept stages serve, of its first stage by name; nothing for the unnamed or dropped.
    expect(exported.sort()).toEqual(["beta", "dev"]);
    expect(Object.keys(snapshot.deployments).sort()).toEqual(["dep1", "dep2"]);
    // A wrong-typed value is counted once, and each incomplete reason is listed once.
    expect(snapshot.warnings).toEqual(["GetStages answered 1 tracingEnabled value of an undocumented type; left out."]);
    expect(snapshot.missing.filter((m) => m.part === "stages").map((m) => m.reason)).toEqual([
      `GetStages answered ${MAX_ITEMS.stages + 1} stages, far beyond API Gateway's quotas; only the first ${MAX_ITEMS.stages} were audited.`,
      `GetStages answered 1 of ${MAX_ITEMS.stages} stages (stageName) without the fields that identify them; they were left out.`,
    ]);
  });
});
