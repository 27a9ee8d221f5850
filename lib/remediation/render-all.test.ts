import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { bundleZip, renderAll, renderFinding } from "@/lib/remediation/render-all";
import { REMEDIATION_FORMATS } from "@/lib/remediation/formats/types";
import { createRemediationContext } from "@/lib/remediation/context";
import { allIntentFindings, storefrontModel } from "@/lib/remediation/testing/fixtures";

describe("renderAll", () => {
  const findings = allIntentFindings();
  const ctx = createRemediationContext(storefrontModel(), findings);
  const bundle = renderAll(findings, ctx);

  it("renders every format once, with distinct filenames and the expected extensions", () => {
    expect(bundle.snippets.map((snippet) => snippet.format)).toEqual([...REMEDIATION_FORMATS]);
    expect(bundle.snippets.map((snippet) => snippet.filename)).toEqual([
      "preflight-fix-a1b2c3d4e5.sh",
      "preflight-fix-a1b2c3d4e5.json",
      "preflight-fix-a1b2c3d4e5.cloudformation.yaml",
      "preflight-fix-a1b2c3d4e5.sam.yaml",
      "preflight-fix-a1b2c3d4e5.tf",
      "preflight-fix-a1b2c3d4e5.cdk.ts",
      "preflight-authorizer-a1b2c3d4e5.js",
      "preflight_authorizer_a1b2c3d4e5.py",
    ]);
    for (const snippet of bundle.snippets) {
      expect(snippet.content.length).toBeGreaterThan(100);
      expect(snippet.iamActions.length).toBeGreaterThan(0);
      expect(snippet.content).toContain("a1b2c3d4e5");
    }
  });

  it("uses the real names, ids, paths, stages and region", () => {
    for (const snippet of bundle.snippets.filter((item) => !item.format.startsWith("authorizer"))) {
      expect(snippet.content).toContain("eu-west-1");
    }
    const cli = bundle.snippets[0]!.content;
    for (const value of ["ordid001", "prod0001", "health01", "tok001", "/orders/{id}", "prod", "DEFAULT_4XX"]) expect(cli).toContain(value);
  });

  it("per finding, renders only that finding's fixes", () => {
    const single = renderFinding(findings[2]!, ctx);
    const json = JSON.parse(single.snippets[1]!.content) as { steps: Array<{ command: string; input: { resourceId?: string } }> };
    expect(json.steps.map((step) => step.command)).toEqual([
      "PutMethodCommand",
      "PutIntegrationCommand",
      "PutMethodResponseCommand",
      "PutIntegrationResponseCommand",
      "CreateDeploymentCommand",
    ]);
    expect(single.snippets.map((snippet) => snippet.format)).not.toContain("authorizer-node");
  });

  it("bundles every file in a zip with a README", () => {
    const files = unzipSync(bundleZip(bundle));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [...bundle.snippets.map((snippet) => `preflight-fix-a1b2c3d4e5/${snippet.filename}`), "preflight-fix-a1b2c3d4e5/README.txt"].sort(),
    );
    expect(strFromU8(files["preflight-fix-a1b2c3d4e5/preflight-fix-a1b2c3d4e5.tf"]!)).toBe(bundle.snippets[4]!.content);
    expect(strFromU8(files["preflight-fix-a1b2c3d4e5/README.txt"]!)).toContain("[options-behind-authorizer, critical]");
  });
});
