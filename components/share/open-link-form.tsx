"use client";

import { useActionState } from "react";
import { openSharedLink, type OpenLinkState } from "@/app/actions/share";
import { Button } from "@/components/ui/button";

/** Paste a shared audit link (or its id) to open it. */
export function OpenLinkForm() {
  const [state, formAction, pending] = useActionState<OpenLinkState, FormData>(openSharedLink, { status: "idle" });
  const invalid = state.status === "invalid";
  return (
    <form action={formAction} className="flex max-w-2xl flex-wrap items-start gap-2" data-testid="open-link-form">
      <label htmlFor="shared-link" className="basis-full text-sm font-medium">
        Shared audit link or id
      </label>
      <input
        id="shared-link"
        name="link"
        required
        placeholder="https://…/audits/…"
        aria-invalid={invalid}
        aria-describedby="shared-link-status"
        className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
        data-testid="shared-link-input"
      />
      <Button type="submit" variant="primary" disabled={pending} data-testid="open-link">
        Open
      </Button>
      <p id="shared-link-status" aria-live="polite" className="basis-full text-xs text-red-700 dark:text-red-400">
        {invalid ? state.message : ""}
      </p>
    </form>
  );
}
