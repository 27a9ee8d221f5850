import { describe, expect, it } from "vitest";
import type { ApiModel, DeployedMethodSummary, HttpVerb } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";
import { servedMethod, stagesWhere } from "./deployed-stages";

/** stagesWhere as it was: a new list per call, the stages in model order. */
function namesBefore(model: ApiModel, path: string, verb: HttpVerb, predicate: (s: DeployedMethodSummary) => boolean = () => true) {
  const names: string[] = [];
  for (const stage of model.stages) {
    const served = servedMethod(model, stage, path, verb);
    if (served !== undefined && predicate(served)) names.push(stage.name);
  }
  return names;
}

const open = (served: DeployedMethodSummary) => served.authorizationType === "NONE" && !served.apiKeyRequired;

// Stages whose deployments differ: one serves the draft, one lacks a method, one has it behind IAM, one unread.
const model = api()
  .resource("/orders", (r) => r.method("GET").method("PUT").cors())
  .resource("/orders/{id}", (r) => r.method("GET").method("DELETE"))
  .stage("prod")
  .stage("beta", (s) => s.deployed((d) => d.without("/orders/{id}", "DELETE")))
  .stage("iam", (s) => s.deployed((d) => d.method("/orders", "GET", { authorizationType: "AWS_IAM" })))
  .stage("unread", (s) => s.deploymentUnknown())
  .build();

const ASKED: [string, HttpVerb][] = [
  ["/orders", "GET"],
  ["/orders", "PUT"],
  ["/orders", "OPTIONS"],
  ["/orders/{id}", "GET"],
  ["/orders/{id}", "DELETE"],
  ["/nowhere", "GET"],
];

describe("stagesWhere", () => {
  it("names the stages the old per-call list named, in model order (by name, as normalised)", () => {
    for (const [path, verb] of ASKED) {
      expect(stagesWhere(model, path, verb), `${verb} ${path}`).toEqual(namesBefore(model, path, verb));
      expect(stagesWhere(model, path, verb, open), `${verb} ${path} open`).toEqual(namesBefore(model, path, verb, open));
    }
    expect(stagesWhere(model, "/orders", "GET", open)).toEqual(["beta", "prod", "unread"]);
    expect(stagesWhere(model, "/orders/{id}", "DELETE")).toEqual(["iam", "prod", "unread"]);
  });

  it("hands out one frozen list per set of stages, so that findings share it and none can change another's", () => {
    const first = stagesWhere(model, "/orders", "PUT");
    expect(stagesWhere(model, "/orders/{id}", "GET")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => first.push("x")).toThrow(TypeError);
    expect(stagesWhere(model, "/nowhere", "GET")).toEqual([]);
    expect(Object.isFrozen(stagesWhere(model, "/nowhere", "GET"))).toBe(true);
  });

  it("keeps each model's lists apart (a stage-filtered copy names only its stages)", () => {
    const prodOnly = { ...model, stages: model.stages.filter((s) => s.name === "prod") };
    expect(stagesWhere(prodOnly, "/orders", "PUT")).toEqual(["prod"]);
    expect(stagesWhere(model, "/orders", "PUT")).toEqual(["beta", "iam", "prod", "unread"]);
  });

  it("builds a list per call beyond 31 stages, in model order", () => {
    let builder = api().resource("/a", (r) => r.method("GET"));
    for (let index = 0; index < 33; index++) builder = builder.stage(`s${index}`);
    const many = builder.build();
    const names = stagesWhere(many, "/a", "GET");
    expect(names).toEqual(many.stages.map((s) => s.name));
    expect(names).toHaveLength(33);
    expect(Object.isFrozen(names)).toBe(false);
  });
});
