/**
 * Rules per stage (issue 13). A stage serves a deployment, not the draft: each stage whose deployed configuration was
 * read is normalised on its own (the same normaliser, from the same raw shapes) and the same rules run on it, so no
 * rule has to know about deployments. The draft's run stays the report's base; each finding's stages are then set to
 * the stages whose own run has it, a finding only deployed stages have is added ("fixed in the draft but not
 * deployed"), and a stage's canary deployment is run too, a finding present in only one of the two saying which share
 * of the stage's requests it affects.
 */
import { normalizeApi } from "@/lib/model/normalize";
import { createNormalizeCache, type NormalizeCache } from "@/lib/model/normalize-cache";
import type { RawApiSnapshot, RawStage } from "@/lib/model/raw-snapshot";
import type { ApiModel, ModelPart } from "@/lib/model/types";
import type { FixIntent } from "@/lib/remediation/intents";
import type { Finding } from "@/lib/rules/types";
import { runRules } from "@/lib/audit/run-rules";
import { servedEqualsDraft } from "@/lib/audit/served-equals-draft";

// Drift is the draft compared with a stage, so it exists only in the draft's run.
const DRAFT_ONLY_RULES = new Set(["deployment-drift"]);
// Parts the deployed configuration replaces: a draft part that could not be read does not stop the stage's run.
const SERVED_PARTS = new Set<ModelPart>(["resources", "authorizers", "gatewayResponses", "deployments"]);

/** A finding's identity across runs: rule and target (a rule words one problem differently per run, e.g. "fixed, not deployed"). */
export function runKey(finding: Finding): string {
  const t = finding.target;
  // A method finding may name the authorizer one run has and the other not (fixed in the draft): the method decides.
  const authorizer = t.path === undefined ? t.authorizerId : undefined;
  return `${part(finding.ruleId)}${part(t.path)}${part(t.httpMethod)}${part(authorizer)}${part(t.stage)}${part(t.responseType)}`;
}

/** One part of a run key, length-prefixed so that no two different targets share a key, whatever their strings hold. */
function part(value: string | undefined): string {
  // "-" starts no length, so an absent part is told from any string (null counted as absent, as `?? null` did).
  return value === undefined || value === null ? "-" : `${value.length}:${value}`;
}

/** The API as one stage serves it from one deployment: that deployment's configuration with the stage's settings. */
export function servedSnapshot(snapshot: RawApiSnapshot, stage: RawStage, deploymentId: string): RawApiSnapshot | undefined {
  const deployment = snapshot.deployments[deploymentId];
  const served = deployment?.served;
  if (!deployment || !served) return undefined;
  const restApi = { ...snapshot.restApi };
  delete restApi.binaryMediaTypes;
  delete restApi.policy;
  if (served.apiKeySource) restApi.apiKeySource = served.apiKeySource;
  if (served.binaryMediaTypes) restApi.binaryMediaTypes = served.binaryMediaTypes;
  if (served.policy) restApi.policy = served.policy;
  const single: RawStage = { ...stage, deploymentId };
  delete single.canarySettings;
  return {
    region: snapshot.region,
    ...(snapshot.accountId ? { accountId: snapshot.accountId } : {}),
    restApi,
    resources: served.resources,
    authorizers: served.authorizers,
    stages: [single],
    gatewayResponses: served.gatewayResponses,
    deployments: { [deploymentId]: deployment },
    missing: snapshot.missing.filter((m) => !SERVED_PARTS.has(m.part)),
  };
}

function keysOf(snapshot: RawApiSnapshot | undefined, cache: NormalizeCache): Map<string, Finding> | undefined {
  if (!snapshot) return undefined;
  return keyed(runRules(normalizeApi(snapshot, { cache }).model).findings);
}

function keyed(findings: readonly Finding[]): Map<string, Finding> {
  const keys = new Map<string, Finding>();
  for (const finding of findings) if (!DRAFT_ONLY_RULES.has(finding.ruleId)) keys.set(runKey(finding), finding);
  return keys;
}

/** The draft's run, when the caller has it: a stage serving exactly the draft's configuration is not run again. */
export interface DraftRun {
  /** normalizeApi(snapshot).model, the model draftFindings were reported on. */
  model: ApiModel;
  /** The cache the draft was normalised with: a stage's served configuration reuses its reshaped deployment and resources. */
  cache?: NormalizeCache;
}

/**
 * A stage's run stands for the draft's: the stage serves the draft's configuration (served-equals-draft.ts), so its
 * run would be the draft's findings, each draft finding is in it and nothing else is. No key is built for it.
 */
const SAME_AS_DRAFT = Symbol("the draft's run");

/** One stage's own findings by run key, or the draft's run itself. */
interface StageRun {
  stage: string;
  run: ReadonlyMap<string, Finding> | typeof SAME_AS_DRAFT;
}

