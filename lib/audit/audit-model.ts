/**
 * The audit core: a pure function from what a source produced (a raw snapshot) to a versioned report.
 * It never reads anything; live reading (lib/aws) and template reading (lib/templates) are loaders that
 * end here, so a template audit and a live audit run exactly the same normalisation and rules.
 */
import { normalizeApi } from "@/lib/model/normalize";
import { dropModelMemos } from "@/lib/model/model-memo";
import { createNormalizeCache } from "@/lib/model/normalize-cache";
import type { RawApiSnapshot } from "@/lib/model/raw-snapshot";
import type { ApiModel } from "@/lib/model/types";
import { countBySeverity } from "@/lib/rules/count-by-severity";
import { runRules, sortFindings } from "@/lib/audit/run-rules";
import { reconcileStageRuns } from "@/lib/audit/stage-runs";
import { PREFLIGHT_VERSION } from "@/lib/audit/version";
import type { AuditSource } from "@/lib/audit/source";
import { AUDIT_REPORT_VERSION, type AuditReport, type AuditWarning, type CallStatistics } from "@/lib/audit/types";

export interface AuditModelInput {
  snapshot: RawApiSnapshot;
  source: AuditSource;
  /** ISO timestamp of the read (live) or of the template reading. */
  readAt: string;
  /** Audit one stage only (the others are left out of the model). */
  stage?: string;
  /** Warnings the loader already has (an inferred account, a template gap). */
  warnings?: AuditWarning[];
  stats?: CallStatistics;
}

export type AuditModelResult =
  { ok: true; report: AuditReport } | { ok: false; failure: { kind: "stage-not-found"; message: string; stages: string[] } };

const NO_CALLS: CallStatistics = { calls: {}, totalCalls: 0, retries: 0, wallTimeMs: 0 };

/** snapshot → normalize → rules → AuditReport. Pure: the same input gives the same report. */
export function auditModel(input: AuditModelInput): AuditModelResult {
  try {
    return auditOnce(input);
  } finally {
    // What the rules derived from this audit's models (indexes, route trees) goes with it (lib/model/model-memo.ts).
    dropModelMemos();
  }
}

function auditOnce(input: AuditModelInput): AuditModelResult {
  const { snapshot } = input;
  // One cache per audit: the stages' own runs (stage-runs.ts) reuse the draft's reshaped deployments and resources.
  const cache = createNormalizeCache();
  const normalized = normalizeApi(snapshot, { cache });
  let model: ApiModel = normalized.model;
  if (input.stage !== undefined) {
    const stages = model.stages.map((s) => s.name);
    if (!stages.includes(input.stage)) {
      return {
        ok: false,
        failure: {
          kind: "stage-not-found",
          message: `Stage "${input.stage}" does not exist on API ${model.api.id}; stages: ${stages.join(", ") || "none"}.`,
          stages,
        },
      };
    }
    model = { ...model, stages: model.stages.filter((s) => s.name === input.stage) };
  }
  const warnings: AuditWarning[] = [...(input.warnings ?? [])];
  for (const m of model.missing) {
    warnings.push({ code: "partial-read", message: `${m.operation} failed${m.detail ? ` (${m.detail})` : ""}: ${m.reason}`, part: m.part });
  }
  for (const message of normalized.warnings) warnings.push({ code: "unexpected-value", message });
  for (const stage of model.stages) {
    if (stage.deploymentUnknown)
      warnings.push({ code: "partial-read", message: `Stage ${stage.name}: ${stage.deploymentUnknown}`, part: "deployments" });
    const served = stage.deployment?.served;
    if (served && served.filledFromDraft.length > 0) {
      warnings.push({
        code: "partial-read",
        message: `Stage ${stage.name}: deployment ${stage.deploymentId} was read from its API summary only; its ${served.filledFromDraft.join(", ")} are the draft's.`,
        part: "deployments",
      });
    }
    const canary = stage.canary?.deployment?.served;
    if (canary && canary.filledFromDraft.length > 0) {
      warnings.push({
        code: "partial-read",
        message: `Stage ${stage.name}'s canary deployment ${stage.canary?.deploymentId} can only be read from its API summary (an export is of a stage); its ${canary.filledFromDraft.join(", ")} are the draft's.`,
        part: "deployments",
      });
    }
  }

  const draftRun = runRules(model);
  const notEvaluated = draftRun.notEvaluated;
  // Each stage's own deployed configuration through the same rules; the draft's run is the base. The reconciled list
  // starts with the draft run's findings in its order (stage-runs.ts), so only findings the stages add need a sort.
  const reconciled = reconcileStageRuns(snapshot, draftRun.findings, input.stage, { model, cache });
  const findings = reconciled.length === draftRun.findings.length ? reconciled : sortFindings(reconciled);
  const report: AuditReport = {
    reportVersion: AUDIT_REPORT_VERSION,
    preflightVersion: PREFLIGHT_VERSION,
    api: {
      ...(snapshot.accountId ? { accountId: snapshot.accountId } : {}),
      region: snapshot.region,
      id: model.api.id,
      name: model.api.name,
    },
    source: input.source,
    readAt: input.readAt,
    partial: model.missing.length > 0,
    model,
    findings,
    notEvaluated,
    warnings,
    stats: input.stats ?? NO_CALLS,
    counts: countBySeverity(findings),
  };
  return { ok: true, report };
}
