"use client";

import { useEffect } from "react";
import { countsPath } from "@/app/actions/paths";
import type { CountsOutcome } from "@/app/actions/types";

/** "us-east-1/sfront0001" → outcome; absent while the count is still being read. */
export type CountsByApi = Record<string, CountsOutcome>;

export const countsKey = (region: string, apiId: string) => `${region}/${apiId}`;

async function readLines(response: Response, onLine: (line: string) => void): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf("\n")) !== -1) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  }
  if (buffered.trim()) onLine(buffered);
}

function failure(message: string): CountsOutcome {
  return { ok: false, error: { code: "counts:unavailable", message, hint: "Open the API to see its findings." } };
}

/**
 * Fetches one region's finding counts (cached ones arrive at once, the others as the server reads them in
 * the background) and hands each to `onCount`. Unmounting, or a new `generation` (Refresh), aborts the
 * request, and the server then cancels the reads nobody waits for. One per region, so a region answering
 * later never restarts the others.
 */
export function useRegionCounts(
  connection: string,
  region: string,
  apiIds: readonly string[],
  generation: number,
  onCount: (apiId: string, outcome: CountsOutcome) => void,
): void {
  const ids = apiIds.join(",");
  useEffect(() => {
    const list = ids ? ids.split(",") : [];
    if (list.length === 0) return;
    const controller = new AbortController();
    void fetch(countsPath(connection, region, list), { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as { error?: string };
          const outcome = failure(body.error ?? `Counts request failed (${response.status}).`);
          for (const apiId of list) onCount(apiId, outcome);
          return;
        }
        await readLines(response, (line) => {
          const { apiId, outcome } = JSON.parse(line) as { apiId: string; outcome: CountsOutcome };
          onCount(apiId, outcome);
        });
      })
      .catch(() => {
        // Aborted (unmount, Refresh) or the connection dropped: the cells keep what they had.
      });
    return () => controller.abort();
    // onCount is a stable setter wrapper; the effect restarts only for new ids or a Refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [connection, region, ids, generation]);
}
