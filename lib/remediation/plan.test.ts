import { describe, expect, it } from "vitest";
import { createRemediationContext } from "@/lib/remediation/context";
import type { FixIntentKind } from "@/lib/remediation/intents";
import { buildFindingPlan, buildPlan, PHASES } from "@/lib/remediation/plan";
import { allIntentFindings, finding, intentKindsIn, storefrontModel } from "@/lib/remediation/testing/fixtures";

// Compile-time complete: adding an intent kind without listing it here fails typecheck.
const ALL_KINDS: Record<FixIntentKind, true> = {
  "set-method-authorization": true,
  "set-method-api-key-required": true,
  "add-cors-preflight": true,
  "set-preflight-headers": true,
  "replace-preflight-integration-with-mock": true,
  "add-gateway-response-cors": true,
  "add-method-response-cors-origin": true,
  "set-authorizer-ttl": true,
  "widen-authorizer-policy": true,
  "add-cache-key-parameter": true,
  "set-stage-method-setting": true,
  "redeploy-stage": true,
  "flush-authorizer-cache": true,
  "remove-stage-canary": true,
  "set-integration-content-handling": true,
  "set-rest-api-policy": true,
  "clear-method-request-validator": true,
};

describe("buildPlan", () => {
  it("the fixture findings cover every intent kind", () => {
    expect([...intentKindsIn(allIntentFindings())].sort()).toEqual(Object.keys(ALL_KINDS).sort());
  });

  it("orders steps method → response → stage setting → redeploy → flush", () => {
    const findings = allIntentFindings();
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    const phases = plan.steps.map((step) => PHASES.indexOf(step.phase));
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    expect(plan.steps.at(-1)?.intent.kind).toBe("flush-authorizer-cache");
  });

  it("redeploys and flushes each affected stage exactly once", () => {
    const findings = [
      ...allIntentFindings(),
      finding("second-redeploy", [
        { kind: "redeploy-stage", stage: "prod", description: "again" },
        { kind: "flush-authorizer-cache", stage: "prod" },
      ]),
    ];
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    expect(plan.steps.filter((step) => step.intent.kind === "redeploy-stage")).toHaveLength(1);
    expect(plan.steps.filter((step) => step.intent.kind === "flush-authorizer-cache")).toHaveLength(1);
  });

  it("adds a redeploy for every affected stage after changes that need a deployment", () => {
    const findings = [
      finding(
        "a",
        [{ kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: false }],
        { stages: ["prod", "staging"] },
      ),
    ];
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    expect(plan.steps.map((step) => step.intent.kind)).toEqual(["set-method-api-key-required", "redeploy-stage", "redeploy-stage"]);
    expect(
      plan.steps.filter((step) => step.intent.kind === "redeploy-stage").map((step) => (step.intent as { stage: string }).stage),
    ).toEqual(["prod", "staging"]);
    expect(plan.steps[1]?.findings).toEqual([]);
  });

  it("does not redeploy for stage settings alone (they take effect at once)", () => {
    const findings = [
      finding("a", [
        {
          kind: "set-stage-method-setting",
          stage: "prod",
          path: "/orders/{id}",
          httpMethod: "GET",
          setting: "caching/enabled",
          value: false,
        },
      ]),
    ];
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    expect(plan.steps.map((step) => step.intent.kind)).toEqual(["set-stage-method-setting"]);
  });

  it("dedupes identical intents and records every finding that asked", () => {
    const intent = {
      kind: "set-method-api-key-required",
      resourceId: "ordid001",
      path: "/orders/{id}",
      httpMethod: "OPTIONS",
      value: false,
    } as const;
    const findings = [finding("a", [intent]), finding("b", [intent])];
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    const steps = plan.steps.filter((step) => step.intent.kind === intent.kind);
    expect(steps).toHaveLength(1);
    expect(steps[0]?.findings).toEqual([1, 2]);
  });

  it("unites CORS lists and keeps the shorter TTL", () => {
    const cors = { kind: "add-cors-preflight" as const, resourceId: "prod0001", path: "/products", allowOrigin: "*", allowHeaders: ["A"] };
    const findings = [
      finding("a", [
        { ...cors, allowMethods: ["GET"] },
        { kind: "set-authorizer-ttl", authorizerId: "tok001", authorizerName: "t", fromSeconds: 300, toSeconds: 60 },
      ]),
      finding("b", [
        { ...cors, allowMethods: ["POST"], allowHeaders: ["B"] },
        { kind: "set-authorizer-ttl", authorizerId: "tok001", authorizerName: "t", fromSeconds: 300, toSeconds: 0 },
      ]),
    ];
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    const merged = plan.steps.find((step) => step.intent.kind === "add-cors-preflight")?.intent;
    expect(merged).toMatchObject({ allowMethods: ["GET", "POST"], allowHeaders: ["A", "B"] });
    expect(plan.steps.find((step) => step.intent.kind === "set-authorizer-ttl")?.intent).toMatchObject({ toSeconds: 0 });
    expect(plan.conflicts).toEqual([]);
  });

  it("publishes every finding's changes to a stage with one deployment, without reporting a conflict", () => {
    const findings = [
      finding("a", [{ kind: "redeploy-stage", stage: "prod", description: "Publish the OPTIONS fix" }]),
      finding("b", [{ kind: "redeploy-stage", stage: "prod", description: "Publish the API key fix" }]),
    ];
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    const redeploys = plan.steps.filter((step) => step.intent.kind === "redeploy-stage");
    expect(redeploys).toHaveLength(1);
    expect(redeploys[0]?.findings).toEqual([1, 2]);
    expect(plan.conflicts).toEqual([]);
  });

  it("reports conflicting intents and keeps the first", () => {
    const findings = [
      finding("a", [
        { kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: false },
      ]),
      finding("b", [
        { kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: true },
      ]),
    ];
    const plan = buildPlan(findings, createRemediationContext(storefrontModel(), findings));
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.steps[0]?.intent).toMatchObject({ value: false });
  });

  it("a finding's own plan redeploys only its stages; a draft-only finding redeploys none", () => {
    const findings = allIntentFindings();
    const ctx = createRemediationContext(storefrontModel(), findings);
    const draft = finding(
      "draft",
      [{ kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: false }],
      { stages: [], draftOnly: true },
    );
    expect(buildFindingPlan(draft, ctx).steps.map((step) => step.intent.kind)).toEqual(["set-method-api-key-required"]);
  });

  it("rejects a stage the API does not have", () => {
    const findings = [finding("a", [], { stages: ["nope"] })];
    expect(() => createRemediationContext(storefrontModel(), findings)).toThrow(/nope/);
  });
});
