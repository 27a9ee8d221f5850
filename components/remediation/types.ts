/** One rendered remediation for a finding, in one format (AWS CLI, CloudFormation, Terraform, ...). */
export interface RemediationSnippet {
  format: string;
  label: string;
  language: string;
  code: string;
}
