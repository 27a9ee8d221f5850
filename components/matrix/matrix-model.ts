import {
  HTTP_VERBS,
  type ApiModel,
  type AuthorizerModel,
  type DriftItem,
  type EffectiveMethodSettings,
  type HttpVerb,
  type MethodModel,
  type ResourceModel,
  type StageModel,
} from "@/lib/model/types";
import { answeredBy } from "@/lib/model/answered-by";
import type { Finding, Severity } from "@/lib/rules/types";
import { worstSeverity } from "@/components/findings/severity";

export interface MatrixRow {
  resource: ResourceModel;
  /** 0 for the root resource "/". */
  depth: number;
  hasChildren: boolean;
  /** Resource ids from the root down to the parent. */
  ancestorIds: string[];
  /** Findings about the resource as a whole rather than one of its methods. */
  findings: Finding[];
}

export interface MatrixCell {
  key: string;
  path: string;
  verb: HttpVerb;
  resourceId: string;
  method?: MethodModel;
  authorizer?: AuthorizerModel;
  /** Findings that target this method (or the missing method this cell stands for). */
  findings: Finding[];
  /** Findings about the method's authorizer: they affect this cell but belong to the authorizer. */
  relatedFindings: Finding[];
  worst?: Severity;
  /** No method here, but a finding says one is needed (typically a missing OPTIONS). */
  missingNeeded: boolean;
  /** The selected stage's deployment still has this method; the current configuration does not. */
  deployedOnly: boolean;
  drift: DriftItem[];
  /** How the draft differs from what the selected stage serves here, in a few words (empty when it does not). */
  draftDiffers: string[];
  settings?: EffectiveMethodSettings;
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
  method: MethodModel;
  authorizer?: AuthorizerModel;
}

/** The stage selector's extra choice: the current configuration (draft) itself. "~" is not allowed in stage names. */
export const DRAFT_VIEW = "~draft";

export interface MatrixModel {
  columns: HttpVerb[];
  /** Every resource in tree order (depth-first, children in numeric-aware order of their path part). */
  rows: MatrixRow[];
  cells: Map<string, MatrixCell>;
  /** Findings that belong to no single resource: gateway responses, stages, authorizers. */
  apiFindings: Finding[];
  stage?: StageModel;
  /** The draft is shown, not a stage. */
  draft: boolean;
}

export function cellKey(path: string, verb: HttpVerb): string {
  return `${path}:${verb}`;
}

/** Parses "/orders/{id}:OPTIONS"; the verb follows the last colon. */
export function parseCellKey(key: string): { path: string; verb: HttpVerb } | undefined {
  const at = key.lastIndexOf(":");
  if (at <= 0) return undefined;
  const path = key.slice(0, at);
  const verb = key.slice(at + 1).toUpperCase();
  if (!path.startsWith("/") || !(HTTP_VERBS as readonly string[]).includes(verb)) return undefined;
  return { path, verb: verb as HttpVerb };
}

export function findStage(model: ApiModel, stageName: string | undefined): StageModel | undefined {
  if (stageName) {
    const named = model.stages.find((stage) => stage.name === stageName);
    if (named) return named;
  }
  return defaultStage(model);
}

/** The first deployed stage (one with a deployment), else the first stage. */
export function defaultStage(model: ApiModel): StageModel | undefined {
  return model.stages.find((stage) => stage.deploymentId) ?? model.stages[0];
}

// Numeric-aware, so /v2 comes before /v10 and /s9 before /s10.
const collator = new Intl.Collator("en", { numeric: true });

function orderTree(resources: ResourceModel[]): { resource: ResourceModel; depth: number; ancestorIds: string[]; hasChildren: boolean }[] {
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
  const ordered: { resource: ResourceModel; depth: number; ancestorIds: string[]; hasChildren: boolean }[] = [];
  // Iterative depth-first walk: a 1,000-resource API can be deep enough to make recursion a risk.
  const stack = roots
    .sort(byPart)
    .reverse()
    .map((resource) => ({ resource, depth: 0, ancestorIds: [] as string[] }));
  while (stack.length > 0) {
    const { resource, depth, ancestorIds } = stack.pop()!;
    const kids = (children.get(resource.id) ?? []).sort(byPart);
    ordered.push({ resource, depth, ancestorIds, hasChildren: kids.length > 0 });
    for (let index = kids.length - 1; index >= 0; index -= 1) {
      stack.push({ resource: kids[index]!, depth: depth + 1, ancestorIds: [...ancestorIds, resource.id] });
    }
  }
  return ordered;
}

/**
 * The cell a finding belongs to: its method, or the OPTIONS cell of a resource whose fix is to add a
 * preflight method. Undefined for findings about a resource as a whole or about the API.
 */
