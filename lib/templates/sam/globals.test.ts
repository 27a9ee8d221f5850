import { describe, expect, it } from "vitest";
import { mergeApiGlobals, mergeGlobal } from "@/lib/templates/sam/globals";

describe("Globals merge (samtranslator/plugins/globals/globals.py GlobalProperties)", () => {
  it("merges dictionaries key by key, the resource's own value winning", () => {
    expect(
      mergeGlobal(
        { Auth: { DefaultAuthorizer: "A", AddApiKeyRequiredToCorsPreflight: false } },
        { Auth: { DefaultAuthorizer: "B", ApiKeyRequired: true } },
      ),
    ).toEqual({ Auth: { DefaultAuthorizer: "B", AddApiKeyRequiredToCorsPreflight: false, ApiKeyRequired: true } });
  });

  it("concatenates lists (globals first), without de-duplicating", () => {
    expect(mergeGlobal({ BinaryMediaTypes: ["a", "b"] }, { BinaryMediaTypes: ["a", "c"] })).toEqual({
      BinaryMediaTypes: ["a", "b", "a", "c"],
    });
  });

  it("takes the resource's own scalar, and its own value when the kinds differ; an intrinsic is a scalar", () => {
    expect(mergeGlobal({ Cors: "'*'" }, { Cors: { AllowOrigin: "'x'" } })).toEqual({ Cors: { AllowOrigin: "'x'" } });
    expect(mergeGlobal({ Cors: { AllowOrigin: "'*'", MaxAge: 5 } }, { Cors: { "Fn::Sub": "'${Origin}'" } })).toEqual({
      Cors: { "Fn::Sub": "'${Origin}'" },
    });
    expect(mergeGlobal({ CacheClusterEnabled: true }, { CacheClusterEnabled: false })).toEqual({ CacheClusterEnabled: false });
  });

  it("lets Globals set only what SAM allows on an Api (not DefinitionBody or StageName), and keeps hostile keys as data", () => {
    const merged = mergeApiGlobals(
      { DefinitionBody: { paths: {} }, StageName: "x", Cors: "'*'", ["__proto__"]: { polluted: true } },
      { StageName: "Prod" },
    );
    expect(merged).toEqual({ Cors: "'*'", StageName: "Prod" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
