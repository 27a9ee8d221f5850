import { describe, expect, it } from "vitest";
import type { ApiModel } from "@/lib/model/types";
import { allMethodKeys } from "./method-keys-reference";
import { api } from "./model-builder";

const NONE = { authorizationType: "NONE", apiKeyRequired: false };

describe("allMethodKeys (the reference enumeration of differential tests)", () => {
  it("lists each path+verb of the draft and the deployments once, in order of first appearance", () => {
    const model = api()
      .resource("/")
      .resource("/orders", (r) => r.method("GET").method("OPTIONS"))
      .build();
    const stage = (name: string, apiSummary: object) =>
      ({ name, deployment: { id: name, apiSummary } }) as unknown as ApiModel["stages"][number];
    const withStages: ApiModel = {
      ...model,
      stages: [
        stage("prod", { "/orders": { GET: NONE, PUT: NONE }, "/old": { OPTIONS: NONE } }),
        // A verb listed without a summary is still a key; a key seen in an earlier stage is not listed again.
        stage("dev", { "/old": { OPTIONS: NONE, DELETE: undefined }, "/orders": { PUT: NONE } }),
        { ...stage("beta", {}), deployment: undefined } as unknown as ApiModel["stages"][number],
      ],
    };
    expect(allMethodKeys(withStages).map(({ path, verb }) => `${verb} ${path}`)).toEqual([
      "GET /orders",
      "OPTIONS /orders",
      "PUT /orders",
      "OPTIONS /old",
      "DELETE /old",
    ]);
  });

  it("keeps keys apart whose verb and path would join into the same text", () => {
    const model = api().build();
    const withStage: ApiModel = {
      ...model,
      stages: [
        {
          name: "prod",
          deployment: { id: "d", apiSummary: { "a b": { GET: NONE }, b: { "GET a": NONE } } },
        } as unknown as ApiModel["stages"][number],
      ],
    };
    expect(allMethodKeys(withStage)).toEqual([
      { path: "a b", verb: "GET" },
      { path: "b", verb: "GET a" },
    ]);
  });
});