/**
 * Whether a stage's run has the finding of this run key: a draft finding's (or, for a stage serving the draft, a finding
 * reconciled onto that stage, which can only be one of the draft's), never a draft-only rule's. The key is not read
 * for a stage serving the draft.
 */
function inRun({ run }: StageRun, key: string): boolean {
  return run === SAME_AS_DRAFT || run.has(key);
}

/** A stage's own run: its served snapshot through the rules, or the draft's run when that snapshot is the draft's. */
function stageRun(snapshot: RawApiSnapshot, stage: RawStage, cache: NormalizeCache, draft?: DraftRun): StageRun | undefined {
  if (!stage.deploymentId) return undefined;
  const served = servedSnapshot(snapshot, stage, stage.deploymentId);
  if (served && draft && servedEqualsDraft(snapshot, draft.model, stage, served, SERVED_PARTS)) {
    return { stage: stage.stageName, run: SAME_AS_DRAFT };
  }
  const run = keysOf(served, cache);
  return run ? { stage: stage.stageName, run } : undefined;
}

/**
 * True when the stages' own runs leave a finding's stages as they are: each stage it names that was run has it, and
 * no run stage it does not name has it (the common case, decided without building and sorting lists).
 */
function sameStages(finding: Finding, key: string, runs: readonly StageRun[]): boolean {
  for (const run of runs) if (inRun(run, key) !== finding.stages.includes(run.stage)) return false;
  return true;
}

function stageWords(stages: string[]): string {
  return stages.length === 1 ? `stage ${stages[0]} still serves` : `stages ${stages.join(", ")} still serve`;
}

