import {
  HTTP_VERBS,
  type ApiModel,
  type DriftItem,
  type HttpVerb,
  type MethodModel,
  type ResourceModel,
  type StageModel,
} from "@/lib/model/types";
import { answeredBy } from "@/lib/model/answered-by";
import type { AuditReport } from "@/lib/audit/types";
import { SEVERITIES, type Finding, type FindingTarget } from "@/lib/rules/types";
import { ruleMetasFor } from "@/lib/rules/rule-metas";
import {
  AUDIT_PAGE_VIEW_VERSION,
  childPath,
  type AuditPageView,
  type CellAuthorizer,
  type CellMethod,
  type CellSummary,
  type FindingEntry,
  type FindingExtra,
  type ViewRow,
  type ViewStage,
} from "./audit-page-view";

/** Builds the audit page's compact view (audit-page-view.ts) from a report, on the server. */

// Numeric-aware, so /v2 comes before /v10 and /s9 before /s10.
const collator = new Intl.Collator("en", { numeric: true });

interface TreeNode {
  resource: ResourceModel;
  depth: number;
}

/** Depth-first, children in numeric-aware order of their path part; iterative, since an API can be deep. */
export function orderTree(resources: readonly ResourceModel[]): TreeNode[] {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  const children = new Map<string, ResourceModel[]>();
  const roots: ResourceModel[] = [];
  for (const resource of resources) {
    if (resource.parentId && byId.has(resource.parentId)) {
      const list = children.get(resource.parentId) ?? [];
      list.push(resource);
      children.set(resource.parentId, list);
    } else {
      roots.push(resource);
    }
  }
  const byPart = (a: ResourceModel, b: ResourceModel) => collator.compare(a.pathPart, b.pathPart);
  const ordered: TreeNode[] = [];
  const seen = new Set<string>();
  const stack = [...roots]
    .sort(byPart)
    .reverse()
    .map((resource) => ({ resource, depth: 0 }));
  while (stack.length > 0) {
    const node = stack.pop()!;
    // A parent cycle in a hostile model must not loop forever.
    if (seen.has(node.resource.id)) continue;
    seen.add(node.resource.id);
    ordered.push(node);
    const kids = [...(children.get(node.resource.id) ?? [])].sort(byPart);
    for (let index = kids.length - 1; index >= 0; index -= 1) stack.push({ resource: kids[index]!, depth: node.depth + 1 });
  }
  return ordered;
}

/** A drift item as the cell says it: what the draft has instead of what the stage serves. */
export function draftDiffers(item: DriftItem): string {
  switch (item.kind) {
    case "method-added":
      return "only in the draft";
    case "method-removed":
      return "removed in the draft";
    case "authorizationType":
      return `draft: ${item.current}`;
    case "apiKeyRequired":
      return `draft: ${item.current ? "key required" : "no key"}`;
    case "setting":
      return `draft changes ${item.setting}`;
  }
}

/** The first deployed stage (one with a deployment), else the first stage. */
export function defaultStage(model: Pick<ApiModel, "stages">): StageModel | undefined {
  return model.stages.find((stage) => stage.deploymentId) ?? model.stages[0];
}

const verbIndex = (verb: HttpVerb): number => HTTP_VERBS.indexOf(verb);
// A cell as one number (row and verb index), so the maps of 15,000 cells hold no strings.
const VERBS = HTTP_VERBS.length;
const cellId = (row: number, verb: number): number => row * VERBS + verb;

