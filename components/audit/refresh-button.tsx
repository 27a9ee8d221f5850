"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";
import { cx } from "@/components/ui/cx";

/** Re-reads the API: the audit page is dynamic, so a refresh runs the whole pipeline again. */
export function RefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button data-testid="refresh" onClick={() => startTransition(() => router.refresh())} disabled={pending} aria-busy={pending}>
      <RefreshIcon className={cx(pending && "animate-spin")} />
      {pending ? "Reading…" : "Refresh"}
    </Button>
  );
}
