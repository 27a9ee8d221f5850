/** Which Terraform input a file is: HCL configuration (`.tf`, `.tf.json`) or the JSON of `terraform show -json <plan>`. */

export function isTerraformConfigurationFile(path: string): boolean {
  const name = path.toLowerCase();
  return name.endsWith(".tf") || name.endsWith(".tf.json");
}

/** Variable definition files Terraform loads by itself: terraform.tfvars(.json) and *.auto.tfvars(.json). */
export function isAutoLoadedTfvars(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === "terraform.tfvars" ||
    lower === "terraform.tfvars.json" ||
    lower.endsWith(".auto.tfvars") ||
    lower.endsWith(".auto.tfvars.json")
  );
}

/**
 * A plan's JSON has `format_version` and `planned_values` or `resource_changes`
 * (https://developer.hashicorp.com/terraform/internals/json-format). A state file has `values` instead.
 */
export function isTerraformPlanJson(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.format_version === "string" && (typeof v.planned_values === "object" || Array.isArray(v.resource_changes));
}

/** Cheap test on the text, before parsing a possibly large JSON file. */
export function looksLikeTerraformPlanText(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    head.trimStart().startsWith("{") &&
    head.includes('"format_version"') &&
    (text.includes('"planned_values"') || text.includes('"resource_changes"'))
  );
}
