"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { auditPath, sweepApiPath } from "@/app/actions/paths";
import type { SweepLine } from "@/app/actions/types";
import { SeverityCounts } from "@/components/findings/severity-badge";
import { panelClass } from "@/components/ui/panel";

interface RegionProgress {
  connection: string;
  region: string;
  listed?: number;
  error?: string;
  audited: number;
  failed: number;
}

type ApiLine = Extract<SweepLine, { kind: "api" }>;

/**
 * A sweep of several accounts, streamed from /api/sweep: progress per account and region, then each API's
 * counts as it is audited. Leaving the page aborts the request, and the server stops the sweep.
 */
export function SweepView({ connections, regions }: { connections: string[]; regions: string[] }) {
  const [progress, setProgress] = useState<Record<string, RegionProgress>>({});
  const [apis, setApis] = useState<ApiLine[]>([]);
  const [state, setState] = useState<"running" | "done" | "failed">("running");
  const [error, setError] = useState<string | undefined>();
  const query = sweepApiPath(connections, regions);

  useEffect(() => {
    const controller = new AbortController();
    const apply = (line: SweepLine) => {
      const key = `${line.connection}|${line.region}`;
      if (line.kind === "region") {
        setProgress((previous) => ({
          ...previous,
          [key]: {
            connection: line.connection,
            region: line.region,
            audited: 0,
            failed: 0,
            ...previous[key],
            ...(line.ok ? { listed: line.apis } : { error: `${line.code}: ${line.message}` }),
          },
        }));
      } else {
        setApis((previous) => [...previous, line]);
        setProgress((previous) => {
          const entry = previous[key] ?? { connection: line.connection, region: line.region, audited: 0, failed: 0 };
          return { ...previous, [key]: line.ok ? { ...entry, audited: entry.audited + 1 } : { ...entry, failed: entry.failed + 1 } };
        });
      }
    };
    void (async () => {
      try {
        const response = await fetch(query, { signal: controller.signal });
        if (!response.ok || !response.body) {
          const body = (await response.json().catch(() => ({}))) as { error?: string };
          setError(body.error ?? `The sweep could not start (${response.status}).`);
          setState("failed");
          return;
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffered = "";
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffered += decoder.decode(value, { stream: true });
          let newline: number;
          while ((newline = buffered.indexOf("\n")) !== -1) {
            apply(JSON.parse(buffered.slice(0, newline)) as SweepLine);
            buffered = buffered.slice(newline + 1);
          }
        }
        setState("done");
      } catch {
        if (!controller.signal.aborted) {
          setError("The sweep stopped: the connection to the server dropped.");
          setState("failed");
        }
      }
    })();
    return () => controller.abort();
  }, [query]);

  const rows = Object.values(progress).sort((a, b) => a.connection.localeCompare(b.connection) || a.region.localeCompare(b.region));
  const shownRows = rows.filter((row) => row.error || (row.listed ?? 0) > 0);
  const listedApis = rows.reduce((sum, row) => sum + (row.listed ?? 0), 0);
  const finished = apis.length;

  return (
    <section className="space-y-3" data-testid="sweep-view" data-state={state}>
      <p role="status" aria-live="polite" className="text-sm" data-testid="sweep-progress">
        {state === "running" ? "Sweeping… " : state === "done" ? "Sweep finished: " : "Sweep failed: "}
        {rows.length} account-region{rows.length === 1 ? "" : "s"} listed · {finished} of {listedApis} API{listedApis === 1 ? "" : "s"}{" "}
        audited
        {error ? ` · ${error}` : ""}
      </p>
      {shownRows.length > 0 ? (
        <div className={panelClass("overflow-x-auto")}>
          <table className="w-full text-sm" data-testid="sweep-regions">
            <thead className="bg-zinc-50 text-left text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th className="px-3 py-1.5 font-medium">Connection</th>
                <th className="px-3 py-1.5 font-medium">Region</th>
                <th className="px-3 py-1.5 font-medium">Progress</th>
              </tr>
            </thead>
            <tbody>
              {shownRows.map((row) => (
                <tr
                  key={`${row.connection}|${row.region}`}
                  className="border-t border-zinc-100 dark:border-zinc-900"
                  data-testid="sweep-region"
                >
                  <td className="px-3 py-1.5 font-mono text-xs">{row.connection}</td>
                  <td className="px-3 py-1.5 font-mono text-xs">{row.region}</td>
                  <td className="px-3 py-1.5 text-xs">
                    {row.error ? (
                      <span className="text-red-700 dark:text-red-400">{row.error}</span>
                    ) : (
                      <span className="inline-flex items-center gap-2">
                        <progress value={row.audited + row.failed} max={row.listed ?? 0} className="h-1.5 w-24 accent-zinc-700" />
                        {row.audited + row.failed} / {row.listed}
                        {row.failed > 0 ? ` (${row.failed} failed)` : ""}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {apis.length > 0 ? (
        <div className={panelClass("overflow-x-auto")}>
          <table className="w-full text-sm" data-testid="sweep-apis">
            <tbody>
              {apis.map((api) => (
                <tr
                  key={`${api.connection}|${api.region}|${api.apiId}`}
                  className="border-t border-zinc-100 dark:border-zinc-900"
                  data-testid="sweep-api"
                >
                  <td className="px-3 py-1.5">
                    <Link
                      href={auditPath(api.connection, api.region, api.apiId)}
                      className="text-blue-700 hover:underline dark:text-blue-400"
                    >
                      {api.ok ? api.name : api.apiId}
                    </Link>
                  </td>
                  <td className="px-3 py-1.5 font-mono text-xs">{api.region}</td>
                  <td className="px-3 py-1.5 font-mono text-xs">{api.connection}</td>
                  <td className="px-3 py-1.5">
                    {api.ok ? (
                      <SeverityCounts counts={api.counts} testId="sweep-counts" />
                    ) : (
                      <span className="text-xs text-red-700 dark:text-red-400">{api.message}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
