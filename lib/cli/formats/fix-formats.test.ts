import { describe, expect, it } from "vitest";
import { FIX_FORMAT_ALIASES, fixFormatFor, fixFormatNames } from "@/lib/cli/formats/fix-formats";
import { REMEDIATION_FORMATS } from "@/lib/remediation/formats/types";

describe("fix formats", () => {
  it("maps the friendly names and accepts every exact remediation format", () => {
    expect(fixFormatFor("cli")).toBe("aws-cli");
    expect(fixFormatFor("json")).toBe("sdk-json");
    for (const format of REMEDIATION_FORMATS) expect(fixFormatFor(format)).toBe(format);
  });

  it("usage shows one name per format, aliases instead of the names they stand for", () => {
    expect(fixFormatNames()).toEqual(["cli", "json", "cloudformation", "sam", "terraform", "cdk", "authorizer-node", "authorizer-python"]);
    expect(new Set(fixFormatNames().map(fixFormatFor))).toEqual(new Set(REMEDIATION_FORMATS));
    for (const alias of Object.keys(FIX_FORMAT_ALIASES)) expect(REMEDIATION_FORMATS as readonly string[]).not.toContain(alias);
  });

  it("knows nothing else, not even Object.prototype's keys", () => {
    expect(fixFormatFor("xml")).toBeUndefined();
    expect(fixFormatFor("toString")).toBeUndefined();
    expect(fixFormatFor("")).toBeUndefined();
  });
});
