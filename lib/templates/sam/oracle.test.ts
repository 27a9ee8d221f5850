/**
 * The real SAM translator as the oracle: for every corpus SAM template it can translate, the methods this
 * reader derives (path × verb × authorizationType × authorizer × apiKeyRequired) under every condition variant
 * must equal the methods in the translator's output Body, read with the OpenAPI reader. Under CI a missing
 * python3 or aws-sam-translator fails the test instead of skipping it.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSamTemplate } from "@/lib/templates/sam";
import { methodTable } from "@/lib/templates/testing/method-table";
import { CORPUS_SAM_DIRS, directoryContext, materialize, translateWithSam } from "@/lib/templates/sam/testing/corpus";
import { oracleSnapshot, oracleStageNames, restApiIds } from "@/lib/templates/sam/testing/oracle";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";

/** What the rules read of an authorizer; ARNs are compared elsewhere (the translator fills in parameter defaults and the partition). */
function authorizerRows(snapshot: RawApiSnapshot): string[] {
  return (snapshot.authorizers ?? [])
    .map(
      (a) =>
        `${a.id} ${a.type} ${a.identitySource ?? "-"} ttl=${a.authorizerResultTtlInSeconds ?? "-"} ${a.identityValidationExpression ?? "-"} providers=${a.providerARNs?.length ?? 0}`,
    )
    .sort();
}

const files = CORPUS_SAM_DIRS.flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)));

// Templates the translator refuses as written, each for a reason in the template itself (checked by hand).
const REFUSED: Record<string, RegExp> = {};
// Templates the YAML 1.2 parser of lib/templates/document.ts refuses (PyYAML accepts them): not comparable here.
const UNPARSED = new Set([
  "aws-samples__serverless-samples__owasp-api-security-controls-demo__owasp-api-security-controls-demo__fulfillment__template.yaml",
]);

let comparedVariants = 0;
const EXPECTED_VARIANTS = 23;
const probe = translateWithSam(files[0] as string);
const unavailable = !probe.ok && "unavailable" in probe ? probe.unavailable : undefined;

describe("SAM reader vs the SAM translator", () => {
  it("has the translator available (required under CI)", () => {
    if (process.env.CI) expect(unavailable).toBeUndefined();
  });

  for (const file of files) {
    const name = file.split("/").pop() as string;
    it.skipIf(unavailable !== undefined && !process.env.CI)(name, () => {
      const { dir, entry } = materialize(file);
      const translation = translateWithSam(join(dir, "template.yaml"));
      if (REFUSED[name]) {
        expect(translation).toMatchObject({ ok: false, refused: expect.stringMatching(REFUSED[name]) });
        return;
      }
      if (!translation.ok) throw new Error("refused" in translation ? translation.refused : translation.unavailable);
      const result = readSamTemplate(entry, directoryContext(dir));
      if (UNPARSED.has(name)) {
        expect(result.ok).toBe(false);
        return;
      }
      if (!result.ok) throw new Error(result.error.message);
      const output = translation.template;
      let compared = 0;
      for (const id of restApiIds(output)) {
        const ours = result.apis.find((api) => api.name === id);
        if (!ours) throw new Error(`${id}: no API read`);
        if (ours.format !== "sam") continue; // a plain AWS::ApiGateway::RestApi, read by the CloudFormation reader
        if (oracleSnapshot(output, id, ours.variants[0]?.assumptions ?? {}) === "no-body") {
          // A DefinitionUri becomes BodyS3Location (sam package uploads it): the translator shows no body to compare.
          expect(ours.variants.every((v) => v.snapshot.resources !== undefined)).toBe(true);
          continue;
        }
        for (const variant of ours.variants) {
          const oracle = oracleSnapshot(output, id, variant.assumptions);
          expect(oracle, `${id} ${JSON.stringify(variant.assumptions)}`).not.toBe("absent");
          if (typeof oracle === "string") throw new Error(`${id}: ${oracle}`);
          expect(methodTable(variant.snapshot), `${id} ${JSON.stringify(variant.assumptions)}`).toEqual(methodTable(oracle));
          expect(authorizerRows(variant.snapshot), `${id} authorizers`).toEqual(authorizerRows(oracle));
          // Stage names (SAM's extra "Stage" included) where the translator wrote them literally.
          const expectedStages = oracleStageNames(output, id);
          if (expectedStages.every((n) => !n.startsWith("{"))) {
            expect((variant.snapshot.stages ?? []).map((s) => s.stageName).sort(), `${id} stages`).toEqual(expectedStages);
          }
          compared++;
          comparedVariants++;
        }
      }
      expect(compared + restApiIds(output).length).toBeGreaterThan(0);
    });
  }

  it.skipIf(unavailable !== undefined && !process.env.CI)(
    "compared every translatable API variant (guards against comparing nothing)",
    () => {
      // Every API of the translatable corpus templates with a Body, one count per condition variant (counted when written).
      expect(comparedVariants).toBe(EXPECTED_VARIANTS);
    },
  );
});
