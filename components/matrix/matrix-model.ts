import { HTTP_VERBS, type HttpVerb } from "@/lib/model/types";
import { SEVERITIES, type FindingTarget, type Severity } from "@/lib/rules/types";
import {
  cellKey,
  childPath,
  DRAFT_VIEW,
  parseCellKey,
  type AuditPageView,
  type CellAuthorizer,
  type CellMethod,
  type CellSummary,
  type ViewStage,
} from "@/lib/report/audit-page-view";
import { worstSeverity } from "@/components/findings/severity";

/**
 * The matrix drawn from the server's compact page view (lib/report/audit-page-view.ts): rows, cells and the
 * findings index, for one stage (or the draft) and the findings the filters keep. What a cell's detail panel
 * or a finding card shows beyond this is fetched when opened (components/audit/use-detail.ts).
 */

/** The part of a resource the matrix draws; `id` is the row's own key (the view does not carry AWS ids). */
export interface RowResource {
  id: string;
  /** Full path, e.g. "/orders/{id}". */
  path: string;
  pathPart: string;
}

/** A finding as the page index knows it: its position in the report, rule, severity and target. */
export interface FindingRef {
  /** Index in the report's findings: the key the detail route answers for. */
  index: number;
  ruleId: string;
  severity: Severity;
  target: Omit<FindingTarget, "resourceId">;
  /** The matrix cell it belongs to: its method, or the OPTIONS cell of a resource whose fix adds the preflight. */
  cellKey?: string;
}

export interface MatrixRow {
  resource: RowResource;
  /** 0 for the root resource "/". */
  depth: number;
  hasChildren: boolean;
  /** Row ids from the root down to the parent. */
  ancestorIds: string[];
  /** Findings about the resource as a whole rather than one of its methods. */
  findings: FindingRef[];
}

export interface MatrixCell {
  key: string;
  path: string;
  verb: HttpVerb;
  resourceId: string;
  method?: CellMethod;
  authorizer?: CellAuthorizer;
  /** Findings that target this method (or the missing method this cell stands for). */
  findings: FindingRef[];
  /** Findings about the method's authorizer: they affect this cell but belong to the authorizer. */
  relatedFindings: FindingRef[];
  worst?: Severity;
  /** No method here, but a finding says one is needed (typically a missing OPTIONS). */
  missingNeeded: boolean;
  /** The selected stage's deployment still has this method; the current configuration does not. */
  deployedOnly: boolean;
  /** How the draft differs from what the selected stage serves here, in a few words (empty when it does not). */
  draftDiffers: string[];
  /** Set when the selected stage caches responses of this method (stage cache cluster on and caching enabled). */
  cacheTtlSeconds?: number;
  /**
   * No OPTIONS method here, but API Gateway routes the preflight to another resource's method (a `{param}` sibling
   * or a greedy ancestor, lib/model/answered-by.ts): the cell shows "served by" with a link to that method's cell.
   */
  servedBy?: ServedBy;
}

export interface ServedBy {
  path: string;
  verb: HttpVerb;
  /** The serving method's cell key. */
  key: string;
  method: CellMethod;
  authorizer?: CellAuthorizer;
}

export { cellKey, DRAFT_VIEW, parseCellKey };

export interface MatrixModel {
  columns: HttpVerb[];
  /** Every resource in tree order (depth-first, children in numeric-aware order of their path part). */
  rows: MatrixRow[];
  cells: Map<string, MatrixCell>;
  /** Findings that belong to no single resource: gateway responses, stages, authorizers. */
  apiFindings: FindingRef[];
  stage?: ViewStage;
  /** The draft is shown, not a stage. */
  draft: boolean;
}

/** The rows of the view without findings: computed once per page, whatever the stage and filters. */
export interface ViewTree {
  rows: Omit<MatrixRow, "findings">[];
  /** Row index by path. */
  rowOfPath: Map<string, number>;
}

