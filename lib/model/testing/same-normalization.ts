/**
 * Test helper: the normaliser against its reference copy (lib/model/testing/reference, the code as it was before the
 * second speed pass of issue 16). Both must give the same model, to the byte of its JSON (key order included), and
 * the same warnings in the same order, alone and when several normalisations of one audit share a cache (the draft,
 * then each stage's served snapshot, as lib/audit/stage-runs.ts does).
 */
import { expect } from "vitest";
import { normalizeApi, type NormalizeResult } from "@/lib/model/normalize";
import { createNormalizeCache } from "@/lib/model/normalize-cache";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import { normalizeApi as referenceNormalizeApi } from "@/lib/model/testing/reference/normalize";
import { createNormalizeCache as createReferenceCache } from "@/lib/model/testing/reference/normalize-cache";

function expectSame(actual: NormalizeResult, expected: NormalizeResult, label: string): void {
  // JSON first: it fails with a readable diff and also holds the key order, which toEqual does not.
  expect(JSON.stringify(actual), label).toBe(JSON.stringify(expected));
  expect(actual, label).toEqual(expected);
}

/**
 * Normalises each snapshot alone, then all of them in order with one shared cache, with the live normaliser and with
 * the reference, and expects the same results. Returns the live results of the shared run.
 */
export function expectSameNormalization(snapshots: readonly RawApiSnapshot[], label = "snapshot"): NormalizeResult[] {
  snapshots.forEach((snapshot, index) => {
    expectSame(normalizeApi(snapshot), referenceNormalizeApi(snapshot), `${label} ${index} alone`);
  });
  const cache = createNormalizeCache();
  const referenceCache = createReferenceCache();
  return snapshots.map((snapshot, index) => {
    const live = normalizeApi(snapshot, { cache });
    expectSame(live, referenceNormalizeApi(snapshot, { cache: referenceCache }), `${label} ${index} with a shared cache`);
    return live;
  });
}
