import { describe, expect, it } from "vitest";
import { createRemediationContext } from "@/lib/remediation/context";
import { renderFinding } from "@/lib/remediation/render-all";
import { allIntentFindings, storefrontModel } from "@/lib/remediation/testing/fixtures";

describe("peer suppressions in generated IaC", () => {
  const findings = allIntentFindings();
  const ctx = createRemediationContext(storefrontModel(), findings);
  const snippet = (index: number, format: string) =>
    renderFinding(findings[index]!, ctx).snippets.find((s) => s.format === format)!.content;

  it("opening OPTIONS carries Checkov's and cdk-nag's own suppressions with the reason", () => {
    // Finding 0 sets OPTIONS /orders/{id} to NONE without an API key.
    const terraform = snippet(0, "terraform");
    expect(terraform).toMatch(
      /resource "aws_api_gateway_method" "[^"]+" \{\n  #checkov:skip=CKV2_AWS_70:CORS preflight: browsers send OPTIONS without credentials/,
    );
    expect(snippet(0, "cloudformation")).toContain("rules_to_suppress");
    expect(snippet(0, "cloudformation")).toContain("AwsSolutions-APIG4");
    expect(snippet(0, "cdk")).toContain('.acknowledge({ id: "AwsSolutions-APIG4", reason: "CORS preflight:');
    // A new preflight (finding 2) too.
    expect(snippet(2, "terraform")).toContain("#checkov:skip=CKV2_AWS_70:");
    expect(snippet(2, "cdk")).toContain("AwsSolutions-APIG4");
  });

  it("turning caching off for a per-user method carries Checkov's CKV_AWS_225 skip; authorized methods get no preflight skip", () => {
    // Finding 6 keys GET /orders/{id} on the caller and turns its caching off.
    const terraform = snippet(6, "terraform");
    expect(terraform).toMatch(
      /resource "aws_api_gateway_method_settings" "[^"]+" \{\n  #checkov:skip=CKV_AWS_225:Authorized per-caller responses/,
    );
    expect(terraform).not.toContain("CKV2_AWS_70");
  });
});
