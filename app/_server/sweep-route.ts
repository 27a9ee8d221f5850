import "server-only";
import { sweepAccounts, type SweepAccount, type SweepAuditor } from "@/lib/aws/audit/sweep";
import { COMMERCIAL_REGIONS } from "@/lib/aws/regions/commercial-regions";
import type { SweepLine } from "@/app/actions/types";
import { cachedLiveReport } from "./audit-cache";
import { auditTargetSchema } from "./audit-target";
import { deploymentAllowList } from "./allow-list";
import { allowedRegions } from "@/lib/aws/connections/allow-list";
import { scrubServerPrincipal } from "@/lib/aws/errors/scrub-principal";
import { READ_ONLY_REFUSAL, invalidRequest } from "./download-routes";
import { jsonError } from "./downloads";
import { ndjsonResponse } from "./ndjson-response";
import { openAllowedConnections } from "./route-guard";
import { readOnlyMode } from "./share";

/** Accounts one sweep may cover; each costs a limiter and a listing of every region. */
export const MAX_SWEEP_CONNECTIONS = 10;

// The app's sweep goes through the read-once cache at background priority: APIs read in the last minutes
// are not read again, and everything the sweep reads is there when someone opens it.
const cachedAuditor: SweepAuditor = async (connection, region, apiId, signal) => {
  const result = await cachedLiveReport(connection, region, apiId, { priority: "background", ...(signal ? { signal } : {}) });
  return result.ok ? { ok: true, report: result.report } : result;
};

/**
 * GET /api/sweep?connection=a&connection=b[&region=r…]: NDJSON, one SweepLine per region listed and per API
 * audited, as they happen (every commercial region when no region is given). The client going away aborts
 * the sweep.
 */
export async function sweepRequestFor(request: Request): Promise<Response> {
  if (readOnlyMode()) return jsonError(403, "read-only", READ_ONLY_REFUSAL);
  const params = new URL(request.url).searchParams;
  const ids = [...new Set(params.getAll("connection"))];
  const regions = [...new Set(params.getAll("region"))];
  if (ids.length === 0 || ids.length > MAX_SWEEP_CONNECTIONS)
    return invalidRequest({ connection: `give 1 to ${MAX_SWEEP_CONNECTIONS} connection ids` });
  const regionSchema = auditTargetSchema.shape.region;
  const badRegion = regions.find((region) => !regionSchema.safeParse(region).success);
  if (badRegion !== undefined || regions.length > COMMERCIAL_REGIONS.length) return invalidRequest({ region: "not an AWS region" });
  // The deployment's allow-list is checked before any AWS call: named regions must be allowed, and a sweep of
  // every region covers only the allowed ones.
  const opened = await openAllowedConnections(ids, regions);
  if (!opened.ok) return opened.response;
  const allowList = deploymentAllowList();
  const everyRegion =
    "broken" in allowList
      ? []
      : allowedRegions(
          COMMERCIAL_REGIONS.map((r) => r.code),
          allowList,
        );
  const accounts: SweepAccount[] = opened.connections.map((connection) => ({
    connection,
    regions: regions.length > 0 ? regions : everyRegion,
  }));

  return ndjsonResponse(
    request,
    (signal) => sweepAccounts(accounts, signal, cachedAuditor),
    (event): SweepLine =>
      event.kind === "api" && event.ok
        ? {
            kind: "api",
            connection: event.connection,
            region: event.region,
            apiId: event.apiId,
            ok: true,
            name: event.report.api.name,
            counts: event.report.counts,
            partial: event.report.partial,
          }
        : event.ok
          ? event
          : // An AssumeRole denial names the server's own principal: never sent to the browser.
            { ...event, message: scrubServerPrincipal(event.message) },
  );
}