export function findingCellKey(finding: Finding): string | undefined {
  const { path, httpMethod } = finding.target;
  if (!path) return undefined;
  if (httpMethod) return cellKey(path, httpMethod);
  if (finding.fixes.some((fix) => fix.kind === "add-cors-preflight")) return cellKey(path, "OPTIONS");
  return undefined;
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

export function buildMatrix(model: ApiModel, findings: Finding[], stageName?: string): MatrixModel {
  const draft = stageName === DRAFT_VIEW;
  const stage = draft ? undefined : findStage(model, stageName);
  // What the selected stage serves (its deployed snapshot), method by method; the draft where it is unknown.
  const servedMethods = new Map<string, MethodModel>();
  for (const resource of stage?.deployment?.served?.resources ?? []) {
    for (const method of resource.methods) servedMethods.set(cellKey(method.path, method.httpMethod), method);
  }
  const authorizers = new Map(model.authorizers.map((authorizer) => [authorizer.id, authorizer]));
  const tree = orderTree(model.resources);
  const byPath = new Map(model.resources.map((resource) => [resource.path, resource]));
  const cells = new Map<string, MatrixCell>();
  const verbs = new Set<HttpVerb>(["OPTIONS"]);

  const cellFor = (resource: ResourceModel, verb: HttpVerb): MatrixCell => {
    const key = cellKey(resource.path, verb);
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        key,
        path: resource.path,
        verb,
        resourceId: resource.id,
        findings: [],
        relatedFindings: [],
        missingNeeded: false,
        deployedOnly: false,
        drift: [],
        draftDiffers: [],
      };
      cells.set(key, cell);
      verbs.add(verb);
    }
    return cell;
  };

  const settingsByKey = new Map((stage?.effectiveSettings ?? []).map((entry) => [cellKey(entry.path, entry.httpMethod), entry]));
  const cellsByAuthorizer = new Map<string, MatrixCell[]>();
  for (const resource of model.resources) {
    for (const method of resource.methods) {
      const cell = cellFor(resource, method.httpMethod);
      // The selected stage's own method when it serves one here, else the draft's (a method only the draft has).
      const shown = servedMethods.get(cell.key) ?? method;
      cell.method = shown;
      if (shown.authorizerId) {
        cell.authorizer = authorizers.get(shown.authorizerId);
        const list = cellsByAuthorizer.get(shown.authorizerId) ?? [];
        list.push(cell);
        cellsByAuthorizer.set(shown.authorizerId, list);
      }
      const settings = settingsByKey.get(cell.key);
      if (settings) {
        cell.settings = settings;
        // Per-method caching has no effect unless the stage has a cache cluster.
        if (stage?.cacheClusterEnabled && settings.cachingEnabled) cell.cacheTtlSeconds = settings.cacheTtlInSeconds;
      }
    }
  }

  // A preflight on a resource without OPTIONS or ANY is still answered when it falls through to another resource.
  for (const resource of model.resources) {
    if (resource.methods.some((method) => method.httpMethod === "OPTIONS")) continue;
    const answer = answeredBy(model, resource.path, "OPTIONS");
    if (!answer?.elsewhere) continue;
    const key = cellKey(answer.resource.path, answer.method.httpMethod);
    const authorizer = answer.method.authorizerId ? authorizers.get(answer.method.authorizerId) : undefined;
    cellFor(resource, "OPTIONS").servedBy = {
      path: answer.resource.path,
      verb: answer.method.httpMethod,
      key,
      method: answer.method,
      ...(authorizer ? { authorizer } : {}),
    };
  }

  for (const item of stage?.drift ?? []) {
    const resource = byPath.get(item.path);
    if (!resource) continue;
    const cell = cellFor(resource, item.httpMethod);
    cell.drift.push(item);
    cell.draftDiffers.push(draftDiffers(item));
    if (item.kind === "method-removed") cell.deployedOnly = true;
  }

  const apiFindings: Finding[] = [];
  const rowFindings = new Map<string, Finding[]>();
  for (const finding of findings) {
    const { path, authorizerId } = finding.target;
    const resource = path ? byPath.get(path) : undefined;
    const key = findingCellKey(finding);
    const target = key ? parseCellKey(key) : undefined;
    if (resource && target) {
      cellFor(resource, target.verb).findings.push(finding);
    } else if (resource) {
      const list = rowFindings.get(resource.id) ?? [];
      list.push(finding);
      rowFindings.set(resource.id, list);
    } else {
      apiFindings.push(finding);
      if (authorizerId) for (const cell of cellsByAuthorizer.get(authorizerId) ?? []) cell.relatedFindings.push(finding);
    }
  }

  for (const cell of cells.values()) {
    cell.worst = worstSeverity(cell.findings.map((finding) => finding.severity));
    cell.missingNeeded = !cell.method && !cell.deployedOnly && !cell.servedBy && cell.findings.length > 0;
  }

  const rows: MatrixRow[] = tree.map((node) => ({ ...node, findings: rowFindings.get(node.resource.id) ?? [] }));
  const columns = HTTP_VERBS.filter((verb) => verbs.has(verb));
  return { columns, rows, cells, apiFindings, stage, draft };
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
