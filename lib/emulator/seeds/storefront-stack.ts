import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cloudFormationTags, stackArn, stacksOf, type StackState } from "../cloudformation/stacks";
import type { Scope } from "../store";

/**
 * The storefront demo is "deployed" by CloudFormation from its SAM template (templates/storefront/template.yaml):
 * GetTemplate (Original) answers that file byte for byte, DescribeStackResources the resources SAM's transform
 * makes of it, and the REST API carries CloudFormation's tags.
 */
export const STOREFRONT_STACK_NAME = "storefront-api";
export const STOREFRONT_LOGICAL_ID = "StorefrontApi";
export const STOREFRONT_TEMPLATE_PATH = fileURLToPath(new URL("./templates/storefront/template.yaml", import.meta.url));
const STACK_UUID = "5f0e2b10-8a1c-11ef-9d1a-0a1b2c3d4e5f";

export function storefrontStackIdentity(scope: Scope): Pick<StackState, "stackName" | "stackId"> {
  return { stackName: STOREFRONT_STACK_NAME, stackId: stackArn(scope.region, scope.accountId, STOREFRONT_STACK_NAME, STACK_UUID) };
}

export function storefrontStackTags(scope: Scope): Record<string, string> {
  return cloudFormationTags(storefrontStackIdentity(scope), STOREFRONT_LOGICAL_ID);
}

export function seedStorefrontStack(scope: Scope, ids: { restApiId: string; prodDeploymentId: string; devDeploymentId: string }): void {
  const identity = storefrontStackIdentity(scope);
  stacksOf(scope.state).set(STOREFRONT_STACK_NAME, {
    ...identity,
    createdAt: scope.store.now(),
    // Read on each call, not at seed time: the file is the single source of the demo's template.
    originalTemplate: () => readFileSync(STOREFRONT_TEMPLATE_PATH, "utf8"),
    // SAM names an Api's stage `${LogicalId}${StageName}Stage` and its deployment `${LogicalId}Deployment${hash}`
    // (samtranslator/model/api/api_generator.py); the dev stage and deployment are the template's own resources.
    resources: [
      { logicalId: STOREFRONT_LOGICAL_ID, physicalId: ids.restApiId, type: "AWS::ApiGateway::RestApi" },
      { logicalId: `${STOREFRONT_LOGICAL_ID}Deployment4a1b2c3d4e`, physicalId: ids.prodDeploymentId, type: "AWS::ApiGateway::Deployment" },
      { logicalId: `${STOREFRONT_LOGICAL_ID}prodStage`, physicalId: "prod", type: "AWS::ApiGateway::Stage" },
      { logicalId: "StorefrontApiDevDeployment", physicalId: ids.devDeploymentId, type: "AWS::ApiGateway::Deployment" },
      { logicalId: "StorefrontApiDevStage", physicalId: "dev", type: "AWS::ApiGateway::Stage" },
    ],
  });
}
