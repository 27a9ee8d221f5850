"use client";

import Link from "next/link";
import { useCallback, useDeferredValue, useEffect, useState, useTransition } from "react";
import { refreshInventoryCounts } from "@/app/actions/refresh";
import { Button } from "@/components/ui/button";
import { auditPath, sweepPath } from "@/app/actions/paths";
import { SeverityCounts } from "@/components/findings/severity-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ReaderError } from "./reader-error";
import { countsKey, useRegionCounts, type CountsByApi } from "./use-region-counts";
import type { ApiListItem, CountsOutcome, RegionListing, RegionOutcome, UiError } from "@/app/actions/types";
import { panelClass } from "@/components/ui/panel";

function Counts({ outcome }: { outcome: CountsOutcome | undefined }) {
  if (!outcome) return <Skeleton className="h-4 w-28" />;
  if (!outcome.ok) {
    return (
      <span
        className="text-xs text-red-700 dark:text-red-400"
        title={`${outcome.error.message} ${outcome.error.hint}`}
        data-testid="counts-error"
      >
        ✕ {outcome.error.message}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1">
      <span title={`Read ${outcome.readAt}`} data-read-at={outcome.readAt}>
        <SeverityCounts counts={outcome.counts} testId="api-counts" />
      </span>
      {outcome.partial ? <span className="text-[11px] text-amber-700 dark:text-amber-400">partial read</span> : null}
    </span>
  );
}

/** Renders nothing: fetches one region's counts for as long as the region is listed. */
function RegionCounts(props: {
  connection: string;
  region: string;
  apiIds: string[];
  generation: number;
  onCount: (region: string, apiId: string, outcome: CountsOutcome) => void;
}) {
  const { onCount, region } = props;
  useRegionCounts(props.connection, region, props.apiIds, props.generation, (apiId, outcome) => onCount(region, apiId, outcome));
  return null;
}

function matches(api: ApiListItem, query: string): boolean {
  return !query || api.name.toLowerCase().includes(query) || api.id.toLowerCase().includes(query);
}

/**
 * Every REST API of a connection across regions, as each region answers: the server hands one promise
 * per region and React streams them in; finding counts are fetched per region from the read-once cache
 * (use-region-counts.ts), with a Refresh that reads them again.
 */
export function ApiInventory({ connection, regions }: { connection: string; regions: RegionListing[] }) {
  const [settled, setSettled] = useState<Record<string, RegionOutcome>>({});
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toLowerCase());
  const [counts, setCounts] = useState<CountsByApi>({});
  // Counts come from the read-once cache; Refresh forgets the connection's regions and asks again.
  const [generation, setGeneration] = useState(0);
  const [refreshing, startRefresh] = useTransition();
  const onCount = useCallback(
    (region: string, apiId: string, outcome: CountsOutcome) =>
      setCounts((previous) => ({ ...previous, [countsKey(region, apiId)]: outcome })),
    [],
  );

  useEffect(() => {
    let live = true;
    for (const { region, result } of regions) {
      void result.then((outcome) => {
        if (live) setSettled((previous) => ({ ...previous, [region]: outcome }));
      });
    }
    return () => {
      live = false;
    };
  }, [regions]);

  const done = regions.filter(({ region }) => settled[region]).length;
  const pending = regions.filter(({ region }) => !settled[region]).map(({ region }) => region);
  const failed = regions.flatMap(({ region }) => {
    const outcome = settled[region];
    return outcome && !outcome.ok ? [{ region, error: outcome.error }] : [];
  });
  const withApis = regions.flatMap(({ region }) => {
    const outcome = settled[region];
    return outcome?.ok && outcome.apis.length > 0 ? [{ region, apis: outcome.apis }] : [];
  });
  const empty = regions.filter(({ region }) => {
    const outcome = settled[region];
    return outcome?.ok && outcome.apis.length === 0;
  });
  const total = withApis.reduce((sum, item) => sum + item.apis.length, 0);
  const shown = withApis
    .map((item) => ({ ...item, apis: item.apis.filter((api) => matches(api, query)) }))
    .filter((item) => item.apis.length > 0);
  // When every region fails the same way (no credentials, access denied everywhere) say it once.
  const sameFailure: UiError | undefined =
    done === regions.length && failed.length === regions.length && failed.every((item) => item.error.code === failed[0]!.error.code)
      ? failed[0]!.error
      : undefined;

  return (
    <section
      aria-labelledby="inventory-heading"
      className="space-y-3"
      data-testid="api-inventory"
      data-done={done}
      data-total={regions.length}
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="inventory-heading" className="text-base font-semibold">
          REST APIs
        </h2>
        <div className="flex min-w-48 flex-1 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
          <progress value={done} max={regions.length} aria-label="Regions read" className="h-1.5 w-32 accent-zinc-700" />
          <span role="status" aria-live="polite" data-testid="inventory-progress">
            {done < regions.length ? `Reading regions… ${done} of ${regions.length} answered` : `${regions.length} regions read`} · {total}{" "}
            API{total === 1 ? "" : "s"}
            {failed.length > 0 ? ` · ${failed.length} failed` : ""}
          </span>
        </div>
        {withApis.length > 0 ? (
          <Button
            data-testid="refresh-counts"
            disabled={refreshing}
            aria-busy={refreshing}
            title="Finding counts come from audits read in the last few minutes; Refresh reads every API again."
            onClick={() =>
              startRefresh(async () => {
                await refreshInventoryCounts(
                  connection,
                  withApis.map((item) => item.region),
                );
                setCounts({});
                setGeneration((value) => value + 1);
              })
            }
          >
            {refreshing ? "Refreshing…" : "Refresh counts"}
          </Button>
        ) : null}
        <Link
          href={sweepPath([connection])}
          className="text-xs text-blue-700 underline underline-offset-2 dark:text-blue-400"
          data-testid="sweep-link"
        >
          Sweep
        </Link>
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only">Search APIs by name or id</span>
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search name or id"
            data-testid="api-search"
            className="w-56 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
      </div>

      {sameFailure ? <ReaderError error={sameFailure} /> : null}
      {withApis.map(({ region, apis }) => (
        <RegionCounts
          key={region}
          connection={connection}
          region={region}
          apiIds={apis.map((api) => api.id)}
          generation={generation}
          onCount={onCount}
        />
      ))}

      {shown.length > 0 ? (
        <div className={panelClass("overflow-x-auto")}>
          <table className="w-full text-sm" data-testid="api-table">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500 dark:text-zinc-400 dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Name
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  ID
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Endpoint
                </th>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Findings
                </th>
              </tr>
            </thead>
            {shown.map(({ region, apis }) => (
              <tbody key={region} data-testid="region-group" data-region={region}>
                <tr className="border-t border-zinc-200 bg-zinc-50/60 dark:border-zinc-800 dark:bg-zinc-900/60">
                  <th scope="rowgroup" colSpan={4} className="px-3 py-1 text-left font-mono text-xs font-semibold">
                    {region}
                  </th>
                </tr>
                {apis.map((api) => (
                  <tr
                    key={api.id}
                    data-testid="api-row"
                    data-api-id={api.id}
                    className="border-t border-zinc-100 hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900"
                  >
                    <td className="px-3 py-1.5">
                      <Link
                        href={auditPath(connection, region, api.id)}
                        className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                        data-testid="api-link"
                      >
                        {api.name}
                      </Link>
                      {api.description ? (
                        <p className="max-w-md truncate text-xs text-zinc-500 dark:text-zinc-400">{api.description}</p>
                      ) : null}
                    </td>
                    <td className="px-3 py-1.5 font-mono text-xs">{api.id}</td>
                    <td className="px-3 py-1.5 text-xs">{api.endpointTypes.join(", ")}</td>
                    <td className="px-3 py-1.5">
                      <Counts outcome={counts[countsKey(region, api.id)]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      ) : done === regions.length && !sameFailure ? (
        total > 0 ? (
          <EmptyState title={`No API matches "${search}"`} testId="inventory-empty" />
        ) : (
          <EmptyState title="No REST APIs found" testId="inventory-empty">
            {failed.length > 0
              ? "Some regions could not be read (below)."
              : `None of the ${regions.length} regions has a REST API for this connection.`}
          </EmptyState>
        )
      ) : null}

      {!sameFailure && failed.length > 0 ? (
        <div className="space-y-2" data-testid="region-errors">
          {failed.map(({ region, error }) => (
            <div key={region} data-testid="region-error" data-region={region}>
              <p className="mb-1 font-mono text-xs font-semibold">{region}</p>
              <ReaderError error={error} compact />
            </div>
          ))}
        </div>
      ) : null}

      {pending.length > 0 ? (
        <p className="flex flex-wrap items-center gap-1 text-xs text-zinc-500 dark:text-zinc-400" data-testid="pending-regions">
          <span>Waiting for:</span>
          {pending.map((region) => (
            <span key={region} className="animate-pulse rounded bg-zinc-100 px-1.5 font-mono dark:bg-zinc-800">
              {region}
            </span>
          ))}
        </p>
      ) : null}
      {empty.length > 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="empty-regions">
          No REST APIs in {empty.length} region{empty.length === 1 ? "" : "s"}:{" "}
          <span className="font-mono">{empty.map((item) => item.region).join(", ")}</span>
        </p>
      ) : null}
    </section>
  );
}
