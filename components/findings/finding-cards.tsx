"use client";

import type { FindingDetail } from "@/lib/report/audit-page-detail";
import { detailUrl, useDetail, useDetailSource } from "@/components/audit/use-detail";
import { Callout } from "@/components/ui/callout";
import { FindingCard } from "./finding-card";

/**
 * Whole findings by their index in the report, loaded when shown (one request for all of them): the page
 * carries only the findings index, and messages, evidence and fixes come from the server.
 */
export function FindingCards({ indexes }: { indexes: readonly number[] }) {
  const source = useDetailSource();
  const url = source && indexes.length > 0 ? detailUrl(source, "findings", { i: indexes.join(",") }) : undefined;
  const loaded = useDetail<FindingDetail[]>(url);
  if (indexes.length === 0) return null;
  if (!source) return null;
  if (loaded.status === "loading")
    return (
      <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="finding-cards-loading" aria-live="polite">
        Loading {indexes.length === 1 ? "the finding" : `${indexes.length} findings`}…
      </p>
    );
  if (loaded.status === "error")
    return (
      <Callout tone="error" title="The finding could not be loaded" testId="finding-cards-error">
        {loaded.message}
      </Callout>
    );
  return (
    <div className="space-y-2">
      {loaded.value.map((detail) => (
        <FindingCard key={detail.index} detail={detail} />
      ))}
    </div>
  );
}
