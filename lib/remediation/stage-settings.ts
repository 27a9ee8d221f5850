import type { RemediationContext } from "@/lib/remediation/context";
import type { DesiredStageSetting } from "@/lib/remediation/desired-state";
import type { StageMethodSetting } from "@/lib/remediation/intents";
import { stageMethodSettingPatchPath } from "@/lib/remediation/naming";
import { bashWord } from "@/lib/remediation/formats/literals/bash";
import { jsonDocument } from "@/lib/remediation/formats/literals/js";

export function booleanSetting(value: string | number | boolean): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new Error(`Expected a boolean stage setting value, got ${JSON.stringify(value)}.`);
}

export function numberSetting(value: string | number | boolean): number {
  const number = typeof value === "number" ? value : Number(value);
  if (typeof value === "boolean" || !Number.isFinite(number))
    throw new Error(`Expected a numeric stage setting value, got ${JSON.stringify(value)}.`);
  return number;
}

/** The update-stage command for settings a declarative format cannot express. */
export function updateStageCommand(ctx: RemediationContext, setting: DesiredStageSetting, names: readonly StageMethodSetting[]): string {
  const operations = names.map((name) => {
    const value = setting.settings[name];
    if (value === undefined) throw new Error(`Stage setting ${name} has no value.`);
    return { op: "replace", path: stageMethodSettingPatchPath(setting.path, setting.httpMethod, name), value: String(value) };
  });
  // JSON, not the CLI shorthand: a resource path may hold the "," and "=" the shorthand splits on.
  return `aws apigateway update-stage --region ${bashWord(ctx.region)} --rest-api-id ${bashWord(ctx.apiId)} --stage-name ${bashWord(setting.stage)} --patch-operations ${bashWord(jsonDocument(operations, 0))}`;
}
