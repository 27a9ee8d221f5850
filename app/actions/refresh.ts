"use server";

import { auditTargetSchema } from "@/app/_server/audit-target";
import { loadReport } from "@/app/_server/audit";
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
