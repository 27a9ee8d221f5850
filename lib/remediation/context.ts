import type { ApiModel } from "@/lib/model/types";
import type { Finding } from "@/lib/rules/types";

/** Shown wherever the account id is unknown; every format treats it as a value the user must fill in. */
export const ACCOUNT_ID_PLACEHOLDER = "<ACCOUNT_ID>";

/** What every renderer needs besides the intents: the API's identity and the model to look ids and paths up in. */
export interface RemediationContext {
  apiId: string;
  apiName: string;
  region: string;
  /** The real account id, or ACCOUNT_ID_PLACEHOLDER. */
  accountId: string;
  accountIdKnown: boolean;
  model: ApiModel;
  /** Stages that need a new deployment once the changes are made, sorted. */
  affectedStages: string[];
}

export interface RemediationContextOptions {
  /** Override the stages to redeploy; by default the stages named by the findings. */
  affectedStages?: string[];
}

export function createRemediationContext(
  model: ApiModel,
  findings: readonly Finding[],
  options: RemediationContextOptions = {},
): RemediationContext {
  const { id, name, region, accountId } = model.api;
  if (!id || !region) throw new Error("Remediation needs the API id and region; the model has neither or only one.");
  const stages = options.affectedStages ?? stagesNamedBy(findings);
  const known = new Set(model.stages.map((stage) => stage.name));
  const unknown = stages.filter((stage) => !known.has(stage));
  if (unknown.length > 0 && model.stages.length > 0) {
    throw new Error(`Stage(s) ${unknown.join(", ")} are not stages of API ${id}.`);
  }
  return {
    apiId: id,
    apiName: name,
    region,
    accountId: accountId ?? ACCOUNT_ID_PLACEHOLDER,
    accountIdKnown: accountId !== undefined,
    model,
    affectedStages: [...new Set(stages)].sort(),
  };
}

function stagesNamedBy(findings: readonly Finding[]): string[] {
  const stages = new Set<string>();
  for (const finding of findings) {
    for (const stage of finding.stages) stages.add(stage);
    if (finding.target.stage) stages.add(finding.target.stage);
  }
  return [...stages];
}
