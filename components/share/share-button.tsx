"use client";

import { useActionState } from "react";
import { shareAudit, type ShareState } from "@/app/actions/share";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EXPIRY_CHOICES } from "@/lib/share/expiry";
import { EXPIRY_LABELS, formatUtcMinute } from "./expiry";
import { useOrigin } from "./use-origin";

/** What the server stores: a live API it reads again, or a template audit from its own cache (templateAudit id, 1-based api). */
export type ShareTarget = { connection: string; region: string; apiId: string } | { templateAudit: string; api: string };

export type ShareButtonProps = ShareTarget & {
  /** Team-viewer mode: the button is shown disabled with the reason. */
  readOnly?: boolean;
  /** The action that stores the target; the live share by default. */
  action?: (state: ShareState, formData: FormData) => Promise<ShareState>;
};

/** Stores an immutable snapshot of this API's audit and shows its link. */
export function ShareButton({ readOnly = false, action = shareAudit, ...target }: ShareButtonProps) {
  const [state, formAction, pending] = useActionState<ShareState, FormData>(action, { status: "idle" });
  // The absolute link needs the browser's origin; the server only knows the path.
  const origin = useOrigin();
  const link = state.status === "shared" ? `${origin}${state.path}` : undefined;

  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 text-sm" data-testid="share-form" aria-label="Share this audit">
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="sr-only" htmlFor="share-expiry">
        Link expiry
      </label>
      <select
        id="share-expiry"
        name="expiry"
        defaultValue="never"
        disabled={readOnly || pending}
        data-testid="share-expiry"
        className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      >
        {EXPIRY_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {EXPIRY_LABELS[choice]}
          </option>
        ))}
      </select>
      <Button
        type="submit"
        variant="primary"
        disabled={readOnly || pending}
        aria-busy={pending}
        data-testid="share-button"
        title={readOnly ? "Read-only viewer: sharing is disabled" : undefined}
      >
        {pending ? "Storing…" : "Share"}
      </Button>
      <div aria-live="polite" className="flex basis-full flex-wrap items-center gap-2 text-xs" data-testid="share-status">
        {state.status === "shared" && link ? (
          <>
            <span>
              Stored the audit read at {formatUtcMinute(state.readAt)}
              {state.expiresAt ? `, until ${formatUtcMinute(state.expiresAt)}` : ""}:
            </span>
            <a
              href={state.path}
              className="font-mono text-blue-700 underline underline-offset-2 dark:text-blue-400"
              data-testid="share-link"
            >
              {link}
            </a>
            <CopyButton text={link} label="Copy link" />
            <span className="basis-full text-zinc-600 dark:text-zinc-400">
              Delete token (shown once; whoever holds it can delete this audit):{" "}
              <code className="font-mono" data-testid="share-delete-token">
                {state.deleteToken}
              </code>
            </span>
          </>
        ) : state.status === "invalid" || state.status === "refused" ? (
          <span className="text-red-700 dark:text-red-400" data-testid="share-error">
            {state.message}
          </span>
        ) : state.status === "error" ? (
          <span className="text-red-700 dark:text-red-400" data-testid="share-error">
            {state.message} {state.hint}
          </span>
        ) : null}
      </div>
    </form>
  );
}
