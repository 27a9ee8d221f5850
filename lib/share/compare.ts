/**
 * Compares two audits of the same API: which findings were fixed, which are new, which remain, and how
 * each method's access configuration changed. Pure. Findings match on ruleId + target; methods match on
 * path + verb (resource ids change when a resource is recreated, paths are what users recognise).
 */
import type { AuditReport } from "@/lib/audit/types";
import type { AuthorizationType, HttpVerb, IntegrationType, MethodModel } from "@/lib/model/types";
import { HTTP_VERBS } from "@/lib/model/types";
import type { Finding, FindingTarget, Severity } from "@/lib/rules/types";

export interface AuthorizerRef {
  id: string;
  /** Resolved from the report's authorizers; undefined when the id is not among them. */
  name?: string;
}

export type MethodFieldChange =
  | { field: "authorizationType"; before: AuthorizationType; after: AuthorizationType }
  | { field: "authorizer"; before: AuthorizerRef | null; after: AuthorizerRef | null }
  | { field: "apiKeyRequired"; before: boolean; after: boolean }
  | { field: "integrationType"; before: IntegrationType | null; after: IntegrationType | null };

export interface MethodAccessSummary {
  authorizationType: AuthorizationType;
  authorizer: AuthorizerRef | null;
  apiKeyRequired: boolean;
  integrationType: IntegrationType | null;
}

export type MethodChange =
  | { kind: "added"; path: string; httpMethod: HttpVerb; after: MethodAccessSummary }
  | { kind: "removed"; path: string; httpMethod: HttpVerb; before: MethodAccessSummary }
  | { kind: "changed"; path: string; httpMethod: HttpVerb; changes: MethodFieldChange[] };

export interface AuditComparison {
  api: AuditReport["api"];
  base: { readAt: string; counts: Record<Severity, number> };
  head: { readAt: string; counts: Record<Severity, number> };
  findings: {
    /** In base, not in head. */
    fixed: Finding[];
    /** In head, not in base. */
    new: Finding[];
    unchanged: Array<{ base: Finding; head: Finding }>;
  };
  /** Sorted by path, then verb order. */
  methods: MethodChange[];
}

export type CompareResult = { ok: true; comparison: AuditComparison } | { ok: false; error: string };

function sameApi(a: AuditReport["api"], b: AuditReport["api"]): boolean {
  // The account is not always known; when both know it, it must agree.
  const accountsAgree = a.accountId === undefined || b.accountId === undefined || a.accountId === b.accountId;
  return a.id === b.id && a.region === b.region && accountsAgree;
}

const TARGET_KEYS: ReadonlyArray<keyof FindingTarget> = ["resourceId", "path", "httpMethod", "authorizerId", "stage", "responseType"];

/** A stable identity for a finding: its rule and every defined part of its target, in a fixed order. */
export function findingKey(finding: Finding): string {
  const parts: Array<[string, string]> = [];
  for (const key of TARGET_KEYS) {
    const value = finding.target[key];
    if (value !== undefined) parts.push([key, value]);
  }
  return JSON.stringify([finding.ruleId, parts]);
}

function groupByKey(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = findingKey(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return groups;
}

function compareFindings(base: Finding[], head: Finding[]): AuditComparison["findings"] {
  const headGroups = groupByKey(head);
  const fixed: Finding[] = [];
  const unchanged: Array<{ base: Finding; head: Finding }> = [];
  for (const finding of base) {
    // Pair duplicates one to one, in report order, so two identical findings never both match one.
    const candidates = headGroups.get(findingKey(finding));
    const match = candidates?.shift();
    if (match) unchanged.push({ base: finding, head: match });
    else fixed.push(finding);
  }
  const added = head.filter((finding) => {
    const rest = headGroups.get(findingKey(finding));
    return rest !== undefined && rest.includes(finding);
  });
  return { fixed, new: added, unchanged };
}

function methodsByKey(report: AuditReport): Map<string, MethodModel> {
  const methods = new Map<string, MethodModel>();
  for (const resource of report.model.resources) {
    for (const method of resource.methods) methods.set(`${method.path} ${method.httpMethod}`, method);
  }
  return methods;
}

function authorizerRef(report: AuditReport, id: string | undefined): AuthorizerRef | null {
  if (id === undefined) return null;
  const name = report.model.authorizers.find((authorizer) => authorizer.id === id)?.name;
  return name === undefined ? { id } : { id, name };
}

function summarize(report: AuditReport, method: MethodModel): MethodAccessSummary {
  return {
    authorizationType: method.authorizationType,
    authorizer: authorizerRef(report, method.authorizerId),
    apiKeyRequired: method.apiKeyRequired,
    integrationType: method.integration?.type ?? null,
  };
}

function fieldChanges(before: MethodAccessSummary, after: MethodAccessSummary): MethodFieldChange[] {
  const changes: MethodFieldChange[] = [];
  if (before.authorizationType !== after.authorizationType) {
    changes.push({ field: "authorizationType", before: before.authorizationType, after: after.authorizationType });
  }
  // Authorizers are compared by id: a recreated authorizer with the same name is a different authorizer.
  if (before.authorizer?.id !== after.authorizer?.id) {
    changes.push({ field: "authorizer", before: before.authorizer, after: after.authorizer });
  }
  if (before.apiKeyRequired !== after.apiKeyRequired) {
    changes.push({ field: "apiKeyRequired", before: before.apiKeyRequired, after: after.apiKeyRequired });
  }
  if (before.integrationType !== after.integrationType) {
    changes.push({ field: "integrationType", before: before.integrationType, after: after.integrationType });
  }
  return changes;
}

function compareMethods(base: AuditReport, head: AuditReport): MethodChange[] {
  const before = methodsByKey(base);
  const after = methodsByKey(head);
  const changes: MethodChange[] = [];
  for (const [key, method] of before) {
    const next = after.get(key);
    if (!next) {
      changes.push({ kind: "removed", path: method.path, httpMethod: method.httpMethod, before: summarize(base, method) });
      continue;
    }
    const fields = fieldChanges(summarize(base, method), summarize(head, next));
    if (fields.length > 0) changes.push({ kind: "changed", path: method.path, httpMethod: method.httpMethod, changes: fields });
  }
  for (const [key, method] of after) {
    if (!before.has(key)) changes.push({ kind: "added", path: method.path, httpMethod: method.httpMethod, after: summarize(head, method) });
  }
  return changes.sort((a, b) =>
    a.path === b.path ? HTTP_VERBS.indexOf(a.httpMethod) - HTTP_VERBS.indexOf(b.httpMethod) : a.path < b.path ? -1 : 1,
  );
}

/** `base` is the earlier audit, `head` the later one; "fixed" means present in base and gone from head. */
export function compareReports(base: AuditReport, head: AuditReport): CompareResult {
  if (!sameApi(base.api, head.api)) {
    const describe = (api: AuditReport["api"]) => `${api.id} in ${api.region}${api.accountId ? ` (account ${api.accountId})` : ""}`;
    return { ok: false, error: `Cannot compare audits of different APIs: ${describe(base.api)} and ${describe(head.api)}.` };
  }
  return {
    ok: true,
    comparison: {
      api: { ...head.api, accountId: head.api.accountId ?? base.api.accountId },
      base: { readAt: base.readAt, counts: { ...base.counts } },
      head: { readAt: head.readAt, counts: { ...head.counts } },
      findings: compareFindings(base.findings, head.findings),
      methods: compareMethods(base, head),
    },
  };
}
