/** One rendered remediation for a finding, in one format (AWS CLI, CloudFormation, Terraform, ...). */
export interface RemediationSnippet {
  format: string;
  label: string;
  language: string;
  code: string;
  /** Suggested file name, e.g. "fix-a1b2c3.sh". */
  filename?: string;
  /** IAM actions needed to apply it, e.g. ["apigateway:PATCH"]. */
  iamActions?: string[];
}
