import "server-only";
import type { AuditReport } from "@/lib/audit/types";
import type { UiError } from "@/app/actions/types";
import { loadReport } from "./audit";
import { auditTargetSchema } from "./audit-target";
import { fieldMessages, jsonError } from "./downloads";
import { decodeSegment } from "./decode-segment";
import { refuseWithoutSession } from "./route-guard";
import { findStoredAudit, readOnlyMode } from "./share";

/** Export and fix-file routes answer with the file or with this JSON error (never a page). */
export type RouteReport = { ok: true; report: AuditReport } | { ok: false; response: Response };

export const READ_ONLY_REFUSAL =
  "This Preflight is a read-only viewer: it has no AWS connections, so live audits cannot be read or exported here. Export a shared audit from /api/audits/<id>/export/<format> instead.";

/** 400 naming each bad param, e.g. { format: "must be one of json, sarif, md, csv" }. */
export function invalidRequest(details: Record<string, string>): Response {
  const summary = Object.entries(details)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
  return jsonError(400, "request:invalid", `Invalid download request: ${summary}.`, details);
}

function readFailureStatus(error: UiError): 400 | 404 | 502 {
  if (error.code === "connection:invalid" || error.code === "region:invalid" || error.code === "request:invalid") return 400;
  if (error.code === "api:not-found" || error.code === "stage-not-found") return 404;
  // Credentials, access, throttling, network: the read failed upstream, not the request.
  return 502;
}

/**
 * Validates a live audit's route params and takes the audit the server read (the read-once cache, or a new
 * read): downloads are never built from what the browser holds. Refused in read-only mode: a team viewer has no connections.
 */
export async function liveReportFor(raw: { connection: string; region: string; apiId: string }): Promise<RouteReport> {
  if (readOnlyMode()) return { ok: false, response: jsonError(403, "read-only", READ_ONLY_REFUSAL) };
  const refused = await refuseWithoutSession();
  if (refused) return { ok: false, response: refused };
  const decoded = { connection: decodeSegment(raw.connection), region: decodeSegment(raw.region), apiId: decodeSegment(raw.apiId) };
  const parsed = auditTargetSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, response: invalidRequest(fieldMessages(parsed.error.issues)) };
  const loaded = await loadReport(parsed.data.connection, parsed.data.region, parsed.data.apiId);
  if (!loaded.ok)
    return {
      ok: false,
      response: jsonError(readFailureStatus(loaded.error), loaded.error.code, `${loaded.error.message} ${loaded.error.hint}`.trim()),
    };
  return { ok: true, report: loaded.report };
}

/** A stored audit's report; 404 for an unknown, expired or malformed id (a malformed one never reaches the store). */
export async function storedReportFor(rawId: string): Promise<RouteReport> {
  const stored = await findStoredAudit(decodeSegment(rawId) ?? "");
  if (!stored)
    return { ok: false, response: jsonError(404, "audit:not-found", "No shared audit with this id; it may have been deleted or expired.") };
  return { ok: true, report: stored.snapshot.report };
}
