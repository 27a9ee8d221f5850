import { describe, expect, it } from "vitest";
import { auditModel } from "@/lib/audit/audit-model";
import { runRules, sortFindings, targetKey } from "@/lib/audit/run-rules";
import { reconcileStageRuns, servedSnapshot } from "@/lib/audit/stage-runs";
import { servedEqualsDraft } from "@/lib/audit/served-equals-draft";
import { createNormalizeCache } from "@/lib/model/normalize-cache";
import { normalizeApi } from "@/lib/model/normalize";
import type { RawApiSnapshot, RawResource } from "@/lib/model/raw-snapshot";
import { api } from "@/lib/rules/testing/model-builder";
import type { Finding } from "@/lib/rules/types";

/**
 * The same rules on each stage's deployed configuration (issue 13), with served configurations written by hand: the
 * draft's resources with one change, as a GetExport would have them.
 */
function withServed(snapshot: RawApiSnapshot, stage: string, change: (resources: RawResource[]) => void): RawApiSnapshot {
  const deploymentId = snapshot.stages?.find((s) => s.stageName === stage)?.deploymentId ?? "";
  const resources = structuredClone(snapshot.resources ?? []);
  change(resources);
  const deployment = snapshot.deployments[deploymentId] ?? { id: deploymentId };
  const apiSummary = Object.fromEntries(
    resources
      .filter((r) => r.resourceMethods)
      .map((r) => [
        r.path,
        Object.fromEntries(
          Object.entries(r.resourceMethods ?? {}).map(([verb, m]) => [
            verb,
            { authorizationType: m.authorizationType ?? "NONE", apiKeyRequired: m.apiKeyRequired ?? false },
          ]),
        ),
      ]),
  );
  snapshot.deployments[deploymentId] = {
    ...deployment,
    apiSummary,
    served: {
      source: "export",
      exportedStage: stage,
      resources,
      authorizers: snapshot.authorizers ?? [],
      gatewayResponses: [],
      filledFromDraft: [],
    },
  };
  return snapshot;
}

function findingsOf(snapshot: RawApiSnapshot) {
  const result = auditModel({
    snapshot,
    source: { kind: "live", connection: "test", customEndpoint: false },
    readAt: "2026-11-30T00:00:00.000Z",
  });
  if (!result.ok) throw new Error(result.failure.message);
  return result.report.findings;
}

const ORIGIN = "method.response.header.Access-Control-Allow-Origin";

/** GET /orders answers 200 from its MOCK integration, with or without Access-Control-Allow-Origin. */
const get200 = (withOrigin: boolean) => (resources: RawResource[]) => {
  const get = resources.find((r) => r.path === "/orders")?.resourceMethods?.GET;
  if (!get?.methodIntegration) throw new Error("GET /orders has no integration");
  get.methodIntegration.integrationResponses = {
    "200": { statusCode: "200", ...(withOrigin ? { responseParameters: { [ORIGIN]: "'*'" } } : {}) },
  };
  get.methodResponses = { "200": { statusCode: "200", ...(withOrigin ? { responseParameters: { [ORIGIN]: false } } : {}) } };
};

function corsApi(draftOrigin: boolean, ...stages: string[]): RawApiSnapshot {
  let builder = api().resource("/orders", (r) => r.method("GET", (m) => m.mock()).cors());
  for (const stage of stages) builder = builder.stage(stage);
  const snapshot = builder.snapshot();
  get200(draftOrigin)(snapshot.resources ?? []);
  return snapshot;
}

const setKey = (path: string, required: boolean) => (resources: RawResource[]) => {
  const options = resources.find((r) => r.path === path)?.resourceMethods?.OPTIONS;
  if (options) options.apiKeyRequired = required;
};

