import type { AuditReport } from "@/lib/audit/types";
import { positionOf } from "@/lib/audit/element-key";
import type { AuthorizerModel, DriftItem, EffectiveMethodSettings, HttpVerb, MethodModel } from "@/lib/model/types";
import { ruleMetasFor } from "@/lib/rules/rule-metas";
import type { Finding, RuleMeta } from "@/lib/rules/types";
import { DRAFT_VIEW } from "./audit-page-view";
import { defaultStage } from "./build-audit-page-view";
import { renderFindingSnippets } from "./finding-snippets";
import type { FindingSnippets } from "./fix-views";

/**
 * What the audit page loads when it is opened rather than with the page (lib/report/audit-page-view.ts):
 * one cell's whole configuration for the detail panel, and whole findings with their fixes rendered in every
 * format. Pure: the route handlers (app/_server/audit-page-detail.ts) take the report from the read-once
 * cache, the share store or the template cache, exactly as the page did.
 */

/** The stage facts the detail panel shows beside a method. */
export interface CellStageFacts {
  name: string;
  deploymentId: string;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
}

export interface CellDetail {
  key: string;
  /** The method the selected stage serves here (the draft's where it serves none or the draft is shown). */
  method?: MethodModel;
  authorizer?: AuthorizerModel;
  stage?: CellStageFacts;
  /** The stage's effective settings for the method; absent when it is not deployed to the stage. */
  settings?: EffectiveMethodSettings;
  drift: DriftItem[];
}

export interface FindingDetail {
  /** Index in the report's findings (the page's index entry). */
  index: number;
  finding: Finding;
  meta?: RuleMeta;
  /** The fix in every format; absent for a finding without fix intents. */
  remediation?: FindingSnippets;
  /** "template.yaml:42:7": where a template source wrote the element (never for a live source). */
  location?: string;
  /** Authorizer id → name for the finding's label. */
  authorizerName?: string;
}

export function cellDetail(report: AuditReport, path: string, verb: HttpVerb, stageName: string | undefined): CellDetail {
  const model = report.model;
  const stage =
    stageName === DRAFT_VIEW ? undefined : (model.stages.find((candidate) => candidate.name === stageName) ?? defaultStage(model));
  const draftMethod = model.resources.find((resource) => resource.path === path)?.methods.find((method) => method.httpMethod === verb);
  const servedMethod = draftMethod
    ? stage?.deployment?.served?.resources.find((resource) => resource.path === path)?.methods.find((method) => method.httpMethod === verb)
    : undefined;
  const method = servedMethod ?? draftMethod;
  const authorizer = method?.authorizerId ? model.authorizers.find((candidate) => candidate.id === method.authorizerId) : undefined;
  const settings = stage?.effectiveSettings.find((entry) => entry.path === path && entry.httpMethod === verb);
  return {
    key: `${path}:${verb}`,
    ...(method ? { method } : {}),
    ...(authorizer ? { authorizer } : {}),
    ...(stage
      ? {
          stage: {
            name: stage.name,
            deploymentId: stage.deploymentId,
            cacheClusterEnabled: stage.cacheClusterEnabled,
            ...(stage.cacheClusterSize ? { cacheClusterSize: stage.cacheClusterSize } : {}),
          },
        }
      : {}),
    ...(settings ? { settings } : {}),
    drift: (stage?.drift ?? []).filter((item) => item.path === path && item.httpMethod === verb),
  };
}

/** The findings at these indexes (each must exist: the caller validated them), with meta, fixes and location. */
export function findingDetails(report: AuditReport, indexes: readonly number[]): FindingDetail[] {
  const findings = indexes.map((index) => report.findings[index]!);
  const metas = ruleMetasFor(findings);
  return indexes.map((index, at) => {
    const finding = findings[at]!;
    const position = positionOf(report.source, finding.target);
    const authorizerName = finding.target.authorizerId
      ? report.model.authorizers.find((authorizer) => authorizer.id === finding.target.authorizerId)?.name
      : undefined;
    return {
      index,
      finding,
      ...(metas[finding.ruleId] ? { meta: metas[finding.ruleId] } : {}),
      ...(finding.fixes.length > 0 ? { remediation: renderFindingSnippets(report.model, finding) } : {}),
      ...(position ? { location: `${position.file}:${position.line}:${position.column}` } : {}),
      ...(authorizerName ? { authorizerName } : {}),
    };
  });
}