export function viewTree(view: Pick<AuditPageView, "rows">): ViewTree {
  const rows: Omit<MatrixRow, "findings">[] = [];
  const rowOfPath = new Map<string, number>();
  // The open ancestors of the current row: index by depth.
  const chain: { id: string; path: string }[] = [];
  view.rows.forEach(([depth, part, , explicit], index) => {
    chain.length = Math.min(chain.length, depth);
    const parent = chain[depth - 1];
    const path = explicit ?? (parent ? childPath(parent.path, part) : part);
    const id = String(index);
    rows.push({ resource: { id, path, pathPart: part }, depth, hasChildren: false, ancestorIds: chain.map((item) => item.id) });
    if (index > 0 && depth > view.rows[index - 1]![0]) rows[index - 1]!.hasChildren = true;
    rowOfPath.set(path, index);
    chain[depth] = { id, path };
  });
  return { rows, rowOfPath };
}

/** Every finding of the view with its rule id, severity, target and cell, in report order. */
export function findingRefs(view: Pick<AuditPageView, "findings" | "rules" | "findingIndexes">, tree: ViewTree): FindingRef[] {
  // The first part of a streamed view holds some of the findings: each with its index in the report.
  const indexes = view.findingIndexes;
  return view.findings.map(([rule, severity, row, verb, extra], at) => {
    const index = indexes ? indexes[at]! : at;
    const path = row >= 0 ? tree.rows[row]?.resource.path : extra?.path;
    const httpMethod = verb >= 0 ? HTTP_VERBS[verb] : undefined;
    const target: FindingRef["target"] = {
      ...(path !== undefined ? { path } : {}),
      ...(httpMethod ? { httpMethod } : {}),
      ...(extra?.authorizerId ? { authorizerId: extra.authorizerId } : {}),
      ...(extra?.responseType ? { responseType: extra.responseType } : {}),
      ...(extra?.stage ? { stage: extra.stage } : {}),
    };
    const cellVerb = row >= 0 ? (httpMethod ?? (extra?.preflightCell ? "OPTIONS" : undefined)) : undefined;
    return {
      index,
      ruleId: view.rules[rule]?.id ?? "unknown",
      severity: SEVERITIES[severity] ?? "info",
      target,
      ...(path !== undefined && cellVerb ? { cellKey: cellKey(path, cellVerb) } : {}),
    };
  });
}

/** The stage the view shows for a name: that stage, else the default one; none for the draft. */
export function findStage(view: Pick<AuditPageView, "stages" | "defaultStage">, stageName: string | undefined): ViewStage | undefined {
  if (stageName === DRAFT_VIEW) return undefined;
  return view.stages.find((stage) => stage.name === stageName) ?? view.stages.find((stage) => stage.name === view.defaultStage);
}

