import "server-only";
import type { Connection } from "@/lib/aws/connections/connection";
import { streamLiveApis } from "@/lib/aws/reader/live-reader";
import { COMMERCIAL_REGIONS } from "@/lib/aws/regions/commercial-regions";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import { allowedRegions } from "@/lib/aws/connections/allow-list";
import { scrubServerPrincipal } from "@/lib/aws/errors/scrub-principal";
import type { CountsOutcome, RegionListing, RegionOutcome } from "@/app/actions/types";
import { deploymentAllowList } from "./allow-list";
import { toUiError } from "./ui-error";

// Audits behind the finding counts run a few at a time: each is several API Gateway calls, and the
// account's management-API quota is shared (10 requests/s, https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
const COUNT_CONCURRENCY = 4;

function limiter(concurrency: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= concurrency) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

function countsFor(connection: Connection, region: string, apiId: string, run: ReturnType<typeof limiter>): Promise<CountsOutcome> {
  // Background: opening an API must not wait behind the counts of every other API in the account.
  return run(() => runAudit({ connection, region, restApiId: apiId, live: { priority: "background" } })).then(
    (result): CountsOutcome =>
      result.ok
        ? { ok: true, counts: result.report.counts, partial: result.report.partial }
        : {
            ok: false,
            error:
              result.failure.kind === "aws"
                ? toUiError(result.failure.error)
                : { code: "stage-not-found", message: result.failure.message, hint: "Choose one of the API's stages." },
          },
    (error: unknown): CountsOutcome => ({
      ok: false,
      error: {
        code: "unexpected",
        message: scrubServerPrincipal(error instanceof Error ? error.message : String(error)),
        hint: "Open the API to see details.",
      },
    }),
  );
}

/**
 * One promise per region, resolved as that region answers (regions are read concurrently), each API
 * carrying a promise of its finding counts. Every promise settles, so the streamed page always ends.
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
  const run = limiter(COUNT_CONCURRENCY);
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
                  counts: countsFor(connection, listing.region, api.id, run),
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
