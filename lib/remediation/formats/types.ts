import type { IamPermission } from "@/lib/remediation/iam";

export const REMEDIATION_FORMATS = [
  "aws-cli",
  "sdk-json",
  "cloudformation",
  "sam",
  "terraform",
  "cdk",
  "authorizer-node",
  "authorizer-python",
] as const;
export type RemediationFormat = (typeof REMEDIATION_FORMATS)[number];

export interface RenderedSnippet {
  format: RemediationFormat;
  filename: string;
  /** For syntax highlighting: "bash", "json", "yaml", "hcl", "typescript", "javascript", "python". */
  language: string;
  content: string;
  /** Distinct IAM actions the snippet needs to be applied, e.g. ["apigateway:PATCH"]. */
  iamActions: string[];
  /** The actions with the resources they apply to. */
  iamPermissions: IamPermission[];
}
