import type { ApiModel, EffectiveMethodSettings, StageModel } from "@/lib/model/types";
import type { StageMethodSetting } from "@/lib/remediation/intents";
import type { FindingDraft } from "@/lib/rules/types";
import { joinWords } from "./browser-calls";
import { draftMethod } from "./deployed-stages";
import { byScope, cachedMethods } from "./stage-cache";

/**
 * One finding per place a stage setting must change: the stage-wide entry when cached methods take
 * the value from it, or each method override. Stage settings apply without a redeployment.
 */
export function stageSettingFindings(
  model: ApiModel,
  bad: (setting: EffectiveMethodSettings) => boolean,
  fix: { setting: StageMethodSetting; value: string | number | boolean },
  describe: (stage: StageModel, methods: string, scope: "stage" | "method") => Pick<FindingDraft, "messageId" | "data" | "symptom">,
  evidenceOf: (setting: EffectiveMethodSettings) => FindingDraft["evidence"],
): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const stage of model.stages) {
    for (const group of byScope(cachedMethods(stage).filter(bad))) {
      const settings = group.scope === "stage" ? group.settings : [group.setting];
      const methods = joinWords(settings.map((s) => `${s.httpMethod} ${s.path}`));
      const first = settings[0];
      if (!first) continue;
      const method = group.scope === "method" ? draftMethod(model, first.path, first.httpMethod) : undefined;
      findings.push({
        ...describe(stage, methods, group.scope),
        target:
          group.scope === "stage"
            ? { stage: stage.name }
            : { stage: stage.name, path: first.path, httpMethod: first.httpMethod, ...(method ? { resourceId: method.resourceId } : {}) },
        stages: [stage.name],
        draftOnly: false,
        evidence: { ...evidenceOf(first), scope: group.scope, cachedMethods: settings.map((s) => `${s.httpMethod} ${s.path}`) },
        fixes: [
          {
            kind: "set-stage-method-setting",
            stage: stage.name,
            path: group.scope === "stage" ? "*" : first.path,
            httpMethod: group.scope === "stage" ? "*" : first.httpMethod,
            setting: fix.setting,
            value: fix.value,
          },
        ],
      });
    }
  }
  return findings;
}
