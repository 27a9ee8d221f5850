"use client";

import { useActionState } from "react";
import { deleteAudit, type DeleteState } from "@/app/actions/share";
import { Button } from "@/components/ui/button";

/**
 * Deletes a stored audit after the browser's confirm dialog; the action refuses without the confirmation field. On a
 * deployment with sign-in, someone other than the signed-in owner pastes the delete token shown at share time.
 */
export function DeleteAuditButton({ id, readOnly = false, askToken = false }: { id: string; readOnly?: boolean; askToken?: boolean }) {
  const [state, formAction, pending] = useActionState<DeleteState, FormData>(deleteAudit, { status: "idle" });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm("Delete this shared audit? Its link and any comparison links that use it stop working."))
          event.preventDefault();
      }}
      className="inline-flex items-center gap-2"
      data-testid="delete-form"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="confirm" value="yes" />
      {askToken && !readOnly ? (
        <input
          type="password"
          name="token"
          autoComplete="off"
          placeholder="Delete token"
          aria-label="Delete token"
          className="w-40 rounded border border-zinc-300 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          data-testid="delete-token"
        />
      ) : null}
      <Button
        type="submit"
        disabled={readOnly || pending}
        aria-busy={pending}
        data-testid="delete-audit"
        title={readOnly ? "Read-only viewer: deleting is disabled" : undefined}
      >
        {pending ? "Deleting…" : "Delete"}
      </Button>
      <span aria-live="polite" className="text-xs text-red-700 dark:text-red-400" data-testid="delete-status">
        {state.status === "idle" ? "" : state.message}
      </span>
    </form>
  );
}
