import { describe, expect, it } from "vitest";
import { runRules } from "@/lib/audit/run-rules";
import { servedEqualsDraft } from "@/lib/audit/served-equals-draft";
import { reconcileStageRuns, servedSnapshot } from "@/lib/audit/stage-runs";
import { GATEWAY_RESPONSE_DEFAULT_STATUS, GATEWAY_RESPONSE_TYPES } from "@/lib/model/gateway-responses";
import { normalizeApi } from "@/lib/model/normalize";
import type { RawApiSnapshot, RawMethod, RawResource } from "@/lib/model/raw-snapshot";
import type { ModelPart } from "@/lib/model/types";
import { api } from "@/lib/rules/testing/model-builder";

const SERVED_PARTS = new Set<ModelPart>(["resources", "authorizers", "gatewayResponses", "deployments"]);

/** An API with findings of several rules (no CORS on GET /orders, an authorized OPTIONS, an unauthenticated method). */
function draftApi(configure: (b: ReturnType<typeof api>) => ReturnType<typeof api> = (b) => b.stage("prod")): RawApiSnapshot {
  const snapshot = configure(
    api()
      .authorizer("jwt", { type: "TOKEN" })
      .resource("/orders", (r) => r.method("GET", (m) => m.mock()).cors())
      .resource("/orders/{id}", (r) => r.method("PUT", (m) => m.authorizer("jwt")).options((m) => m.authorizer("jwt")))
      .resource("/public", (r) => r.method("POST")),
  ).snapshot();
  // GetGatewayResponses lists the built-in responses too, with their default status and body and defaultResponse: true
  // (https://docs.aws.amazon.com/apigateway/latest/api/API_GetGatewayResponses.html); an export leaves them out.
  snapshot.gatewayResponses = GATEWAY_RESPONSE_TYPES.map((responseType) => ({
    responseType,
    ...(GATEWAY_RESPONSE_DEFAULT_STATUS[responseType] ? { statusCode: GATEWAY_RESPONSE_DEFAULT_STATUS[responseType] } : {}),
    responseParameters: {},
    responseTemplates: { "application/json": '{"message":$context.error.messageString}' },
    defaultResponse: true,
  }));
  return snapshot;
}

/** Reorders a record's fields, as GetExport lists a method's fields in another order than GetResources. */
function reversedFields<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).reverse()) as T;
}

/**
 * The draft's configuration as the stage's export gives it back: resources in another order, each method's fields
 * in another order, and only the customised gateway responses (none here). `change` edits the copy.
 */
function served(snapshot: RawApiSnapshot, stage = "prod", change: (resources: RawResource[]) => void = () => {}): RawApiSnapshot {
  const deploymentId = snapshot.stages?.find((s) => s.stageName === stage)?.deploymentId ?? "";
  const resources = structuredClone(snapshot.resources ?? [])
    .reverse()
    .map((r) => ({
      ...r,
      ...(r.resourceMethods
        ? { resourceMethods: Object.fromEntries(Object.entries(r.resourceMethods).map(([verb, m]) => [verb, reversedFields(m)])) }
        : {}),
    }));
  change(resources);
  const deployment = snapshot.deployments[deploymentId] ?? { id: deploymentId };
  snapshot.deployments[deploymentId] = {
    ...deployment,
    served: {
      source: "export",
      exportedStage: stage,
      resources,
      authorizers: structuredClone(snapshot.authorizers ?? []),
      gatewayResponses: [],
      filledFromDraft: [],
    },
  };
  return snapshot;
}

function decide(snapshot: RawApiSnapshot, stageName = "prod"): boolean {
  const stage = snapshot.stages?.find((s) => s.stageName === stageName);
  if (!stage?.deploymentId) throw new Error("no stage");
  const servedOne = servedSnapshot(snapshot, stage, stage.deploymentId);
  if (!servedOne) throw new Error("no served configuration");
  return servedEqualsDraft(snapshot, normalizeApi(snapshot).model, stage, servedOne, SERVED_PARTS);
}

const method = (resources: RawResource[], path: string, verb: string): RawMethod => {
  const found = resources.find((r) => r.path === path)?.resourceMethods?.[verb];
  if (!found) throw new Error(`${verb} ${path} missing`);
  return found;
};

describe("a stage serving the draft's configuration", () => {
  it("is recognised through an export's other orders and its omitted default gateway responses", () => {
    expect(decide(served(draftApi()))).toBe(true);
  });

  it("reconciles to exactly what running the stage on its own gives", () => {
    const snapshot = served(draftApi());
    const { model } = normalizeApi(snapshot);
    const draft = runRules(model).findings;
    expect(draft.length).toBeGreaterThan(2);
    const reused = reconcileStageRuns(snapshot, draft, undefined, { model });
    expect(JSON.stringify(reused)).toBe(JSON.stringify(reconcileStageRuns(snapshot, draft)));
  });

  it("is run on its own after any change to what it serves", () => {
    const changes: Array<[string, (resources: RawResource[]) => void]> = [
      ["an API key on a method", (rs) => void (method(rs, "/public", "POST").apiKeyRequired = true)],
      ["another authorizer", (rs) => void (method(rs, "/orders/{id}", "OPTIONS").authorizerId = "other")],
      ["a method fewer", (rs) => void delete rs.find((r) => r.path === "/public")?.resourceMethods?.POST],
      ["a resource fewer", (rs) => void rs.splice(0, 1)],
      ["a field set to undefined", (rs) => void (method(rs, "/public", "POST").operationName = undefined)],
      [
        "mapped headers in another order",
        (rs) => {
          const integration = method(rs, "/orders", "OPTIONS").methodIntegration;
          const response = integration?.integrationResponses?.["200"];
          if (!response?.responseParameters) throw new Error("no mapped headers");
          response.responseParameters = reversedFields(response.responseParameters);
        },
      ],
      [
        "a path twice",
        (rs) => {
          rs.pop();
          rs.push({ ...structuredClone(rs[0] as RawResource), id: "twin" });
        },
      ],
    ];
    for (const [what, change] of changes) expect(decide(served(draftApi(), "prod", change)), what).toBe(false);
  });

  it("is run on its own when the draft has more than it serves: another stage, a canary, a part not read", () => {
    expect(decide(served(draftApi((b) => b.stage("prod").stage("dev"))))).toBe(false);
    const canary = served(draftApi());
    canary.stages![0]!.canarySettings = { deploymentId: "other", percentTraffic: 10 };
    expect(decide(canary)).toBe(false);
    const unreadResponses = served(draftApi());
    unreadResponses.missing.push({ part: "gatewayResponses", operation: "GetGatewayResponses", reason: "AccessDenied" });
    expect(decide(unreadResponses)).toBe(false);
    const otherPolicy = served(draftApi());
    otherPolicy.deployments[otherPolicy.stages![0]!.deploymentId!]!.served!.policy = '{"Version":"2012-10-17","Statement":[]}';
    expect(decide(otherPolicy)).toBe(false);
    const customised = served(draftApi());
    customised.deployments[customised.stages![0]!.deploymentId!]!.served!.gatewayResponses = [
      { responseType: "DEFAULT_4XX", responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": "'*'" } },
    ];
    expect(decide(customised)).toBe(false);
  });

  it("relies on normalisation sorting resources by path (the order read does not change the model)", () => {
    const snapshot = draftApi();
    const reordered = { ...snapshot, resources: [...(snapshot.resources ?? [])].reverse() };
    expect(JSON.stringify(normalizeApi(reordered).model)).toBe(JSON.stringify(normalizeApi(snapshot).model));
  });
});
