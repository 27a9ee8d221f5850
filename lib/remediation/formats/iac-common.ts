import type { RemediationContext } from "@/lib/remediation/context";
import { iamForPath, type IamPermission } from "@/lib/remediation/iam";

/** Declarative tools cannot flush the authorizer cache: each IaC format tells the user to, after deploying. */
export function flushAfterDeploy(ctx: RemediationContext, stages: readonly string[], deployCommand: string): { manual: string[]; permissions: IamPermission[] } {
  return {
    manual: stages.map((stage) => `After ${deployCommand}, flush cached authorizer policies: aws apigateway flush-stage-authorizers-cache --region ${ctx.region} --rest-api-id ${ctx.apiId} --stage-name ${stage}`),
    permissions: stages.flatMap((stage) => iamForPath(ctx.region, `/restapis/${ctx.apiId}/stages/${stage}/cache/authorizers`, ["DELETE"])),
  };
}

/** What deploying a stack change needs from CloudFormation itself (CloudFormation, SAM and CDK deployments). */
export function cloudFormationDeployPermissions(ctx: RemediationContext): IamPermission[] {
  return ["cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:DescribeStacks"].map((action) => ({
    action,
    resource: `arn:aws:cloudformation:${ctx.region}:${ctx.accountId}:stack/*`,
  }));
}
