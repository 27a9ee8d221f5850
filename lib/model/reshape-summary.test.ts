import { describe, expect, it } from "vitest";
import { reshapeSummary } from "@/lib/model/reshape-summary";
import { reshapeDeployment } from "@/lib/model/reshape-stages";
import type { RawDeployment } from "@/lib/model/raw-snapshot";
import { reshapeDeployment as referenceDeployment } from "@/lib/model/testing/reference/reshape-stages";

/**
 * The summary as the model holds it (the deployment's record, made from reshapeSummary's Map in the same order): what the
 * reference copy gives, with equal verbs records shared and frozen.
 */
function both(apiSummary: RawDeployment["apiSummary"]) {
  const warnings: string[] = [];
  const paths = reshapeSummary(apiSummary, () => {});
  const summary = reshapeDeployment({ id: "d1", apiSummary }, (m) => warnings.push(m)).apiSummary;
  expect(Object.keys(summary)).toEqual([...paths.keys()]);
  for (const [path, verbs] of paths) expect(summary[path]).toEqual(verbs);
  const referenceWarnings: string[] = [];
  const reference = referenceDeployment({ id: "d1", apiSummary }, (m) => referenceWarnings.push(m)).apiSummary;
  expect(JSON.stringify(summary)).toBe(JSON.stringify(reference));
  expect(summary).toEqual(reference);
  expect(warnings).toEqual(referenceWarnings);
  return { summary, warnings };
}

describe("reshapeSummary", () => {
  it("shares one frozen verbs record among the paths that have equal ones, in path and verb order", () => {
    const { summary } = both({
      "/b": { OPTIONS: { authorizationType: "NONE", apiKeyRequired: false }, GET: { authorizationType: "NONE" } },
      "/a": { GET: { authorizationType: "NONE", apiKeyRequired: false }, OPTIONS: {} },
      "/": { GET: { authorizationType: "AWS_IAM", apiKeyRequired: true } },
      "/c": { FETCH: { authorizationType: "NONE" } },
    });
    expect(Object.keys(summary)).toEqual(["/", "/a", "/b", "/c"]);
    expect(Object.keys(summary["/b"]!)).toEqual(["GET", "OPTIONS"]);
    expect(summary["/a"]).toBe(summary["/b"]);
    expect(Object.isFrozen(summary["/a"])).toBe(true);
    expect(summary["/c"]).toEqual({});
  });

  it("says each unknown authorization type in path then verb order, and keeps a value of another type as it is", () => {
    const { summary, warnings } = both({
      "/x": { OPTIONS: { authorizationType: "MAGIC" }, GET: { authorizationType: "SPELL", apiKeyRequired: false } },
      "/y": { GET: { authorizationType: "MAGIC" } },
      "/z": { GET: { authorizationType: "NONE", apiKeyRequired: "yes" as unknown as boolean }, POST: null as unknown as object },
    });
    expect(warnings).toEqual([
      'Deployed GET /x has an unknown authorizationType "SPELL"; treated as CUSTOM.',
      'Deployed OPTIONS /x has an unknown authorizationType "MAGIC"; treated as CUSTOM.',
      'Deployed GET /y has an unknown authorizationType "MAGIC"; treated as CUSTOM.',
    ]);
    expect(summary["/z"]).toEqual({
      GET: { authorizationType: "NONE", apiKeyRequired: "yes" },
      POST: { authorizationType: "NONE", apiKeyRequired: false },
    });
  });

  it("is empty for no summary", () => {
    expect(both(undefined).summary).toEqual({});
  });
});
