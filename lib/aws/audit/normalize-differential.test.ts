/**
 * The normaliser's second speed pass (issue 16) must not change a model: every demo API and a generated large API, read
 * through the real SDK from the emulator (so the served configuration comes from GetExport, as in production), and
 * every template of the shared corpora, normalise to exactly what the reference copy of the earlier code gives
 * (lib/model/testing/same-normalization.ts), alone and as one audit normalises them: the draft, then each stage's
 * served snapshot, sharing one cache.
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { readLiveApi } from "@/lib/aws/reader/live-reader";
import { fastLiveOptions, startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import { servedSnapshot } from "@/lib/audit/stage-runs";
import type { Emulator } from "@/lib/emulator";
import { FILES_API_ID, generateLargeApi, HEALTHY_API_ID, LAMBDA_PROXY_API_ID, PROXY_API_ID, STOREFRONT_API_ID } from "@/lib/emulator/seeds";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { expectSameNormalization } from "@/lib/model/testing/same-normalization";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { readTemplates } from "@/lib/templates/read-templates";
import { loadTemplateReaders } from "@/lib/templates/readers";

/** The snapshots one audit normalises: the draft, then each stage's and each canary's served configuration. */
function auditSnapshots(snapshot: RawApiSnapshot): RawApiSnapshot[] {
  const out = [snapshot];
  for (const stage of snapshot.stages ?? []) {
    for (const id of [stage.deploymentId, stage.canarySettings?.deploymentId]) {
      const served = id === undefined ? undefined : servedSnapshot(snapshot, stage, id);
      if (served) out.push(served);
    }
  }
  return out;
}

describe("the normaliser gives the reference's models for the demo APIs", () => {
  let emulator: Emulator;
  let connection: Connection;
  const ids: Record<string, string> = {
    storefront: STOREFRONT_API_ID,
    healthy: HEALTHY_API_ID,
    proxy: PROXY_API_ID,
    "lambda-proxy": LAMBDA_PROXY_API_ID,
    files: FILES_API_ID,
  };

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
    ids.large = generateLargeApi(emulator.store, { resources: 600 });
  }, 60_000);
  afterAll(async () => {
    await emulator?.close();
  });

  for (const name of ["storefront", "healthy", "proxy", "lambda-proxy", "files", "large"]) {
    it(`${name}`, async () => {
      const read = await readLiveApi(connection, "us-east-1", ids[name]!, fastLiveOptions());
      if (!read.result.ok) throw new Error(JSON.stringify(read.result.error));
      const snapshots = auditSnapshots(read.result.snapshot);
      expect(snapshots.length).toBeGreaterThan(1); // every demo API has a deployed stage
      expectSameNormalization(snapshots, name);
    }, 30_000);
  }
});

const CORPORA = ["/work/shared/corpus", "/work/shared/corpus-more"].filter((dir) => existsSync(dir));

describe.skipIf(CORPORA.length === 0)("the normaliser gives the reference's models for every corpus template", () => {
  it("every API of every template", async () => {
    const readers = await loadTemplateReaders();
    let apis = 0;
    for (const dir of CORPORA) {
      const tree = diskFileTree([dir], "/");
      if (!tree.ok) throw new Error(tree.message);
      const read = readTemplates(tree.tree, readers, { region: "us-east-1" });
      for (const api of read.apis) {
        for (const variant of api.variants) expectSameNormalization(auditSnapshots(variant.snapshot), `${api.files[0]} ${api.name}`);
        apis++;
      }
    }
    expect(apis).toBeGreaterThan(50);
  }, 120_000);
});