describe("rules per deployed stage", () => {
  it("a problem only the draft has names no stage and says a redeploy would ship it", () => {
    // prod serves GET /orders with Access-Control-Allow-Origin; the draft has since lost it.
    const unread = findingsOf(corsApi(false, "prod")).filter((f) => f.ruleId === "actual-response-without-cors");
    expect(unread.map((f) => f.stages)).toEqual([["prod"]]);
    const [finding, ...others] = findingsOf(withServed(corsApi(false, "prod"), "prod", get200(true))).filter(
      (f) => f.ruleId === "actual-response-without-cors",
    );
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ stages: [], draftOnly: true });
    expect(finding?.message).toContain("Only the draft has this: no stage serves it yet (a redeploy would ship it).");
  });

  it("a problem fixed in the draft is reported for the stages still serving it, and only them", () => {
    let snapshot = withServed(corsApi(true, "prod", "dev"), "prod", get200(false));
    snapshot = withServed(snapshot, "dev", get200(true));
    const [finding, ...others] = findingsOf(snapshot).filter((f) => f.ruleId === "actual-response-without-cors");
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ stages: ["prod"], draftOnly: false, severity: "medium" });
    expect(finding?.message).toContain("Fixed in the draft but not deployed: stage prod still serves it until redeployed.");
    expect(finding?.evidence).toMatchObject({ fixedInDraft: true, deployedOn: ["prod"] });
  });

  it("an API-key requirement removed in the draft keeps the rule's own wording for the stage still serving it", () => {
    const base = api()
      .resource("/orders", (r) => r.method("GET").cors())
      .stage("prod")
      .snapshot();
    const [finding] = findingsOf(withServed(base, "prod", setKey("/orders", true))).filter((f) => f.ruleId === "options-requires-api-key");
    expect(finding).toMatchObject({ stages: ["prod"], messageId: "fixedNotDeployed", severity: "high" });
  });

  it("a problem only a stage's canary serves is fixed by removing the canary, the rule's own fixes left out", () => {
    // prod serves the draft; its 10 % canary (deployment can01) requires an API key on OPTIONS /orders.
    const snapshot = withCanary(
      withServed(keyApi("prod"), "prod", () => {}),
      "prod",
      "can01",
      10,
      setKey("/orders", true),
    );
    const [finding, ...others] = findingsOf(snapshot).filter((f) => f.ruleId === "options-requires-api-key");
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ stages: ["prod"], evidence: { canaryOnly: true, canaryPercent: 10 } });
    expect(finding?.fixes).toEqual([{ kind: "remove-stage-canary", stage: "prod", canaryDeploymentId: "can01", percentTraffic: 10 }]);
  });

  it("a canary serving a problem other stages serve too adds its removal after the finding's own fixes", () => {
    // dev's deployment and prod's canary require the API key; the draft and prod's own deployment do not.
    let snapshot = withServed(keyApi("dev", "prod"), "dev", setKey("/orders", true));
    snapshot = withCanary(
      withServed(snapshot, "prod", () => {}),
      "prod",
      "can01",
      12.5,
      setKey("/orders", true),
    );
    const [finding, ...others] = findingsOf(snapshot).filter((f) => f.ruleId === "options-requires-api-key");
    expect(others).toEqual([]);
    expect(finding?.stages).toEqual(["dev", "prod"]);
    expect(finding?.fixes.map((intent) => intent.kind)).toEqual(["redeploy-stage", "remove-stage-canary"]);
    expect(finding?.fixes.at(-1)).toEqual({
      kind: "remove-stage-canary",
      stage: "prod",
      canaryDeploymentId: "can01",
      percentTraffic: 12.5,
    });
  });

  it("a problem the canary does not have asks for no canary change", () => {
    // prod's own deployment requires the API key, its canary does not: the redeploy fixes the 90 %.
    let snapshot = withServed(keyApi("prod"), "prod", setKey("/orders", true));
    snapshot = withCanary(snapshot, "prod", "can01", 10, () => {});
    const [finding] = findingsOf(snapshot).filter((f) => f.ruleId === "options-requires-api-key");
    expect(finding?.evidence).toMatchObject({ notInCanary: true });
    expect(finding?.fixes.some((intent) => intent.kind === "remove-stage-canary")).toBe(false);
  });
});

