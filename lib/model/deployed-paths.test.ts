import { describe, expect, it } from "vitest";
import { deployedPaths, deployedVerbsAt, summaryIdentity } from "@/lib/model/deployed-paths";
import { reshapeDeployment } from "@/lib/model/reshape-stages";
import { apiModelSchema } from "@/lib/model/schema";
import { normalizeApi } from "@/lib/model/normalize";
import type { RawApiSnapshot, RawDeployment } from "@/lib/model/raw-snapshot";
import type { DeploymentModel } from "@/lib/model/types";

/**
 * A normalised deployment keeps its API summary as a Map and makes the model's record from it when first read
 * (deployed-paths.ts): the deployment must look and behave as if the record had been there from the start.
 */
const RAW: RawDeployment = {
  id: "d1",
  description: "v2",
  apiSummary: {
    "/b": { GET: { authorizationType: "NONE", apiKeyRequired: false } },
    "/a": { OPTIONS: { authorizationType: "NONE" }, GET: { authorizationType: "AWS_IAM", apiKeyRequired: true } },
  },
};

const RECORD = {
  "/a": { GET: { authorizationType: "AWS_IAM", apiKeyRequired: true }, OPTIONS: { authorizationType: "NONE", apiKeyRequired: false } },
  "/b": { GET: { authorizationType: "NONE", apiKeyRequired: false } },
};

function snapshot(): RawApiSnapshot {
  return {
    region: "us-east-1",
    restApi: { id: "api1", name: "shop" },
    resources: [{ id: "r1", path: "/" }],
    authorizers: [],
    stages: [{ stageName: "prod", deploymentId: "d1", variableNames: [] }],
    gatewayResponses: [],
    deployments: { d1: RAW },
    missing: [],
  };
}

describe("a deployment's API summary", () => {
  it("reads as an own enumerable record in its place in the key order, in path order, seen by JSON, copies and the schema", () => {
    const deployment = reshapeDeployment(RAW);
    expect(Object.keys(deployment)).toEqual(["id", "apiSummary", "description"]);
    expect(deployment.apiSummary).toEqual(RECORD);
    expect(Object.keys(deployment.apiSummary)).toEqual(["/a", "/b"]);
    expect(deployment.apiSummary).toBe(deployment.apiSummary);
    expect(JSON.parse(JSON.stringify(deployment))).toEqual({ id: "d1", apiSummary: RECORD, description: "v2" });
    expect({ ...deployment }.apiSummary).toBe(deployment.apiSummary);
    expect(structuredClone(deployment)).toEqual({ id: "d1", apiSummary: RECORD, description: "v2" });
    const { model } = normalizeApi(snapshot());
    expect(apiModelSchema.safeParse(model).success).toBe(true);
    expect(JSON.parse(JSON.stringify(model)).stages[0].deployment.apiSummary).toEqual(RECORD);
  });

  it("is walked and looked up the same from its map, from a copy holding the record (a stored report) and from a frozen deployment", () => {
    const normalised = reshapeDeployment(RAW);
    const stored = JSON.parse(JSON.stringify(reshapeDeployment(RAW))) as DeploymentModel;
    const frozen = Object.freeze(reshapeDeployment(RAW));
    for (const deployment of [normalised, stored, frozen]) {
      expect([...deployedPaths(deployment).keys()]).toEqual(["/a", "/b"]);
      expect(deployedVerbsAt(deployment, "/a")?.GET).toEqual({ authorizationType: "AWS_IAM", apiKeyRequired: true });
      expect(deployedVerbsAt(deployment, "/c")).toBeUndefined();
      expect(deployedVerbsAt(deployment, "toString")).toBeUndefined();
    }
    expect(frozen.apiSummary).toEqual(RECORD);
  });

  it("can be replaced, as a data property could, and then is the new record everywhere", () => {
    const deployment = reshapeDeployment(RAW);
    const before = summaryIdentity(deployment);
    const replacement = { "/x": { POST: { authorizationType: "NONE" as const, apiKeyRequired: false } } };
    deployment.apiSummary = replacement;
    expect(deployment.apiSummary).toBe(replacement);
    expect([...deployedPaths(deployment).keys()]).toEqual(["/x"]);
    expect(deployedVerbsAt(deployment, "/a")).toBeUndefined();
    expect(summaryIdentity(deployment)).not.toBe(before);
    expect(JSON.parse(JSON.stringify(deployment)).apiSummary).toEqual(replacement);
  });
});
