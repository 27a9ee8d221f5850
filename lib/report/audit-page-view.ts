import { HTTP_VERBS, type AuthorizerModel, type HttpVerb, type MethodModel } from "@/lib/model/types";
import type { Severity } from "@/lib/rules/types";

/**
 * The audit page's compact view (issue 16, "a page that scales with what is on screen"): what the method
 * matrix, the filters and the findings index draw, and nothing else. A 10,000-resource API's whole report
 * is tens of MB; this is a few hundred KB, because
 * - rows carry a depth and a path part (the path is the parent's path plus the part) and their cells as
 *   pairs of numbers: the verb's index in HTTP_VERBS and an index into `summaries`;
 * - what a cell shows (authorization, API key, integration type, stage cache, drift) is interned: the
 *   thousands of cells of a generated or templated API share a handful of summaries;
 * - a stage's cells are the draft's, except the few its deployment or settings change (`overrides`);
 * - a finding is four numbers (rule, severity, row, verb); messages, evidence and fixes stay on the server
 *   and come with the detail panel or an opened finding card (app/_server/audit-page-detail.ts).
 * Nothing here is secret beyond the model: stage variable values were never read, and no credential is in it.
 */
export const AUDIT_PAGE_VIEW_VERSION = 1 as const;

/**
 * What a cell needs to name its authorizer: the label, the Lambda result-cache TTL, the Cognito pools.
 * `providerArns` keeps only each ARN's user pool id (the part after the last "/", all the label shows), so the
 * page does not carry the account id the ARNs hold.
 */
export type CellAuthorizer = Pick<AuthorizerModel, "id" | "name" | "type" | "effectiveTtlSeconds" | "providerArns">;

/** What a cell shows of its method (field names as in MethodModel, so the labels work on either). */
export interface CellMethod {
  authorizationType: MethodModel["authorizationType"];
  authorizerId?: string;
  apiKeyRequired: boolean;
  integration?: { type: NonNullable<MethodModel["integration"]>["type"] };
}

export interface CellSummary {
  /** Index into `methods`; absent when no method is here. */
  method?: number;
  /** The selected stage caches this method's responses for this many seconds (cache cluster on, caching enabled). */
  cacheTtlSeconds?: number;
  /** The stage still serves a method the configuration no longer has. */
  deployedOnly?: true;
  /** How the draft differs from what the stage serves here, in a few words each. */
  draftDiffers?: string[];
  /** No OPTIONS here; API Gateway routes the preflight to this row's method (lib/model/answered-by.ts). */
  servedBy?: { row: number; verb: HttpVerb; method: number };
}

/**
 * One resource in tree order. `cells` holds pairs: [verb index in HTTP_VERBS, index into `summaries`].
 * `path` is sent only when it is not the parent's path plus "/" plus `part` (a root, or an unusual model).
 */
export type ViewRow = [depth: number, part: string, cells: number[], path?: string];

export interface ViewStage {
  name: string;
  deployed: boolean;
  deploymentUnknown?: true;
  canaryPercent?: number;
  /** Triples [row, verb index, summary index or -1 for no cell]: where this stage's cells differ from the draft's. */
  overrides: number[];
}

/**
 * [rule index into `rules`, severity index into SEVERITIES, row of target.path or -1, verb index of
 * target.httpMethod or -1, what else the target names]. `extra` is absent for the common case of a finding
 * on a method or a resource of the matrix.
 */
export type FindingEntry = [rule: number, severity: number, row: number, verb: number, extra?: FindingExtra];

export interface FindingExtra {
  /** target.path when it is no resource of the model. */
  path?: string;
  authorizerId?: string;
  responseType?: string;
  stage?: string;
  /** The finding names a resource, not a method, and its fix adds the preflight: it belongs in the OPTIONS cell. */
  preflightCell?: true;
}

export interface AuditPageView {
  version: typeof AUDIT_PAGE_VIEW_VERSION;
  apiName: string;
  authorizers: CellAuthorizer[];
  methods: CellMethod[];
  summaries: CellSummary[];
  rows: ViewRow[];
  stages: ViewStage[];
  /** The stage shown when none is chosen: the first deployed stage, else the first. */
  defaultStage?: string;
  /** Rules that have findings: id and title (the rest of the meta comes with a finding's detail). */
  rules: { id: string; title: string }[];
  findings: FindingEntry[];
  /**
   * Set on the first part of a streamed view (audit-page-view-split.ts): `findings[i]` is the report's finding
   * `findingIndexes[i]`. Absent on a whole view, where a finding's index in `findings` is its index in the report.
   */
  findingIndexes?: number[];
  /** Set on the first part of a streamed view: how many rows the whole view has (the rest are on their way). */
  rowCount?: number;
  counts: Record<Severity, number>;
}

/** "/orders/{id}:OPTIONS": a matrix cell's key, in URLs (?cell=) and in the detail route. */
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

/** The stage selector's extra choice: the current configuration (draft) itself. "~" is not allowed in stage names. */
export const DRAFT_VIEW = "~draft";

/** The path a row's part makes under its parent's path. */
export function childPath(parentPath: string, part: string): string {
  return parentPath === "/" ? `/${part}` : `${parentPath}/${part}`;
}
