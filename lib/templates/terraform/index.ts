/**
 * The Terraform readers for the template loader. The HCL grammar is WASM, so the configuration reader is loaded
 * once, asynchronously (`loadTerraformReaders()`, then merge into the registry); both readers are synchronous and
 * pure afterwards. The plan reader needs no WASM.
 */
import type { TemplateReader } from "@/lib/templates/types";
import { readTerraformPlan } from "./read-plan";
import { loadTerraformReader } from "./read-terraform";

export { isAutoLoadedTfvars, isTerraformConfigurationFile, isTerraformPlanJson, looksLikeTerraformPlanText } from "./detect";
export { loadTerraformReader } from "./read-terraform";
export { readTerraformPlan } from "./read-plan";

export async function loadTerraformReaders(): Promise<{ terraform: TemplateReader; "terraform-plan": TemplateReader }> {
  return { terraform: await loadTerraformReader(), "terraform-plan": readTerraformPlan };
}
