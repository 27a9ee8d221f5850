"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";
import { cx } from "@/components/ui/cx";

/**
 * Re-reads the API. A live audit is served from the read-once cache, so `reread` (a server action) first
 * forces a new read that replaces the entry; then the page re-renders from it. Without `reread` (a
 * template audit) the page is simply rendered again.
 */
export function RefreshButton({ reread }: { reread?: () => Promise<{ ok: true } | { ok: false; error: { message: string } }> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();
  const refresh = () =>
    startTransition(async () => {
      setError(undefined);
      if (reread) {
        const outcome = await reread();
        // A failed re-read keeps the page as it was (the old entry) and says why.
        if (!outcome.ok) setError(outcome.error.message);
      }
      router.refresh();
    });
  return (
    <span className="inline-flex items-center gap-2">
      <Button data-testid="refresh" onClick={refresh} disabled={pending} aria-busy={pending}>
        <RefreshIcon className={cx(pending && "animate-spin")} />
        {pending ? "Reading…" : "Refresh"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400" data-testid="refresh-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
