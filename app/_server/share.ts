import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import { ruleMetasFor } from "@/lib/rules/rule-metas";
import type { RuleMeta } from "@/lib/rules/types";
import type { ApiRef, AuditSummary, RecentAuditSummary, StoredAudit } from "@/lib/share/audit-store";
import { compareReports, type AuditComparison } from "@/lib/share/compare";
import { AuditStoreError } from "@/lib/share/errors";
import { parseAuditId } from "@/lib/share/ids";
import { deleteTokenMatches, newDeleteToken } from "@/lib/share/delete-token";
import { getAuditStore } from "@/lib/share/open-audit-store";
import { isReadOnly } from "@/lib/share/store-config";
import type { UiError } from "@/app/actions/types";
import { expiryDate, type ExpiryChoice } from "@/lib/share/expiry";
import { loadAudit } from "./audit";
import { currentViewer, isAdmitted } from "./session";

const SIGNED_IN_ONLY = "Sign in to see the other shared audits: on this Preflight they are listed to signed-in users only.";

/** Team-viewer mode (PREFLIGHT_READ_ONLY=1): stored audits only, no connections, no share or delete. */
export function readOnlyMode(): boolean {
  return isReadOnly();
}

export interface StoredView {
  stored: StoredAudit;
  report: AuditReport;
  rules: Record<string, RuleMeta>;
  /** Where the whole-API fix files download from. */
  fixDownloadBase: string;
}

/** "/api/audits/<id>": where a stored audit's exports and fix files are downloaded from. */
export function storedDownloadBase(id: string): string {
  return `/api/audits/${encodeURIComponent(id)}`;
}

/** The same view data loadAudit gives the live page, from a stored report: no AWS call. */
export function viewDataFor(stored: StoredAudit): StoredView {
  const report = stored.snapshot.report;
  return {
    stored,
    report,
    rules: ruleMetasFor(report.findings),
    fixDownloadBase: `${storedDownloadBase(stored.id)}/fix`,
  };
}

/** Undefined for an unknown, expired or malformed id; a malformed id never reaches the store. */
export async function findStoredAudit(rawId: string): Promise<StoredAudit | undefined> {
  const parsed = parseAuditId(rawId);
  if (!parsed.ok) return undefined;
  const store = await getAuditStore();
  return store.get(parsed.id);
}

export function apiRefOf(report: Pick<AuditReport, "api">): ApiRef {
  const { accountId, region, id } = report.api;
  return { ...(accountId ? { accountId } : {}), region, apiId: id };
}

export type HistoryResult = { ok: true; audits: AuditSummary[] } | { ok: false; message: string };

/** Shared audits of one API, newest first. A store failure is a value: history is an extra, never the page. */
export async function loadHistory(api: ApiRef): Promise<HistoryResult> {
  if (!isAdmitted(await currentViewer())) return { ok: false, message: SIGNED_IN_ONLY };
  try {
    const store = await getAuditStore();
    return { ok: true, audits: await store.listForApi(api, { limit: 50 }) };
  } catch (error) {
    if (error instanceof AuditStoreError) return { ok: false, message: error.message };
    throw error;
  }
}

export type RecentResult = { ok: true; audits: RecentAuditSummary[] } | { ok: false; message: string };

/** The newest stored audits of every API, for the team viewer's home page; a store failure is a value shown there. */
export async function loadRecent(limit = 50): Promise<RecentResult> {
  if (!isAdmitted(await currentViewer())) return { ok: false, message: SIGNED_IN_ONLY };
  try {
    const store = await getAuditStore();
    return { ok: true, audits: await store.listRecent({ limit }) };
  } catch (error) {
    if (error instanceof AuditStoreError) return { ok: false, message: error.message };
    throw error;
  }
}

export type ComparisonResult =
  | { ok: true; base: StoredAudit; head: StoredAudit; comparison: AuditComparison }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "different-apis"; message: string };

