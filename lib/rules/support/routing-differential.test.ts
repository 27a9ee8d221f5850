import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import { FILES_API_ID, generateLargeApi, HEALTHY_API_ID, LAMBDA_PROXY_API_ID, PROXY_API_ID, STOREFRONT_API_ID } from "@/lib/emulator/seeds";
import { answeredBy, answeredByDeployment } from "@/lib/model/answered-by";
import { referenceAnsweredBy, routingDisagreements } from "@/lib/model/testing/answered-by-oracle";
import { HTTP_VERBS, type ApiModel, type HttpVerb } from "@/lib/model/types";
import { allMethodKeys, pathsWithMethod } from "@/lib/rules/support/deployed-stages";
import { api } from "@/lib/rules/testing/model-builder";
import { fallthroughCallers } from "@/lib/rules/support/preflight-callers";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";

/**
 * The routing answers the rules use (answeredBy and answeredByDeployment, answered for every resource in one walk of
 * the route tree, lib/routing/own-path-routes.ts) against the reference, one resolveRoute per question, on real
 * models: every seeded demo API read through the real SDK, a generated large API, and every template of the shared
 * corpora. Every path the model or a deployment names (and each parent) is asked with every verb. fallthroughCallers
 * is compared with the same computation made with the reference answers.
 */
const SEEDS = {
  storefront: STOREFRONT_API_ID,
  healthy: HEALTHY_API_ID,
  proxy: PROXY_API_ID,
  "lambda-proxy": LAMBDA_PROXY_API_ID,
  files: FILES_API_ID,
};
const CORPORA = ["/work/shared/corpus", "/work/shared/corpus-more"];

/** fallthroughCallers as it is defined, with the reference answers: path → ids of the resources falling through to it. */
function referenceCallers(model: ApiModel): Record<string, string[]> {
  const callers: Record<string, string[]> = {};
  for (const resource of model.resources) {
    if (resource.methods.length === 0) continue;
    const answer = referenceAnsweredBy(model.resources, resource.path, "OPTIONS");
    if (!answer?.elsewhere || answer.method.httpMethod !== "OPTIONS") continue;
    (callers[answer.resource.path] ??= []).push(resource.id);
  }
  return callers;
}

function disagreements(model: ApiModel): string[] {
  // A copy of the model with its own lists, so the memos start empty whatever ran on this model before.
  const fresh: ApiModel = { ...model, resources: [...model.resources] };
  const found = routingDisagreements(fresh, {
    draft: (path: string, verb: HttpVerb) => answeredBy(fresh, path, verb),
    deployed: answeredByDeployment,
  });
  for (const verb of HTTP_VERBS) {
    const expected = allMethodKeys(fresh).flatMap((key) => (key.verb === verb ? [key.path] : []));
    const got = pathsWithMethod(fresh, verb);
    if (JSON.stringify(got) !== JSON.stringify(expected))
      found.push(`pathsWithMethod ${verb}: got ${got.join(" ")}, expected ${expected.join(" ")}`);
  }
  const callers = Object.fromEntries([...fallthroughCallers(fresh)].map(([path, resources]) => [path, resources.map((r) => r.id)]));
  if (JSON.stringify(callers) !== JSON.stringify(referenceCallers(fresh)))
    found.push(`fallthroughCallers: got ${JSON.stringify(callers)}, expected ${JSON.stringify(referenceCallers(fresh))}`);
  return found;
}

describe("routing answers on the seeds and the corpus equal the reference's", () => {
  let emulator: Emulator;
  let connection: Connection;
  let largeId: string;

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
    largeId = generateLargeApi(emulator.store, { resources: 150 });
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
  });

  async function seededModel(restApiId: string): Promise<ApiModel> {
    const result = await runAudit({ connection, region: "us-east-1", restApiId });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    return result.report.model;
  }

  for (const [name, id] of Object.entries(SEEDS)) {
    it(`seed ${name}`, async () => {
      const model = await seededModel(id);
      expect(model.resources.length).toBeGreaterThan(0);
      expect(disagreements(model)).toEqual([]);
    }, 30_000);
  }

  it("generated large API (150 resources)", async () => {
    expect(disagreements(await seededModel(largeId))).toEqual([]);
  }, 30_000);

  for (const corpus of CORPORA) {
    it(`every template of ${corpus}`, async () => {
      let apis = 0;
      const found: Record<string, string[]> = {};
      for (const format of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
        for (const entry of readdirSync(join(corpus, format.name))) {
          const tree = diskFileTree([join(corpus, format.name, entry)], join(corpus, format.name));
          if (!tree.ok) continue;
          const audited = await auditTemplates(tree.tree);
          for (const report of audited.reports) {
            apis += 1;
            const problems = disagreements(report.model);
            if (problems.length > 0)
              found[`${format.name}/${entry} ${report.source.kind === "template" ? report.source.apiName : ""}`] = problems;
          }
        }
      }
      expect(apis).toBeGreaterThan(20);
      expect(found).toEqual({});
    }, 120_000);
  }

  it("allMethodKeys and pathsWithMethod list each path+verb of the draft and the deployments once, in order of first appearance", () => {
    const model = api()
      .resource("/")
      .resource("/orders", (r) => r.method("GET").method("OPTIONS"))
      .build();
    const withStage: ApiModel = {
      ...model,
      stages: [
        {
          name: "prod",
          deployment: {
            id: "d",
            apiSummary: {
              "/orders": {
                GET: { authorizationType: "NONE", apiKeyRequired: false },
                PUT: { authorizationType: "NONE", apiKeyRequired: false },
              },
              "/old": { OPTIONS: { authorizationType: "NONE", apiKeyRequired: false } },
            },
          },
        } as unknown as ApiModel["stages"][number],
      ],
    };
    expect(pathsWithMethod(withStage, "OPTIONS")).toEqual(["/orders", "/old"]);
    expect(pathsWithMethod(withStage, "PUT")).toEqual(["/orders"]);
    expect(allMethodKeys(withStage).map(({ path, verb }) => `${verb} ${path}`)).toEqual([
      "GET /orders",
      "OPTIONS /orders",
      "PUT /orders",
      "OPTIONS /old",
    ]);
  });
});
