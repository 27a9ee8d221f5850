import { describe, expect, it } from "vitest";
import { createRemediationContext } from "@/lib/remediation/context";
import { renderAwsCli } from "@/lib/remediation/formats/aws-cli";
import { renderCdk } from "@/lib/remediation/formats/cdk";
import { renderCloudFormation } from "@/lib/remediation/formats/cloudformation";
import { renderSam } from "@/lib/remediation/formats/sam";
import { buildJsonPlan } from "@/lib/remediation/formats/sdk-json";
import { renderTerraform } from "@/lib/remediation/formats/terraform";
import type { RemoveStageCanaryIntent } from "@/lib/remediation/intents";
import { buildFindingPlan, buildPlan } from "@/lib/remediation/plan";
import { finding, storefrontModel } from "@/lib/remediation/testing/fixtures";

/**
 * remove-stage-canary in every format: the API call where a call can do it, the property to delete where the format
 * holds the stage, and everywhere the CLI call for a canary made outside the stack or configuration.
 */
const CANARY: RemoveStageCanaryIntent = { kind: "remove-stage-canary", stage: "prod", canaryDeploymentId: "dep003", percentTraffic: 10 };
const REMOVE =
  "aws apigateway update-stage --region eu-west-1 --rest-api-id a1b2c3d4e5 --stage-name prod --patch-operations op=remove,path=/canarySettings";
// The canary's problem alone, and with a method fix that needs prod redeployed first.
const canaryOnly = finding("options-requires-api-key", [CANARY], { target: { path: "/orders", httpMethod: "OPTIONS" } });
const methodFix = finding("options-requires-api-key", [
  { kind: "set-method-api-key-required", resourceId: "ordid001", path: "/orders/{id}", httpMethod: "OPTIONS", value: false },
]);

function planOf(...findings: ReturnType<typeof finding>[]) {
  return buildPlan(findings, createRemediationContext(storefrontModel(), findings));
}

describe("remove-stage-canary", () => {
  it("is one UpdateStage remove /canarySettings, after the redeploy of the same stage and before the cache flush", () => {
    const json = buildJsonPlan(planOf(methodFix, canaryOnly));
    const calls = json.steps.flatMap((step) => (step.type === "call" ? [step] : []));
    expect(calls.map((call) => call.command)).toEqual(["UpdateMethodCommand", "CreateDeploymentCommand", "UpdateStageCommand"]);
    expect(calls[2]).toMatchObject({
      input: { restApiId: "a1b2c3d4e5", stageName: "prod", patchOperations: [{ op: "remove", path: "/canarySettings" }] },
      findings: [2],
    });
    expect(calls[2]?.description).toContain("deployment dep003, 10 % of requests");
    expect(json.iamPermissions).toContainEqual({
      action: "apigateway:PATCH",
      resource: "arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod",
    });
  });

  it("alone asks for no redeploy: prod's own deployment does not have the problem", () => {
    const plan = buildFindingPlan(canaryOnly, createRemediationContext(storefrontModel(), [canaryOnly]));
    expect(plan.steps.map((step) => step.intent.kind)).toEqual(["remove-stage-canary"]);
    expect(renderAwsCli(plan).content).toContain("# 1. Remove the canary that still serves the problem");
  });

  it("CloudFormation: delete CanarySetting from the stage and DeploymentCanarySettings from the deployment, else the CLI", () => {
    const content = renderCloudFormation(planOf(methodFix, canaryOnly)).content;
    expect(content).toContain(
      "#   - Stage prod still sends 10 % of its requests to its canary (deployment dep003), which has the problem: delete CanarySetting from your AWS::ApiGateway::Stage prod, and DeploymentCanarySettings",
    );
    expect(content).toContain(`run: ${REMOVE}`);
    expect(content).toContain("  # Delete its CanarySetting: its canary deployment has the problem (see the steps in the header).");
    expect(content).not.toMatch(/^\s+CanarySetting:/m);
  });

  it("SAM: says the CanarySetting of the AWS::Serverless::Api must go, which a merged snippet cannot delete", () => {
    const content = renderSam(planOf(canaryOnly)).content;
    expect(content).toContain("delete CanarySetting from the Properties of the AWS::Serverless::Api");
    expect(content).toContain(`run: ${REMOVE}`);
    expect(content).toContain("apigateway:PATCH on arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/stages/prod");
  });

  it("Terraform: delete the stage's canary_settings block, else the CLI", () => {
    const content = renderTerraform(planOf(methodFix, canaryOnly)).content;
    expect(content).toContain(
      '# Delete the canary_settings block of your aws_api_gateway_stage "prod": terraform apply then removes the canary',
    );
    expect(content).toContain(`# If the stage is not in Terraform, or still has a canary after the apply: ${REMOVE}`);
    // After the redeploy's deployment block.
    expect(content.indexOf("canary_settings")).toBeGreaterThan(content.indexOf('resource "aws_api_gateway_deployment"'));
  });

  it("CDK: a deletion override on the RestApi's stage construct, and the CLI for a canary made outside the app", () => {
    const content = renderCdk(planOf(canaryOnly)).content;
    expect(content).toContain('const stage = api.node.tryFindChild("DeploymentStage.prod");');
    expect(content).toContain('addPropertyDeletionOverride("CanarySetting")');
    expect(content).toContain(`run: ${REMOVE}`);
  });
});