/** Orders the two audits by read time (earlier = base) so "fixed" means fixed whichever order the link names them. */
export async function loadComparison(firstId: string, secondId: string): Promise<ComparisonResult> {
  if (!parseAuditId(firstId).ok || !parseAuditId(secondId).ok) return { ok: false, reason: "not-found" };
  const [first, second] = await Promise.all([findStoredAudit(firstId), findStoredAudit(secondId)]);
  if (!first || !second) return { ok: false, reason: "not-found" };
  const key = (audit: StoredAudit) => `${audit.snapshot.report.readAt}|${audit.createdAt}`;
  const [base, head] = key(first) <= key(second) ? [first, second] : [second, first];
  const result = compareReports(base.snapshot.report, head.snapshot.report);
  if (!result.ok) return { ok: false, reason: "different-apis", message: result.error };
  return { ok: true, base, head, comparison: result.comparison };
}

export interface ShareRequest {
  connection: string;
  region: string;
  apiId: string;
  expiry: ExpiryChoice;
}

export type ShareOutcome =
  | {
      ok: true;
      id: string;
      createdAt: string;
      expiresAt?: string;
      readAt: string;
      findings: number;
      /** Shown to the sharer once: whoever holds it may delete the audit. Only its hash is stored. */
      deleteToken: string;
    }
  | { ok: false; error: UiError };

function storeFailure(error: AuditStoreError): UiError {
  return {
    code: `store:${error.code}`,
    message: error.message,
    hint: "The audit was not stored. Try again, or ask whoever runs Preflight to check its database.",
  };
}

/**
 * Stores the server's own read of the API (the read-once cache, so the link holds what the page shows, or
 * a new read). The browser's copy of the report is never trusted: a stored audit must be what Preflight
 * itself read from the named account and API.
 */
export async function shareLiveAudit(request: ShareRequest, now: Date = new Date()): Promise<ShareOutcome> {
  const loaded = await loadAudit(request.connection, request.region, request.apiId);
  if (!loaded.ok) return loaded;
  return storeReport(loaded.report, request.expiry, now);
}

/** Stores a report Preflight itself produced on this server (a live read, or a cached template audit). */
export async function storeReport(report: AuditReport, expiry: ExpiryChoice, now: Date = new Date()): Promise<ShareOutcome> {
  try {
    const store = await getAuditStore();
    const expiresAt = expiryDate(expiry, now);
    const viewer = await currentViewer();
    const owner = viewer.signInRequired ? viewer.user?.email : undefined;
    const deleteToken = newDeleteToken();
    const saved = await store.save(report, {
      ...(expiresAt ? { expiresAt } : {}),
      deleteTokenSha256: deleteToken.sha256,
      ...(owner ? { owner } : {}),
    });
    return {
      ok: true,
      id: saved.id,
      createdAt: saved.createdAt,
      ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}),
      readAt: report.readAt,
      findings: report.findings.length,
      deleteToken: deleteToken.token,
    };
  } catch (error) {
    if (error instanceof AuditStoreError) return { ok: false, error: storeFailure(error) };
    throw error;
  }
}

export type DeleteOutcome = { ok: true; deleted: boolean } | { ok: false; error: UiError };

const DELETE_REFUSED: UiError = {
  code: "delete:not-allowed",
  message: "Only whoever shared this audit may delete it: paste the delete token shown when it was shared, or sign in as its owner.",
  hint: "Ask the person who shared it to delete it.",
};

/**
 * Deletes when the caller holds the audit's delete token, is the signed-in owner, or uses a local instance without
 * sign-in (whoever reaches a loopback-only Preflight is its user).
 */
export async function deleteStoredAudit(rawId: string, token?: string): Promise<DeleteOutcome> {
  const parsed = parseAuditId(rawId);
  if (!parsed.ok) return { ok: true, deleted: false };
  try {
    const store = await getAuditStore();
    const guard = await store.deleteGuard(parsed.id);
    if (!guard) return { ok: true, deleted: false };
    const viewer = await currentViewer();
    const owner = viewer.signInRequired && viewer.user !== undefined && guard.owner !== undefined && viewer.user.email === guard.owner;
    if (viewer.signInRequired && !owner && !deleteTokenMatches(token, guard.deleteTokenSha256)) return { ok: false, error: DELETE_REFUSED };
    return { ok: true, deleted: await store.delete(parsed.id) };
  } catch (error) {
    if (error instanceof AuditStoreError) return { ok: false, error: storeFailure(error) };
    throw error;
  }
}
