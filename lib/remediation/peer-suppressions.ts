import type { DesiredMethod } from "@/lib/remediation/desired-state";

/**
 * Suppressions, in each scanner's own syntax, for the open CORS preflight the fixes create (issue 14):
 * Checkov's CKV2_AWS_70 fails an aws_api_gateway_method OPTIONS with authorization NONE, cdk-nag's
 * AwsSolutions-APIG4 reports methods without authorization. The reason travels with the suppression.
 * Syntax: Checkov `#checkov:skip=<id>:<comment>` inside the Terraform block
 * (https://www.checkov.io/2.Basics/Suppressing%20and%20Skipping%20Policies.html); for a CloudFormation template,
 * `Metadata.cdk_nag.rules_to_suppress` on the resource (what cdk-nag 2's NagSuppressions wrote); for CDK, cdk-nag 3's
 * `Validations.of(construct).acknowledge({ id, reason })` (https://github.com/cdklabs/cdk-nag#acknowledging-a-rule).
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
 * CDK: cdk-nag's own acknowledgement of AwsSolutions-APIG4 on the preflight's construct (and its CfnMethod child).
 * cdk-nag 3 (the version this project installs) dropped `NagSuppressions` for aws-cdk-lib's native
 * `Validations.of(construct).acknowledge({ id, reason })`, and its packs check that metadata on the resource and its
 * ancestors (cdk-nag README, "Acknowledging a Rule" and the v2 → v3 migration table; NagPack.isAcknowledged). The
 * `cdk_nag` CloudFormation metadata the v2 call wrote is not read by v3, so writing it would suppress nothing.
 * The v2 form is given in a comment for apps still on cdk-nag 2.
 */
export function cdkNagSuppression(construct: string): string[] {
  const reason = JSON.stringify(OPEN_PREFLIGHT_REASON);
  return [
    `  // cdk-nag 2: NagSuppressions.addResourceSuppressions(${construct}, [{ id: "AwsSolutions-APIG4", reason: ${reason} }], true);`,
    `  Validations.of(${construct}).acknowledge({ id: "AwsSolutions-APIG4", reason: ${reason} });`,
  ];
}

/** Inserts a line just inside the first block of an HCL chunk ("resource … {"). */
export function insideFirstBlock(hcl: string, line: string): string {
  const at = hcl.indexOf("{\n");
  return at === -1 ? hcl : `${hcl.slice(0, at + 2)}  ${line}\n${hcl.slice(at + 2)}`;
}