export function buildMatrix(view: AuditPageView, tree: ViewTree, findings: readonly FindingRef[], stageName?: string): MatrixModel {
  const draft = stageName === DRAFT_VIEW;
  const stage = findStage(view, stageName);
  const authorizers = new Map(view.authorizers.map((authorizer) => [authorizer.id, authorizer]));
  const cells = new Map<string, MatrixCell>();
  const verbs = new Set<HttpVerb>(["OPTIONS"]);
  const cellsByAuthorizer = new Map<string, MatrixCell[]>();

  const place = (row: number, verbIndex: number, summaryIndex: number) => {
    const node = tree.rows[row];
    const verb = HTTP_VERBS[verbIndex];
    if (!node || !verb) return;
    const key = cellKey(node.resource.path, verb);
    const summary: CellSummary | undefined = view.summaries[summaryIndex];
    if (!summary) {
      cells.delete(key);
      return;
    }
    const method = summary.method !== undefined ? view.methods[summary.method] : undefined;
    const served = summary.servedBy;
    const servedMethod = served ? view.methods[served.method] : undefined;
    const servedPath = served ? tree.rows[served.row]?.resource.path : undefined;
    const cell: MatrixCell = {
      key,
      path: node.resource.path,
      verb,
      resourceId: node.resource.id,
      findings: [],
      relatedFindings: [],
      missingNeeded: false,
      deployedOnly: summary.deployedOnly ?? false,
      draftDiffers: summary.draftDiffers ?? [],
      ...(method ? { method } : {}),
      ...(method?.authorizerId && authorizers.has(method.authorizerId) ? { authorizer: authorizers.get(method.authorizerId)! } : {}),
      ...(summary.cacheTtlSeconds !== undefined ? { cacheTtlSeconds: summary.cacheTtlSeconds } : {}),
    };
    if (served && servedMethod && servedPath !== undefined) {
      const authorizer = servedMethod.authorizerId ? authorizers.get(servedMethod.authorizerId) : undefined;
      cell.servedBy = {
        path: servedPath,
        verb: served.verb,
        key: cellKey(servedPath, served.verb),
        method: servedMethod,
        ...(authorizer ? { authorizer } : {}),
      };
    }
    cells.set(key, cell);
  };

  view.rows.forEach(([, , pairs], row) => {
    for (let at = 0; at + 1 < pairs.length; at += 2) place(row, pairs[at]!, pairs[at + 1]!);
  });
  const overrides = draft ? [] : (stage?.overrides ?? []);
  for (let at = 0; at + 2 < overrides.length; at += 3) place(overrides[at]!, overrides[at + 1]!, overrides[at + 2]!);
  for (const cell of cells.values()) {
    verbs.add(cell.verb);
    const authorizerId = cell.method?.authorizerId;
    if (authorizerId) {
      const list = cellsByAuthorizer.get(authorizerId) ?? [];
      list.push(cell);
      cellsByAuthorizer.set(authorizerId, list);
    }
  }

  const apiFindings: FindingRef[] = [];
  const rowFindings = new Map<string, FindingRef[]>();
  for (const finding of findings) {
    const row = finding.target.path !== undefined ? tree.rowOfPath.get(finding.target.path) : undefined;
    const node = row !== undefined ? tree.rows[row] : undefined;
    const target = finding.cellKey ? parseCellKey(finding.cellKey) : undefined;
    if (node && target) {
      let cell = cells.get(finding.cellKey!);
      if (!cell) {
        cell = {
          key: finding.cellKey!,
          path: node.resource.path,
          verb: target.verb,
          resourceId: node.resource.id,
          findings: [],
          relatedFindings: [],
          missingNeeded: false,
          deployedOnly: false,
          draftDiffers: [],
        };
        cells.set(cell.key, cell);
        verbs.add(target.verb);
      }
      cell.findings.push(finding);
    } else if (node) {
      const list = rowFindings.get(node.resource.id) ?? [];
      list.push(finding);
      rowFindings.set(node.resource.id, list);
    } else {
      apiFindings.push(finding);
      const authorizerId = finding.target.authorizerId;
      if (authorizerId) for (const cell of cellsByAuthorizer.get(authorizerId) ?? []) cell.relatedFindings.push(finding);
    }
  }

  for (const cell of cells.values()) {
    cell.worst = worstSeverity(cell.findings.map((finding) => finding.severity));
    cell.missingNeeded = !cell.method && !cell.deployedOnly && !cell.servedBy && cell.findings.length > 0;
  }

  const rows: MatrixRow[] = tree.rows.map((node) => ({ ...node, findings: rowFindings.get(node.resource.id) ?? [] }));
  const columns = HTTP_VERBS.filter((verb) => verbs.has(verb));
  return { columns, rows, cells, apiFindings, ...(stage ? { stage } : {}), draft };
}

/** Rows to show: those under no collapsed ancestor; with a path query, matches and their ancestors. */
export function visibleRows(rows: MatrixRow[], collapsed: ReadonlySet<string>, pathQuery = ""): MatrixRow[] {
  const query = pathQuery.trim().toLowerCase();
  let shown = rows;
  if (query) {
    const keep = new Set<string>();
    for (const row of rows) {
      if (row.resource.path.toLowerCase().includes(query)) {
        keep.add(row.resource.id);
        for (const id of row.ancestorIds) keep.add(id);
      }
    }
    shown = rows.filter((row) => keep.has(row.resource.id));
  }
  if (collapsed.size === 0) return shown;
  return shown.filter((row) => !row.ancestorIds.some((id) => collapsed.has(id)));
}