function percentText(percent: number): string {
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)} %`;
}

/**
 * The draft run's findings reconciled with each stage's own run (and each canary's). Pure; stages whose deployed
 * configuration is unknown keep the draft run's verdict. With `draft` (the model draftFindings are the run of), a stage
 * whose served configuration is the draft's reuses them (served-equals-draft.ts).
 *
 * The result starts with one finding per draft finding, in their order, each the draft's own or a copy with its stages
 * and words restated (the same rule, severity and target); findings only stages or canaries have follow. So when there
 * are none, the draft run's order (runRules') is the result's. When no finding changes and none is added, the result is
 * draftFindings itself (no copy of 13,000 findings); draftFindings is never changed.
 */
export function reconcileStageRuns(snapshot: RawApiSnapshot, draftFindings: Finding[], only?: string, draft?: DraftRun): Finding[] {
  const stages = (snapshot.stages ?? []).filter((s) => only === undefined || s.stageName === only);
  // Stages and canaries share their deployments' reshaping, and the draft's when the caller normalised it with a cache.
  const cache = draft?.cache ?? createNormalizeCache();
  const runs: StageRun[] = [];
  for (const stage of stages) {
    const run = stageRun(snapshot, stage, cache, draft);
    if (!run) continue;
    // One run per stage name, the last read (as a map by name would keep it).
    const at = runs.findIndex((r) => r.stage === run.stage);
    if (at === -1) runs.push(run);
    else runs[at] = run;
  }
  if (runs.length === 0) return withCanaries(snapshot, stages, draftFindings, runs, cache);

  // Run keys only where a stage ran on its own: a stage serving the draft has every draft finding, by construction
  // (the usual API, one stage serving its latest deployment, builds none for its 13,000 findings).
  const anyOwnRun = runs.some((r) => r.run !== SAME_AS_DRAFT);
  const seen = new Set<string>();
  // The draft's findings themselves while every one stays as it is (the usual API: 13,000 findings, none restated);
  // a list of its own from the first that changes.
  let out: Finding[] | undefined;
  // With every run the draft's, whether a finding's stages stay depends on its list of stages alone, and the rules
  // share one list per set of stages (stagesWhere, lib/rules/support/deployed-stages.ts): the last list found unchanged
  // decides the findings that hold the same list without reading it (13,000 findings, a handful of lists).
  let unchanged: readonly string[] | undefined;
  for (let index = 0; index < draftFindings.length; index++) {
    const finding = draftFindings[index] as Finding;
    if (!anyOwnRun && finding.stages === unchanged) {
      out?.push(finding);
      continue;
    }
    const key = anyOwnRun ? runKey(finding) : "";
    if (anyOwnRun) seen.add(key);
    if (DRAFT_ONLY_RULES.has(finding.ruleId)) {
      out?.push(finding);
      continue;
    }
    if (sameStages(finding, key, runs)) {
      if (!anyOwnRun) unchanged = finding.stages;
      out?.push(finding);
      continue;
    }
    out ??= draftFindings.slice(0, index);
    const kept = finding.stages.filter((s) => {
      const run = runs.find((r) => r.stage === s);
      return run === undefined || inRun(run, key);
    });
    const added = runs.filter((r) => inRun(r, key) && !kept.includes(r.stage)).map((r) => r.stage);
    const next = [...kept, ...added].sort();
    if (next.length === finding.stages.length && next.every((s, i) => s === [...finding.stages].sort()[i])) {
      out.push(finding);
      continue;
    }
    if (next.length === 0 && finding.stages.length > 0) {
      out.push({
        ...finding,
        stages: [],
        draftOnly: true,
        message: `${finding.message} Only the draft has this: no stage serves it yet (a redeploy would ship it).`,
        evidence: { ...finding.evidence, deployedOn: [] },
      });
      continue;
    }
    out.push({ ...finding, stages: next, draftOnly: false, evidence: { ...finding.evidence, deployedOn: next } });
  }

  // Findings only deployed stages have: the draft no longer has the problem, the stages still serve it.
  const deployedOnly = new Map<string, { finding: Finding; stages: string[] }>();
  for (const { stage, run } of runs) {
    if (run === SAME_AS_DRAFT) continue; // it has the draft's findings only, all seen
    for (const [key, finding] of run) {
      if (seen.has(key)) continue;
      const entry = deployedOnly.get(key) ?? { finding, stages: [] };
      entry.stages.push(stage);
      deployedOnly.set(key, entry);
    }
  }
  out ??= deployedOnly.size === 0 ? draftFindings : draftFindings.slice();
  for (const { finding, stages: on } of deployedOnly.values()) {
    on.sort();
    out.push({
      ...finding,
      stages: on,
      draftOnly: false,
      message: `${finding.message} Fixed in the draft but not deployed: ${stageWords(on)} it until redeployed.`,
      evidence: { ...finding.evidence, fixedInDraft: true, deployedOn: on },
    });
  }
  return withCanaries(snapshot, stages, out, runs, cache);
}

/** The findings with each canary's run reconciled: a new list when a canary changes any, `findings` is never changed. */
function withCanaries(
  snapshot: RawApiSnapshot,
  stages: RawStage[],
  findings: Finding[],
  runs: readonly StageRun[],
  cache: NormalizeCache,
): Finding[] {
  let out = findings;
  for (const stage of stages) {
    const percent = stage.canarySettings?.percentTraffic ?? 0;
    const canaryId = stage.canarySettings?.deploymentId;
    if (!canaryId || percent <= 0 || canaryId === stage.deploymentId) continue;
    const canaryKeys = keysOf(servedSnapshot(snapshot, stage, canaryId), cache);
    if (!canaryKeys) continue;
    const name = stage.stageName;
    const base = runs.find((r) => r.stage === name);
    const inBase = (f: Finding) => (base ? inRun(base, runKey(f)) : f.stages.includes(name));
    const share = percentText(percent);
    const rest = percentText(100 - percent);
    const present = new Set<string>();
    out = out.map((finding) => {
      if (DRAFT_ONLY_RULES.has(finding.ruleId) || !finding.stages.includes(name)) return finding;
      const key = runKey(finding);
      if (canaryKeys.has(key) || !inBase(finding)) {
        present.add(key);
        return finding;
      }
      present.add(key);
      return {
        ...finding,
        message: `${finding.message} On stage ${name} this affects the ${rest} of requests its deployment ${stage.deploymentId} serves; its canary (deployment ${canaryId}, ${share} of requests) does not have it.`,
        evidence: { ...finding.evidence, canaryDeploymentId: canaryId, notInCanary: true, canaryPercent: percent },
      };
    });
    const index = new Map(out.map((f, i) => [runKey(f), i]));
    for (const [key, finding] of canaryKeys) {
      if (present.has(key) || DRAFT_ONLY_RULES.has(finding.ruleId)) continue;
      const note = `Only in stage ${name}'s canary (deployment ${canaryId}): it affects ${share} of requests.`;
      // No redeploy reaches a canary, which keeps serving its own deployment: removing it (after the plan's redeploy) does.
      const removeCanary: FixIntent = { kind: "remove-stage-canary", stage: name, canaryDeploymentId: canaryId, percentTraffic: percent };
      const at = index.get(key);
      const existing = at === undefined ? undefined : out[at];
      if (at !== undefined && existing) {
        // Other stages have it too: the canary adds this stage for its share.
        out[at] = {
          ...existing,
          stages: [...existing.stages, name].sort(),
          draftOnly: false,
          message: `${existing.message} On stage ${name}: ${note}`,
          evidence: { ...existing.evidence, canaryDeploymentId: canaryId, canaryPercent: percent },
          fixes: [...existing.fixes, removeCanary],
        };
        continue;
      }
      out.push({
        ...finding,
        stages: [name],
        draftOnly: false,
        message: `${finding.message} ${note}`,
        symptom: `For ${share} of requests to ${name} (its canary): ${finding.symptom}`,
        evidence: { ...finding.evidence, canaryDeploymentId: canaryId, canaryOnly: true, canaryPercent: percent },
        // Neither the draft nor a stage's own deployment has it, so the canary's removal is the whole fix.
        fixes: [removeCanary],
      });
    }
  }
  return out;
}
