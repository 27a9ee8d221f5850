import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { fastLiveOptions, startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import type { Emulator } from "@/lib/emulator";
import { FILES_API_ID, generateLargeApi, HEALTHY_API_ID, LAMBDA_PROXY_API_ID, PROXY_API_ID, STOREFRONT_API_ID } from "@/lib/emulator/seeds";

/**
 * The core's speed work (indexes and memos shared through the model: lib/model/model-index.ts, the route trees of
 * lib/model/answered-by.ts) must not change a single finding. The snapshot below was recorded from the code as it
 * was before that work (commit "bench:core"), for every demo API and a generated large API, read through the real
 * SDK: per API the number of findings per rule, what was not evaluated, and a digest of the findings in full.
 * A rule change that is meant to change findings updates it with `npx vitest run -u <this file>`, and says so.
 */
const APIS = {
  storefront: STOREFRONT_API_ID,
  healthy: HEALTHY_API_ID,
  proxy: PROXY_API_ID,
  "lambda-proxy": LAMBDA_PROXY_API_ID,
  files: FILES_API_ID,
} as const;

describe("findings are unchanged by the core's indexes and memos", () => {
  let emulator: Emulator;
  let connection: Connection;
  let largeId: string;

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
    largeId = generateLargeApi(emulator.store, { resources: 1_000 });
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
  });

  async function summary(restApiId: string) {
    const result = await runAudit({ connection, region: "us-east-1", restApiId, live: fastLiveOptions() });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const { findings, notEvaluated } = result.report;
    const byRule: Record<string, number> = {};
    for (const finding of findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    return {
      findings: findings.length,
      byRule,
      notEvaluated,
      digest: createHash("sha256").update(JSON.stringify(findings)).digest("hex"),
    };
  }

  for (const [name, id] of Object.entries(APIS)) {
    it(`${name}: same findings`, async () => {
      expect(await summary(id)).toMatchSnapshot();
    });
  }

  it("generated 1,000-resource API: same findings", async () => {
    expect(await summary(largeId)).toMatchSnapshot();
  }, 30_000);
});
