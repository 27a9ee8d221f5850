import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import { streamLiveApis } from "@/lib/aws/reader/live-reader";
import { COMMERCIAL_REGIONS } from "@/lib/aws/regions/commercial-regions";
import { allowedRegions } from "@/lib/aws/connections/allow-list";
import { scrubServerPrincipal } from "@/lib/aws/errors/scrub-principal";
import type { RegionListing, RegionOutcome } from "@/app/actions/types";
import { deploymentAllowList } from "./allow-list";

/**
 * One promise per region, resolved as that region answers (regions are read concurrently). Every promise
 * settles, so the streamed page always ends. Finding counts are not read here: the browser asks
 * /api/inventory/<connection>/<region>/counts for them (inventory-counts.ts), from the read-once cache
 * first, and a read nobody waits for any more stops when the page goes away.
 */
export function inventoryFor(
  connection: Connection,
  requested: readonly string[] = COMMERCIAL_REGIONS.map((region) => region.code),
): RegionListing[] {
  // Only the regions this deployment's allow-list names are read (a broken list reads none).
  const allowList = deploymentAllowList();
  const regions = "broken" in allowList ? [] : allowedRegions(requested, allowList);
  const resolvers = new Map<string, (outcome: RegionOutcome) => void>();
  const listings: RegionListing[] = regions.map((region) => ({
    region,
    result: new Promise<RegionOutcome>((resolve) => resolvers.set(region, resolve)),
  }));
  void (async () => {
    try {
      for await (const listing of streamLiveApis(connection, regions)) {
        const resolve = resolvers.get(listing.region);
        resolvers.delete(listing.region);
        resolve?.(
          listing.ok
            ? {
                ok: true,
                apis: listing.apis.map((api) => ({
                  id: api.id,
                  name: api.name,
                  ...(api.description ? { description: api.description } : {}),
                  ...(api.createdDate ? { createdDate: api.createdDate } : {}),
                  endpointTypes: api.endpointTypes,
                })),
              }
            : {
                ok: false,
                // An AssumeRole denial names the server's own principal: never shown to the browser.
                error: {
                  code: listing.error.code,
                  message: scrubServerPrincipal(listing.error.message),
                  hint: scrubServerPrincipal(listing.error.hint),
                  operation: "GetRestApis",
                },
              },
        );
      }
    } catch (error) {
      // streamLiveApis reports per-region failures as values; anything else is a bug, shown on every region left.
      const message = scrubServerPrincipal(error instanceof Error ? error.message : String(error));
      for (const resolve of resolvers.values())
        resolve({ ok: false, error: { code: "unexpected", message, hint: "Reload the page; if it persists, report it." } });
      resolvers.clear();
    }
    for (const resolve of resolvers.values())
      resolve({ ok: false, error: { code: "unexpected", message: "The region did not answer.", hint: "Reload the page." } });
  })();
  return listings;
}