/** Interns values by their JSON: equal summaries share one index. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly keyOf: (value: T) => string = (value) => JSON.stringify(value)) {}
  add(value: T): number {
    const key = this.keyOf(value);
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.index.set(key, at);
    }
    return at;
  }
}

function cellMethod(method: MethodModel): CellMethod {
  return {
    authorizationType: method.authorizationType,
    ...(method.authorizerId ? { authorizerId: method.authorizerId } : {}),
    apiKeyRequired: method.apiKeyRequired,
    ...(method.integration ? { integration: { type: method.integration.type } } : {}),
  };
}

export function buildAuditPageView(report: AuditReport): AuditPageView {
  const model = report.model;
  const tree = orderTree(model.resources);
  const rowOfPath = new Map<string, number>();
  tree.forEach((node, row) => rowOfPath.set(node.resource.path, row));
  const methods = new Interner<CellMethod>();
  // Most cells are a method and nothing else: their key skips JSON.
  const summaries = new Interner<CellSummary>((summary) =>
    Object.keys(summary).length === 1 && summary.method !== undefined ? `m${summary.method}` : JSON.stringify(summary),
  );

  // Cells shared by every view: the draft's methods, and the preflights another resource answers.
  const draft = new Map<number, CellSummary>();
  for (const node of tree) {
    const row = rowOfPath.get(node.resource.path)!;
    for (const method of node.resource.methods) {
      draft.set(cellId(row, verbIndex(method.httpMethod)), { method: methods.add(cellMethod(method)) });
    }
    if (node.resource.methods.some((method) => method.httpMethod === "OPTIONS")) continue;
    const answer = answeredBy(model, node.resource.path, "OPTIONS");
    const servingRow = answer?.elsewhere ? rowOfPath.get(answer.resource.path) : undefined;
    if (answer && servingRow !== undefined) {
      draft.set(cellId(row, verbIndex("OPTIONS")), {
        servedBy: { row: servingRow, verb: answer.method.httpMethod, method: methods.add(cellMethod(answer.method)) },
      });
    }
  }

  const stages = model.stages.map((stage): ViewStage => {
    const cells = new Map(draft);
    const served = new Map<number, MethodModel>();
    for (const resource of stage.deployment?.served?.resources ?? []) {
      for (const method of resource.methods) {
        const row = rowOfPath.get(method.path);
        if (row !== undefined) served.set(cellId(row, verbIndex(method.httpMethod)), method);
      }
    }
    // The stage's own method where it serves one here; a method only the draft has stays the draft's.
    for (const [id, summary] of draft) {
      const method = served.get(id);
      if (!method || summary.method === undefined) continue;
      const shown = methods.add(cellMethod(method));
      if (shown !== summary.method) cells.set(id, { ...summary, method: shown });
    }
    // Per-method caching has no effect unless the stage has a cache cluster.
    if (stage.cacheClusterEnabled) {
      for (const settings of stage.effectiveSettings) {
        const row = rowOfPath.get(settings.path);
        const id = row === undefined ? undefined : cellId(row, verbIndex(settings.httpMethod));
        const summary = id ? cells.get(id) : undefined;
        if (id && summary?.method !== undefined && settings.cachingEnabled)
          cells.set(id, { ...summary, cacheTtlSeconds: settings.cacheTtlInSeconds });
      }
    }
    for (const item of stage.drift) {
      const row = rowOfPath.get(item.path);
      if (row === undefined) continue;
      const id = cellId(row, verbIndex(item.httpMethod));
      const summary = cells.get(id) ?? {};
      cells.set(id, {
        ...summary,
        draftDiffers: [...(summary.draftDiffers ?? []), draftDiffers(item)],
        ...(item.kind === "method-removed" ? { deployedOnly: true as const } : {}),
      });
    }
    const overrides: number[] = [];
    for (const [id, summary] of cells) {
      if (draft.get(id) === summary) continue;
      overrides.push(Math.floor(id / VERBS), id % VERBS, summaries.add(summary));
    }
    return {
      name: stage.name,
      deployed: Boolean(stage.deploymentId),
      ...(stage.deploymentUnknown ? { deploymentUnknown: true as const } : {}),
      ...(stage.canary ? { canaryPercent: stage.canary.percentTraffic } : {}),
      overrides,
    };
  });

  const cellsOfRow: number[][] = tree.map(() => []);
  for (const [id, summary] of draft) cellsOfRow[Math.floor(id / VERBS)]!.push(id % VERBS, summaries.add(summary));
  const rows: ViewRow[] = [];
  const pathAt: string[] = [];
  tree.forEach((node, row) => {
    pathAt[node.depth] = node.resource.path;
    const cells = cellsOfRow[row]!;
    const parent = node.depth > 0 ? pathAt[node.depth - 1] : undefined;
    const derived = parent !== undefined ? childPath(parent, node.resource.pathPart) : undefined;
    rows.push(
      derived === node.resource.path
        ? [node.depth, node.resource.pathPart, cells]
        : [node.depth, node.resource.pathPart, cells, node.resource.path],
    );
  });

  const metas = ruleMetasFor(report.findings);
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))];
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const findings = report.findings.map((finding) => findingEntry(finding, ruleIndex.get(finding.ruleId)!, rowOfPath));

  const authorizers = model.authorizers.map((authorizer): CellAuthorizer => ({
    id: authorizer.id,
    name: authorizer.name,
    type: authorizer.type,
    effectiveTtlSeconds: authorizer.effectiveTtlSeconds,
    providerArns: authorizer.providerArns.map((arn) => arn.slice(arn.lastIndexOf("/") + 1)).filter(Boolean),
  }));
  const fallback = defaultStage(model);
  return {
    version: AUDIT_PAGE_VIEW_VERSION,
    apiName: model.api.name,
    authorizers,
    methods: methods.values,
    summaries: summaries.values,
    rows,
    stages,
    ...(fallback ? { defaultStage: fallback.name } : {}),
    rules: ruleIds.map((id) => ({ id, title: metas[id]?.title ?? id })),
    findings,
    counts: report.counts,
  };
}

// Built views by the model they came from: a report served again from app/_server/decoded-reports.ts or the
// template cache is the same object, and a 10,000-resource view takes ~0.7 s to build. Weak, so a view goes with
// its report; keyed by the model because loaders copy the report to attach a probe, and checked against the
// findings so a copy with other findings never gets this view.
const builtViews = new WeakMap<ApiModel, { findings: AuditReport["findings"]; view: AuditPageView }>();

/** buildAuditPageView, once per report object (the views are never modified). */
export function auditPageViewOf(report: AuditReport): AuditPageView {
  const built = builtViews.get(report.model);
  if (built && built.findings === report.findings) return built.view;
  const view = buildAuditPageView(report);
  builtViews.set(report.model, { findings: report.findings, view });
  return view;
}

function findingEntry(finding: Finding, rule: number, rowOfPath: ReadonlyMap<string, number>): FindingEntry {
  const target: FindingTarget = finding.target;
  const row = target.path !== undefined ? (rowOfPath.get(target.path) ?? -1) : -1;
  const verb = target.httpMethod ? verbIndex(target.httpMethod) : -1;
  const extra: FindingExtra = {
    ...(target.path !== undefined && row < 0 ? { path: target.path } : {}),
    ...(target.authorizerId ? { authorizerId: target.authorizerId } : {}),
    ...(target.responseType ? { responseType: target.responseType } : {}),
    ...(target.stage ? { stage: target.stage } : {}),
    ...(row >= 0 && verb < 0 && finding.fixes.some((fix) => fix.kind === "add-cors-preflight") ? { preflightCell: true as const } : {}),
  };
  const severity = SEVERITIES.indexOf(finding.severity);
  return Object.keys(extra).length > 0 ? [rule, severity, row, verb, extra] : [rule, severity, row, verb];
}
