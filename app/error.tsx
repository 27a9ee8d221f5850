"use client";

import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";

/** Unexpected failures only: expected ones (credentials, access, not found) are shown by the pages themselves. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl space-y-3" data-testid="unexpected-error">
      <Callout tone="error" title="Something went wrong">
        <p>{error.message || "An unexpected error occurred."}</p>
        {error.digest ? <p className="font-mono text-xs">Reference: {error.digest}</p> : null}
      </Callout>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
