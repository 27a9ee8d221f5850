import type { DesiredMethod } from "@/lib/remediation/desired-state";

/**
 * Suppressions, in each scanner's own syntax, for the open CORS preflight the fixes create (issue 14):
 * Checkov's CKV2_AWS_70 fails an aws_api_gateway_method OPTIONS with authorization NONE, cdk-nag's
 * AwsSolutions-APIG4 reports methods without authorization. The reason travels with the suppression.
 * Syntax: Checkov `#checkov:skip=<id>:<comment>` inside the Terraform block
 * (https://www.checkov.io/2.Basics/Suppressing%20and%20Skipping%20Policies.html); cdk-nag
 * `NagSuppressions.addResourceSuppressions(construct, [{ id, reason }])`, which writes
 * `Metadata.cdk_nag.rules_to_suppress` on the CloudFormation resource (https://github.com/cdklabs/cdk-nag#suppressing-a-rule).
 */
export const OPEN_PREFLIGHT_REASON =
  "CORS preflight: browsers send OPTIONS without credentials, so it cannot be authorized; the MOCK integration returns only CORS headers (Preflight).";

export function isOpenPreflight(method: Pick<DesiredMethod, "httpMethod" | "authorizationType" | "apiKeyRequired">): boolean {
  return method.httpMethod === "OPTIONS" && method.authorizationType === "NONE" && !method.apiKeyRequired;
}

/** Terraform: the comment line Checkov reads inside the resource block. */
export function checkovSkipLine(): string {
  return `#checkov:skip=CKV2_AWS_70:${OPEN_PREFLIGHT_REASON.replace(/[\r\n]/g, " ")}`;
}

export const PER_USER_CACHE_REASON =
  "Authorized per-caller responses: a stage cache without the caller's identity in its key serves one caller's data to another (Preflight).";

/** Terraform: Checkov CKV_AWS_225 ("Ensure API Gateway method setting caching is enabled") on a method setting that turns caching off. */
export function checkovCacheSkipLine(): string {
  return `#checkov:skip=CKV_AWS_225:${PER_USER_CACHE_REASON}`;
}

/** CloudFormation: the Metadata cdk-nag reads (what NagSuppressions writes). */
export function cfnNagMetadata(): Record<string, unknown> {
  return { cdk_nag: { rules_to_suppress: [{ id: "AwsSolutions-APIG4", reason: OPEN_PREFLIGHT_REASON }] } };
}

/**
 * CDK: the suppression NagSuppressions.addResourceSuppressions would add, written as the CfnResource
 * metadata it produces, so the snippet compiles whether or not the app depends on cdk-nag; the
 * NagSuppressions form is given in a comment for apps that do.
 */
export function cdkNagSuppression(cfnResource: string): string[] {
  const suppression = `[{ id: "AwsSolutions-APIG4", reason: ${JSON.stringify(OPEN_PREFLIGHT_REASON)} }]`;
  return [
    `  // cdk-nag: same as NagSuppressions.addResourceSuppressions(${cfnResource}, ${suppression});`,
    `  ${cfnResource}.addMetadata("cdk_nag", { rules_to_suppress: ${suppression} });`,
  ];
}

/** Inserts a line just inside the first block of an HCL chunk ("resource … {"). */
export function insideFirstBlock(hcl: string, line: string): string {
  const at = hcl.indexOf("{\n");
  return at === -1 ? hcl : `${hcl.slice(0, at + 2)}  ${line}\n${hcl.slice(at + 2)}`;
}
