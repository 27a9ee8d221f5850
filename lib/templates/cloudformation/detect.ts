/**
 * Is a parsed document a CloudFormation template, a SAM template (which the SAM reader owns), CDK output, or a CDK
 * cloud assembly manifest? Decided from the document's content, never from its name.
 */

export const SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

export interface CloudFormationDetection {
  /** `AWSTemplateFormatVersion`, or `Resources` holding at least one `AWS::…` type. */
  cloudformation: boolean;
  /** `Transform` names the SAM transform (string or list): the SAM reader's job. */
  sam: boolean;
  /**
   * Synthesised by the CDK: some resource carries `aws:cdk:path` metadata, or (when metadata is switched off, as in
   * CDK's own integ snapshots) the DefaultStackSynthesizer's `BootstrapVersion` parameter reads the SSM parameter
   * under /cdk-bootstrap/ (https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-env.html).
   */
  cdk: boolean;
  /** A cloud assembly `manifest.json` (`version` and `artifacts`), which lists stack templates. */
  cdkAssembly: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The `aws:cdk:path` of a resource, when the CDK synthesised it. */
export function cdkPathOf(resource: unknown): string | undefined {
  if (!isRecord(resource)) return undefined;
  const metadata = own(resource, "Metadata");
  const path = isRecord(metadata) ? own(metadata, "aws:cdk:path") : undefined;
  return typeof path === "string" ? path : undefined;
}

function bootstrapped(template: Record<string, unknown>): boolean {
  const parameters = own(template, "Parameters");
  const version = isRecord(parameters) ? own(parameters, "BootstrapVersion") : undefined;
  const fallback = isRecord(version) ? own(version, "Default") : undefined;
  return typeof fallback === "string" && fallback.startsWith("/cdk-bootstrap/");
}

export function detectCloudFormation(value: unknown): CloudFormationDetection {
  const none = { cloudformation: false, sam: false, cdk: false, cdkAssembly: false };
  if (!isRecord(value)) return none;
  const artifacts = own(value, "artifacts");
  if (typeof own(value, "version") === "string" && isRecord(artifacts)) return { ...none, cdkAssembly: true };
  const resources = own(value, "Resources");
  const entries = isRecord(resources) ? Object.values(resources) : [];
  const typed = entries.some((r) => isRecord(r) && typeof own(r, "Type") === "string" && String(own(r, "Type")).startsWith("AWS::"));
  const transform = own(value, "Transform");
  const transforms = Array.isArray(transform) ? transform : [transform];
  return {
    cloudformation: own(value, "AWSTemplateFormatVersion") !== undefined || typed,
    sam: transforms.includes(SAM_TRANSFORM),
    cdk: entries.some((r) => cdkPathOf(r) !== undefined) || bootstrapped(value),
    cdkAssembly: false,
  };
}
