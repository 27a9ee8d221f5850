/**
 * The SAM input/output pairs of the corpus (aws/serverless-application-model tests/translator, see
 * /work/shared/corpus/SOURCES.md): reading the input with the SAM reader must give, per condition variant,
 * the methods and authorizers the OpenAPI reader finds in the stored output's Body. Needs no Python.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readSamTemplate } from "@/lib/templates/sam";
import { isolatedContext, methodTable } from "@/lib/templates/testing/method-table";
import { oracleSnapshot, restApiIds } from "@/lib/templates/sam/testing/oracle";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";

const PREFIX = "aws__serverless-application-model__tests__translator__";
const PAIRS = [
  ["corpus", "api_with_cors_and_auth_preflight_auth"],
  ["corpus", "api_with_cors_and_auth_no_preflight_auth"],
  ["corpus", "api_with_cors_and_apikey"],
  ["corpus", "api_with_cors_and_apikey_defined_at_api_level"],
  ["corpus", "api_rest_paths_with_if_condition_swagger"],
  ["corpus", "api_with_auth_all_maximum"],
  ["corpus", "globals_for_api"],
  ["corpus-more", "api_with_request_parameters_openapi"],
] as const;

function authorizerRows(snapshot: RawApiSnapshot): string[] {
  return (snapshot.authorizers ?? [])
    .map((a) => `${a.id} ${a.type} ${a.identitySource ?? "-"} ttl=${a.authorizerResultTtlInSeconds ?? "-"}`)
    .sort();
}

describe("SAM reader = OpenAPI reader on the translator's stored output", () => {
  for (const [corpus, name] of PAIRS) {
    it(name, () => {
      const input = `/work/shared/${corpus}/sam/${PREFIX}input__${name}.yaml`;
      const output = `/work/shared/${corpus}/cloudformation/${PREFIX}output__${name}.json`;
      expect(existsSync(input) && existsSync(output)).toBe(true);
      const result = readSamTemplate({ path: "template.yaml", text: readFileSync(input, "utf8") }, isolatedContext());
      if (!result.ok) throw new Error(result.error.message);
      const translated = JSON.parse(readFileSync(output, "utf8")) as Record<string, unknown>;
      const ids = restApiIds(translated);
      expect(result.apis.map((a) => a.name).sort()).toEqual([...ids].sort());
      for (const api of result.apis) {
        for (const variant of api.variants) {
          const expected = oracleSnapshot(translated, api.name, variant.assumptions);
          if (typeof expected === "string") throw new Error(`${api.name}: ${expected}`);
          expect(methodTable(variant.snapshot), `${api.name} ${JSON.stringify(variant.assumptions)}`).toEqual(methodTable(expected));
          expect(authorizerRows(variant.snapshot)).toEqual(authorizerRows(expected));
        }
      }
    });
  }
});
