"use server";

import { auditTargetSchema } from "@/app/_server/audit-target";
import { loadReport } from "@/app/_server/audit";
import { forgetRegion } from "@/app/_server/audit-cache";
import { openConnectionById } from "@/app/_server/connection";
import { readOnlyMode } from "@/app/_server/share";
import type { UiError } from "@/app/actions/types";

export type RefreshOutcome = { ok: true; readAt: string } | { ok: false; error: UiError };

/**
 * The audit page's Refresh: reads the API again and replaces its cache entry, so the page re-rendered
 * next (router.refresh) and every later export, fix download and share use the new read. Bound arguments
 * of a server action come from the browser, so they are validated like a URL.
 */
export async function refreshLiveAudit(connection: string, region: string, apiId: string): Promise<RefreshOutcome> {
  if (readOnlyMode())
    return {
      ok: false,
      error: { code: "read-only", message: "This Preflight is a read-only viewer.", hint: "Open a shared audit instead." },
    };
  const parsed = auditTargetSchema.safeParse({ connection, region, apiId });
  if (!parsed.success)
    return {
      ok: false,
      error: { code: "request:invalid", message: "Invalid refresh request.", hint: parsed.error.issues[0]?.message ?? "" },
    };
  const loaded = await loadReport(parsed.data.connection, parsed.data.region, parsed.data.apiId, { refresh: true });
  return loaded.ok ? { ok: true, readAt: loaded.report.readAt } : { ok: false, error: loaded.error };
}

/**
 * The home page's "Refresh counts": forgets the cached audits of a connection's regions, so the counts the
 * page asks for next are read again. Regions are validated as in a URL; at most every commercial region.
 */
export async function refreshInventoryCounts(connection: string, regions: readonly string[]): Promise<RefreshOutcome> {
  if (readOnlyMode())
    return {
      ok: false,
      error: { code: "read-only", message: "This Preflight is a read-only viewer.", hint: "Open a shared audit instead." },
    };
  const schema = auditTargetSchema.pick({ connection: true, region: true });
  const targets = Array.isArray(regions) ? regions.slice(0, 64).map((region) => schema.safeParse({ connection, region })) : [];
  const bad = targets.find((target) => !target.success);
  if (bad && !bad.success)
    return { ok: false, error: { code: "request:invalid", message: "Invalid refresh request.", hint: bad.error.issues[0]?.message ?? "" } };
  const opened = await openConnectionById(connection);
  if (!opened.ok) return { ok: false, error: opened.error };
  for (const target of targets) if (target.success) await forgetRegion(opened.connection, target.data.region);
  return { ok: true, readAt: new Date().toISOString() };
}