describe("the reconciled list", () => {
  // Stages serving the draft, stages that differ, a stage with a canary, two stages: every path of the reconciliation.
  const scenarios: Array<[string, () => RawApiSnapshot]> = [
    ["one stage serving the draft", () => withServed(corsApi(false, "prod"), "prod", () => {})],
    ["a stage serving a fix the draft lost", () => withServed(corsApi(false, "prod"), "prod", get200(true))],
    [
      "two stages, one serving a problem the draft fixed",
      () => withServed(withServed(corsApi(true, "prod", "dev"), "prod", get200(false)), "dev", get200(true)),
    ],
    ["a stage whose deployment was not exported", () => corsApi(false, "prod", "dev")],
    [
      "a canary with a problem",
      () =>
        withCanary(
          withServed(keyApi("prod"), "prod", () => {}),
          "prod",
          "can01",
          10,
          setKey("/orders", true),
        ),
    ],
    [
      "a canary and another stage with it",
      () =>
        withCanary(
          withServed(withServed(keyApi("dev", "prod"), "dev", setKey("/orders", true)), "prod", () => {}),
          "prod",
          "can01",
          12.5,
          setKey("/orders", true),
        ),
    ],
  ];
  const identity = (f: Finding) => `${f.ruleId} ${f.severity} ${targetKey(f)}`;

  it("starts with the draft run's findings in their order, so that the audit sorts only what stages add", () => {
    for (const [what, make] of scenarios) {
      const snapshot = make();
      const cache = createNormalizeCache();
      const { model } = normalizeApi(snapshot, { cache });
      const draft = runRules(model).findings;
      const reconciled = reconcileStageRuns(snapshot, draft, undefined, { model, cache });
      expect(reconciled.slice(0, draft.length).map(identity), what).toEqual(draft.map(identity));
      // The audit's findings are the reconciled ones in runRules' order, sorted or not.
      expect(JSON.stringify(findingsOf(make())), what).toBe(JSON.stringify(sortFindings(reconciled)));
    }
  });
});

function keyApi(...stages: string[]): RawApiSnapshot {
  let builder = api().resource("/orders", (r) => r.method("GET").cors());
  for (const stage of stages) builder = builder.stage(stage);
  return builder.snapshot();
}

/** A canary on stage: its own deployment, the draft's resources with one change, serving percent % of requests. */
function withCanary(
  snapshot: RawApiSnapshot,
  stage: string,
  deploymentId: string,
  percent: number,
  change: (resources: RawResource[]) => void,
): RawApiSnapshot {
  const target = snapshot.stages?.find((s) => s.stageName === stage);
  if (!target?.deploymentId) throw new Error(`stage ${stage} has no deployment`);
  const main = target.deploymentId;
  // withServed writes the served configuration of the stage's deployment: point the stage at the canary's for it.
  target.deploymentId = deploymentId;
  withServed(snapshot, stage, change);
  target.deploymentId = main;
  target.canarySettings = { deploymentId, percentTraffic: percent };
  return snapshot;
}

// The parts a stage's served snapshot replaces (stage-runs.ts SERVED_PARTS).
const SERVED = new Set(["resources", "authorizers", "gatewayResponses", "deployments"] as const);

describe("a stage serving the draft's configuration", () => {
  it("reconciles findings sharing one list of stages (as stagesWhere hands them out) as it does fresh copies of it", () => {
    const built = api()
      .resource("/orders", (r) => r.method("GET").method("PUT").cors())
      .resource("/items", (r) => r.method("GET"))
      .stage("prod")
      .snapshot();
    // Its export: the draft's resources unchanged, and the gateway responses the draft has.
    const snapshot = withServed(built, "prod", () => {});
    const deployment = snapshot.deployments[snapshot.stages?.[0]?.deploymentId ?? ""];
    if (deployment?.served) deployment.served.gatewayResponses = snapshot.gatewayResponses ?? [];
    const cache = createNormalizeCache();
    const { model } = normalizeApi(snapshot, { cache });
    const stage = snapshot.stages?.[0];
    if (!stage?.deploymentId) throw new Error("no stage");
    const served = servedSnapshot(snapshot, stage, stage.deploymentId);
    // The case the shortcut is for: the stage's run is the draft's.
    expect(served && servedEqualsDraft(snapshot, model, stage, served, SERVED)).toBe(true);
    const draft = runRules(model).findings;
    expect(draft.length).toBeGreaterThan(2);
    // One shared list, the empty list, and lists naming a stage the API does not have, interleaved.
    const prod = Object.freeze(["prod"]) as unknown as string[];
    const none = Object.freeze([]) as unknown as string[];
    const lists = [prod, prod, none, none, prod, ["prod", "gone"], none, prod];
    const shared = draft.map((finding, index) => ({ ...finding, stages: lists[index % lists.length] as string[] }));
    const fresh = shared.map((finding) => ({ ...finding, stages: [...finding.stages] }));
    const reconcile = (findings: Finding[]) => reconcileStageRuns(snapshot, findings, undefined, { model, cache });
    const got = reconcile(shared);
    expect(JSON.stringify(got)).toBe(JSON.stringify(reconcile(fresh)));
    // Not vacuous: the lists that were not the stage's own were restated (a stage that was not run stays named).
    expect(got.map((f) => f.stages.join())).toEqual(shared.map((f) => (f.stages.includes("gone") ? "prod,gone" : "prod")));
    expect(got.some((f, index) => f !== shared[index])).toBe(true);
  });
});
