import { describe, expect, it } from "vitest";
import { runRules } from "@/lib/audit/run-rules";
import { ruleById } from "@/lib/rules";
import { normalizeApi } from "@/lib/model/normalize";
import { loadTerraformReader } from "./read-terraform";
import { corpusConfigurations } from "./testing/corpus";
import { generatedConfiguration } from "./testing/generate";
import { memoryContext } from "./testing/memory-context";

describe("Terraform reader at scale", () => {
  it("reads a generated 1,000-resource configuration (6,000 blocks, 1.6 MB) with bounded work", async () => {
    const read = await loadTerraformReader();
    const text = generatedConfiguration(1000);
    const result = read({ path: "big/main.tf", text }, memoryContext({ "big/main.tf": text }));
    if (!result.ok) throw new Error(result.error.message);
    const { model } = normalizeApi(result.apis[0]!.variants[0]!.snapshot);
    expect(model.resources).toHaveLength(1001);
    expect(model.resources.flatMap((r) => r.methods)).toHaveLength(2000);
    expect(model.resources.find((r) => r.path === "/p0/p1/p11/p111")?.methods.map((m) => m.httpMethod)).toEqual(["GET", "OPTIONS"]);
    expect(result.apis[0]!.gaps).toEqual([]);
    expect(model.authorizers[0]).toMatchObject({
      type: "REQUEST",
      effectiveTtlSeconds: 300,
      lambdaFunctionArn: "arn:aws:lambda:us-east-1:111122223333:function:auth",
    });
    const shared = ruleById("cached-authorizer-shared-across-methods");
    expect(shared && runRules(model, [shared]).findings.length).toBeGreaterThan(0);
    // How fast is `npm run bench:template`'s question; a blow-up here fails at the test timeout.
  });

  it("reads every corpus configuration directory", async () => {
    const read = await loadTerraformReader();
    let directories = 0;
    for (const files of corpusConfigurations().values()) {
      const dirs = new Map<string, string>();
      for (const path of Object.keys(files)) dirs.set(path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "", path);
      for (const entry of dirs.values()) {
        const result = read({ path: entry, text: files[entry] ?? "" }, memoryContext(files));
        expect(result.ok, entry).toBe(true);
        directories++;
      }
    }
    expect(directories).toBe(9);
  });
});
