import { describe, expect, it } from "vitest";
import { runRules } from "@/lib/audit/run-rules";
import { normalizeApi } from "@/lib/model/normalize";
import { isTerraformPlanJson, looksLikeTerraformPlanText } from "./detect";
import { readTerraformPlan } from "./read-plan";
import { memoryContext } from "./testing/memory-context";
import { EXISTING_AUTHORIZER, PLAN_JSON } from "./testing/plan-fixture";

const text = JSON.stringify(PLAN_JSON, null, 2);
const context = memoryContext({ "plan.json": text });

describe("terraform show -json plan", () => {
  it("is detected by format_version and planned_values", () => {
    expect(isTerraformPlanJson(PLAN_JSON)).toBe(true);
    expect(looksLikeTerraformPlanText(text)).toBe(true);
    expect(isTerraformPlanJson({ format_version: "1.0", values: {} })).toBe(false);
  });

  it("reads planned values, follows configuration references (through a module call) and audits the API", () => {
    const result = readTerraformPlan({ path: "plan.json", text }, context);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.apis.map((a) => [a.name, a.format])).toEqual([["aws_api_gateway_rest_api.orders", "terraform-plan"]]);
    const api = result.apis[0]!;
    const { model } = normalizeApi(api.variants[0]!.snapshot);
    expect(model.api.endpointTypes).toEqual(["REGIONAL"]);
    expect(
      model.resources.flatMap((r) =>
        r.methods.map((m) => `${m.httpMethod} ${m.path} ${m.authorizationType}${m.apiKeyRequired ? " +key" : ""}`),
      ),
    ).toEqual(["GET /orders CUSTOM", "OPTIONS /orders CUSTOM +key"]);
    const stage = model.stages[0];
    expect(stage).toMatchObject({
      name: "prod",
      deploymentId: "aws_api_gateway_deployment.d",
      cacheClusterEnabled: true,
      variableNames: ["backend"],
      drift: [],
    });
    expect(Object.keys(stage?.methodSettings ?? {})).toEqual(["~1orders/GET"]);
    // The data source's id is only known at apply: the GET method's authorizer is a placeholder and says so.
    const get = model.resources.find((r) => r.path === "/orders")?.methods.find((m) => m.httpMethod === "GET");
    expect(get?.authorizerId).toBe("${data.aws_api_gateway_authorizer.token.id}");
    const rules = runRules(model).findings.map((f) => `${f.ruleId} ${f.target.path ?? ""} ${f.target.httpMethod ?? ""}`.trim());
    expect(rules).toContain("options-requires-authorization /orders OPTIONS");
    expect(rules).toContain("options-requires-api-key /orders OPTIONS");
    // No HCL positions in a plan: the OPTIONS method points at its node in the JSON.
    const position = api.variants[0]!.locations["method /orders OPTIONS"];
    expect(position?.file).toBe("plan.json");
    expect(text.split("\n")[(position?.line ?? 0) - 1]).toContain("{");
    expect(text.split("\n")[position?.line ?? 0]).toContain('"address": "module.cors.aws_api_gateway_method.options"');
  });

  it("relinks known ids of resources that already exist", () => {
    const plan = structuredClone(PLAN_JSON) as typeof PLAN_JSON;
    plan.planned_values.root_module.resources.push({
      address: "aws_api_gateway_authorizer.token",
      mode: "managed",
      type: "aws_api_gateway_authorizer",
      name: "token",
      provider_name: "registry.terraform.io/hashicorp/aws",
      schema_version: 0,
      values: EXISTING_AUTHORIZER as never,
      sensitive_values: {},
    });
    const rest = plan.planned_values.root_module.resources[0]!;
    (rest.values as Record<string, unknown>).id = "r3st4p1";
    const result = readTerraformPlan({ path: "plan.json", text: JSON.stringify(plan) }, context);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.apis.map((a) => a.name)).toEqual(["aws_api_gateway_rest_api.orders"]);
    expect(result.apis[0]!.variants[0]!.snapshot.authorizers?.map((a) => a.id)).toEqual(["aws_api_gateway_authorizer.token"]);
  });

  it("refuses what is not a plan, and an unsupported major version, in one line", () => {
    const state = readTerraformPlan({ path: "state.json", text: '{"format_version":"1.0","values":{}}' }, context);
    expect(state.ok ? "" : state.error.message).toBe(
      "state.json: not the JSON of terraform show -json <plan> (no format_version with planned_values)",
    );
    const future = readTerraformPlan({ path: "p.json", text: '{"format_version":"2.0","planned_values":{}}' }, context);
    expect(future.ok ? "" : future.error.message).toBe("p.json: plan JSON format_version 2.0 is not supported (0.x and 1.x are)");
    const broken = readTerraformPlan({ path: "b.json", text: '{"format_version": "1.2",\n  "planned_values": }' }, context);
    expect(broken.ok ? "" : broken.error.message).toMatch(/^b\.json: not valid JSON: Unexpected token/);
  });
});
