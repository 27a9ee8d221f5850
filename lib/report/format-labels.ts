import type { RemediationFormat } from "@/lib/remediation/formats/types";

/** Tab labels for the remediation formats, in the order the tabs show them. */
export const FORMAT_LABELS: Record<RemediationFormat, string> = {
  "aws-cli": "AWS CLI",
  "sdk-json": "SDK plan (JSON)",
  cloudformation: "CloudFormation",
  sam: "SAM",
  terraform: "Terraform",
  cdk: "CDK",
  "authorizer-node": "Authorizer (Node.js)",
  "authorizer-python": "Authorizer (Python)",
};
