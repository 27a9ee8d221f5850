import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resourceAt } from "@/lib/model/model-index";
import type { ApiModel, DeployedMethodSummary } from "@/lib/model/types";
import { describeBrowserCalls, joinWords } from "@/lib/rules/support/browser-calls";
import { allMethodKeys, draftMethod, stagesWhere } from "@/lib/rules/support/deployed-stages";
import { guardedPreflights, type GuardedPreflight, type PreflightCredential } from "@/lib/rules/support/guarded-preflights";
import { fallthroughCallers } from "@/lib/rules/support/preflight-callers";
import { api } from "@/lib/rules/testing/model-builder";
import { randomModel } from "@/lib/rules/testing/random-models";

/**
 * guardedPreflights walks only the OPTIONS that ask for a credential (issue 16): it must answer exactly as the plain
 * walk over every path+verb key it replaced, kept here as the reference, for both credentials, in the same order.
 */
function reference(model: ApiModel, asksForCredential: (method: DeployedMethodSummary) => boolean): GuardedPreflight[] {
  const guarded: GuardedPreflight[] = [];
  const callers = fallthroughCallers(model);
  for (const { path, verb } of allMethodKeys(model)) {
    if (verb !== "OPTIONS") continue;
    const method = draftMethod(model, path, verb);
    const resource = resourceAt(model, path);
    const badStages = stagesWhere(model, path, verb, asksForCredential);
    const draft = method !== undefined && asksForCredential(method) ? method : undefined;
    if (!draft && badStages.length === 0) continue;
    const others = callers.get(path) ?? [];
    const own = describeBrowserCalls(model, resource, path);
    const calls =
      others.length === 0
        ? own
        : `${joinWords([own, ...others.map((r) => describeBrowserCalls(model, r, r.path))])} (whose preflights fall through to OPTIONS ${path})`;
    guarded.push({ path, resource, draft, badStages, calls, answersFor: others.map((r) => r.path) });
  }
  return guarded;
}

const PREDICATES: Record<PreflightCredential, (method: DeployedMethodSummary) => boolean> = {
  authorization: (served) => served.authorizationType !== "NONE",
  "api-key": (served) => served.apiKeyRequired,
};

describe("guardedPreflights", () => {
  it("answers as the walk over every method key, on random models", () => {
    fc.assert(
      fc.property(randomModel, (model) => {
        for (const credential of ["authorization", "api-key"] as const) {
          expect(guardedPreflights(model, credential)).toEqual(reference(model, PREDICATES[credential]));
        }
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it("lists the draft's OPTIONS in resource order, then OPTIONS only a deployment still serves", () => {
    const model = api()
      .authorizer("jwt", { type: "TOKEN" })
      .resource("/a", (r) => r.method("PUT").options((m) => m.authorizer("jwt")))
      .resource("/b", (r) => r.method("PUT").options())
      .resource("/c", (r) => r.method("PUT").options((m) => m.auth("AWS_IAM").apiKey()))
      .stage("prod", (s) =>
        s.deployed((d) =>
          d
            .method("/gone", "OPTIONS", { authorizationType: "CUSTOM" })
            .method("/b", "OPTIONS", { authorizationType: "AWS_IAM", apiKeyRequired: true }),
        ),
      )
      .stage("dev")
      .build();
    const authorization = guardedPreflights(model, "authorization");
    expect(authorization.map((g) => [g.path, g.draft?.authorizationType ?? null, g.badStages])).toEqual([
      ["/a", "CUSTOM", ["dev", "prod"]],
      // Fixed in the draft, still served by prod's deployment.
      ["/b", null, ["prod"]],
      ["/c", "AWS_IAM", ["dev", "prod"]],
      ["/gone", null, ["prod"]],
    ]);
    expect(guardedPreflights(model, "api-key").map((g) => [g.path, g.badStages])).toEqual([
      ["/b", ["prod"]],
      ["/c", ["dev", "prod"]],
    ]);
    expect(authorization).toEqual(reference(model, PREDICATES.authorization));
  });

  it("counts a deployment's OPTIONS key even without a summary, as the walk over every key did", () => {
    // Not a shape the normaliser produces: the draft OPTIONS of /a sits off its resource's path, and the deployment lists
    // OPTIONS /a with no summary. The key still makes /a a path to judge, and /a's draft OPTIONS asks.
    const base = api()
      .resource("/a", (r) => r.options((m) => m.auth("AWS_IAM")))
      .stage("prod")
      .build();
    const options = { ...base.resources.find((r) => r.path === "/a")!.methods[0]!, path: "/x" };
    const model: ApiModel = {
      ...base,
      resources: base.resources.map((r) => (r.path === "/a" ? { ...r, methods: [options] } : r)),
      stages: base.stages.map((stage) => ({ ...stage, deployment: { id: "d", apiSummary: { "/a": { OPTIONS: undefined } } } })),
    };
    expect(guardedPreflights(model, "authorization").map((g) => [g.path, g.draft?.path, g.badStages])).toEqual([["/a", "/x", []]]);
    expect(guardedPreflights(model, "authorization")).toEqual(reference(model, PREDICATES.authorization));
  });

  it("finds nothing on an API whose preflights ask for no credential", () => {
    const model = api()
      .resource("/a", (r) => r.method("PUT", (m) => m.auth("AWS_IAM").apiKey()).options())
      .stage("prod")
      .build();
    expect(guardedPreflights(model, "authorization")).toEqual([]);
    expect(guardedPreflights(model, "api-key")).toEqual([]);
  });
});
