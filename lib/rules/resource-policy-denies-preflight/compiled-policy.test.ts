import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import { FILES_API_ID, generateLargeApi, HEALTHY_API_ID, STOREFRONT_API_ID } from "@/lib/emulator/seeds";
import { filesPolicy } from "@/lib/emulator/seeds/files";
import type { ApiModel } from "@/lib/model/types";
import { randomModel } from "@/lib/rules/testing/random-models";
import { randomPolicyText } from "@/lib/rules/testing/random-policies";
import { referencePolicyDeniesPreflight } from "@/lib/rules/testing/resource-policy-denies-preflight-reference";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { resourcePolicyDeniesPreflight } from "./rule";

/**
 * The rule compiles the resource policy once per model and asks it per preflight ARN (issue 16). Its findings must be
 * byte for byte those of the per-method evaluation it replaced (lib/rules/testing/resource-policy-denies-preflight-
 * reference.ts): on random models carrying random policies, on the seeded demo APIs read through the real SDK (the
 * files API's own policy, and others given policies), a generated large API, and every corpus template with a policy.
 */
const check = (model: ApiModel) => JSON.stringify(resourcePolicyDeniesPreflight.check({ model }));
const reference = (model: ApiModel) => JSON.stringify(referencePolicyDeniesPreflight(model));

const withPolicy = (model: ApiModel, policy: string): ApiModel => ({ ...model, api: { ...model.api, policy } });

const STAGES = ["stage0", "stage1", "stage2"];
const randomPolicyModel = fc
  .record({
    model: randomModel,
    policy: randomPolicyText({ region: "us-east-1", accountId: "123456789012", apiId: "a1b2c3d4e5", stages: STAGES }),
    privateEndpoint: fc.boolean(),
    accountKnown: fc.boolean(),
  })
  .map(({ model, policy, privateEndpoint, accountKnown }): ApiModel => {
    const { accountId, ...api } = model.api;
    return {
      ...model,
      api: {
        ...api,
        ...(accountKnown && accountId !== undefined ? { accountId } : {}),
        endpointTypes: privateEndpoint ? ["PRIVATE"] : ["REGIONAL"],
        policy,
      },
    };
  });

/** Policies whose verdicts differ by path, stage and caller, for the seeded and generated models. */
function policiesFor(model: ApiModel): string[] {
  const arnPrefix = `arn:aws:execute-api:${model.api.region}:${model.api.accountId ?? "*"}:${model.api.id}`;
  const statement = (fields: object) => ({ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", ...fields });
  return [
    filesPolicy(model.api.region, model.api.accountId ?? "123456789012"),
    JSON.stringify({
      Statement: [
        statement({ Resource: "execute-api:/*" }),
        statement({ Sid: "NoOptionsUnderItems", Effect: "Deny", Resource: `${arnPrefix}/*/OPTIONS/*item*` }),
        statement({ Resource: "execute-api:/*/OPTIONS/*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } }),
      ],
    }),
    JSON.stringify({ Statement: statement({ NotResource: `${arnPrefix}/*/OPTIONS/r1*` }) }),
  ];
}

describe("resource-policy-denies-preflight with the policy compiled once per model", () => {
  it("reports what the per-method evaluation reports, on random models with random policies", () => {
    const messageIds = new Set<string>();
    fc.assert(
      fc.property(randomPolicyModel, (model) => {
        const expected = reference(model);
        for (const finding of JSON.parse(expected) as Array<{ messageId: string }>) messageIds.add(finding.messageId);
        expect(check(model)).toBe(expected);
        // Asked again about the same model (the memoised compiled policy), and about a copy with another policy.
        expect(check(model)).toBe(expected);
        const other = withPolicy(model, JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" } }));
        expect(check(other)).toBe(reference(other));
      }),
      { numRuns: 500, seed: 16 },
    );
    // The random policies reach every kind of finding, so the comparison covers each.
    expect([...messageIds].sort()).toEqual(["explicitDeny", "implicitDeny", "notEvaluated"]);
  });

  it("a copy of a model with another policy is judged by its own policy, not the first one's memo", () => {
    const [denied] = policiesFor({ api: { region: "us-east-1", id: "a1b2c3d4e5" } } as ApiModel);
    fc.assert(
      fc.property(randomModel, (model) => {
        const open = withPolicy(model, JSON.stringify({ Statement: { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" } }));
        const closed = withPolicy(model, denied!);
        expect(resourcePolicyDeniesPreflight.check({ model: open })).toEqual([]);
        expect(check(closed)).toBe(reference(closed));
        expect(resourcePolicyDeniesPreflight.check({ model: open })).toEqual([]);
      }),
      { numRuns: 50, seed: 16 },
    );
  });

  describe("on the seeds and a generated large API", () => {
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

    it("the files API with its own policy", async () => {
      const model = await seededModel(FILES_API_ID);
      expect(model.api.policy).toBeTruthy();
      expect(JSON.parse(check(model))).not.toEqual([]);
      expect(check(model)).toBe(reference(model));
    }, 30_000);

    for (const [name, id] of Object.entries({ storefront: STOREFRONT_API_ID, healthy: HEALTHY_API_ID, files: FILES_API_ID })) {
      it(`${name} with other policies`, async () => {
        const model = await seededModel(id);
        for (const policy of policiesFor(model)) expect(check(withPolicy(model, policy))).toBe(reference(withPolicy(model, policy)));
      }, 30_000);
    }

    it("generated large API (150 resources) with policies", async () => {
      const model = await seededModel(largeId);
      let findings = 0;
      for (const policy of policiesFor(model)) {
        const expected = reference(withPolicy(model, policy));
        findings += (JSON.parse(expected) as unknown[]).length;
        expect(check(withPolicy(model, policy))).toBe(expected);
      }
      expect(findings).toBeGreaterThan(0);
    }, 30_000);
  });

  it("every template of the corpora that carries a resource policy", async () => {
    let withPolicies = 0;
    for (const corpus of ["/work/shared/corpus", "/work/shared/corpus-more"]) {
      for (const format of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
        for (const entry of readdirSync(join(corpus, format.name))) {
          if (!mentionsPolicy(join(corpus, format.name, entry))) continue;
          const tree = diskFileTree([join(corpus, format.name, entry)], join(corpus, format.name));
          if (!tree.ok) continue;
          for (const report of (await auditTemplates(tree.tree)).reports) {
            if (!report.model.api.policy) continue;
            withPolicies += 1;
            expect(check(report.model), `${format.name}/${entry}`).toBe(reference(report.model));
          }
        }
      }
    }
    expect(withPolicies).toBeGreaterThan(0);
  }, 120_000);
});

/** Whether a template file (or any file of a template directory) names a policy: the others carry none to compare. */
function mentionsPolicy(path: string): boolean {
  if (statSync(path).isDirectory()) return readdirSync(path).some((entry) => mentionsPolicy(join(path, entry)));
  return /policy/i.test(readFileSync(path, "utf8"));
}
