/**
 * A file name part from the audited account (an API id, which for a template audit is a logical id or a Terraform
 * address such as `aws_api_gateway_rest_api.x["a/../b"]`): letters, digits, ".", "_" and "-" only, so a bundle entry
 * or a download name never leaves its folder or carries a path separator.
 */
export function fileNamePart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";
}
