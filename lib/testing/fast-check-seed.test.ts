import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CI_SEED, chosenSeed } from "@/lib/testing/fast-check-seed";

describe("fast-check seed", () => {
  it("is fixed under CI, random locally, and FC_SEED replays a printed one", () => {
    expect(chosenSeed({ CI: "true" })).toBe(CI_SEED);
    expect(chosenSeed({})).toBeUndefined();
    expect(chosenSeed({ CI: "false" })).toBeUndefined();
    expect(chosenSeed({ CI: "true", FC_SEED: "-1234" })).toBe(-1234);
    expect(() => chosenSeed({ FC_SEED: "abc" })).toThrow(/FC_SEED must be an integer/);
  });

  it("is what properties without their own seed run from", () => {
    expect(fc.readConfigureGlobal().seed).toBe(chosenSeed(process.env));
  });
});
