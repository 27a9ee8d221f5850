"use client";

import { useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { probeStage, type ProbeState } from "@/app/actions/probe";
import { Button } from "@/components/ui/button";
import { ProbeResults } from "./probe-results";
import { useProbe } from "./probe-context";

export interface ProbePanelProps {
  connection: string;
  region: string;
  apiId: string;
  /** Deployed stages, the first one preselected. */
  stages: string[];
  /** Why this API cannot be probed from here (a PRIVATE API), if so. */
  notProbeable?: string;
}

const field = "rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-900";

/**
 * "Probe this stage": the first press only computes the request budget and shows it; requests are sent when the user
 * confirms that budget with the second button. Never automatic. Test identities travel to the server for this probe
 * only and are never stored.
 */
export function ProbePanel({ connection, region, apiId, stages, notProbeable }: ProbePanelProps) {
  const [state, setState] = useState<ProbeState>({ status: "idle" });
  const [pending, startTransition] = useTransition();
  const { setProbe } = useProbe();
  // Controlled fields, submitted by hand rather than as a form action: React resets a form after its action (a
  // controlled select or checkbox then shows its default), and the confirmed run must send what was planned.
  const [stage, setStage] = useState(stages[0] ?? "");
  const [repeat, setRepeat] = useState("5");
  const [origins, setOrigins] = useState("");
  const [actual, setActual] = useState(false);
  const [identities, setIdentities] = useState("");
  // Until hydrated, the controlled fields would drop what was typed and a native submit would bypass the handler:
  // the buttons wait for it.
  const hydrated = useSyncExternalStore(
    () => () => undefined,
    () => true,
    () => false,
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(async () => {
      const next = await probeStage(state, data);
      startTransition(() => {
        setState(next);
        if (next.status === "done") setProbe(next.probe);
      });
    });
  };

  if (notProbeable) {
    return (
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="probe-not-probeable">
        {notProbeable}
      </p>
    );
  }
  return (
    <details className="rounded-md border border-zinc-200 text-sm dark:border-zinc-800" data-testid="probe-panel">
      <summary className="cursor-pointer px-3 py-1.5 font-medium">Probe this stage (live requests, opt-in)</summary>
      <form method="post" onSubmit={submit} className="space-y-2 px-3 pb-3" aria-label="Probe this stage">
        <input type="hidden" name="connection" value={connection} />
        <input type="hidden" name="region" value={region} />
        <input type="hidden" name="apiId" value={apiId} />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Sends each resource&apos;s browser preflight (OPTIONS with Origin and Access-Control-Request-*) to the stage&apos;s own invoke
          URL, several times, and compares every answer with Preflight&apos;s prediction. Nothing is sent until you confirm the request
          count.
        </p>
        <div className="flex flex-wrap items-end gap-3 text-xs">
          <label className="flex flex-col gap-0.5">
            Stage
            <select
              name="stage"
              className={field}
              data-testid="probe-stage"
              value={stage}
              onChange={(event) => setStage(event.target.value)}
            >
              {stages.map((stage) => (
                <option key={stage} value={stage}>
                  {stage}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-0.5">
            Repeat
            <input
              name="repeat"
              type="number"
              min={1}
              max={20}
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              className={`${field} w-16`}
              data-testid="probe-repeat"
            />
          </label>
          <label className="flex flex-col gap-0.5">
            Origins (one per line; default: those the API allows)
            <textarea
              name="origins"
              rows={2}
              value={origins}
              onChange={(event) => setOrigins(event.target.value)}
              className={`${field} w-72 font-mono`}
              data-testid="probe-origins"
            />
          </label>
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              name="actual"
              value="on"
              checked={actual}
              onChange={(event) => setActual(event.target.checked)}
              data-testid="probe-actual"
            />
            Also send actual GET requests
          </label>
          <label className="flex flex-col gap-0.5">
            Test identities for actual requests (Authorization, one per line; never stored)
            <textarea
              name="identities"
              rows={2}
              value={identities}
              onChange={(event) => setIdentities(event.target.value)}
              className={`${field} w-72 font-mono`}
              data-testid="probe-identities"
              autoComplete="off"
            />
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" name="intent" value="plan" disabled={pending || !hydrated} data-testid="probe-plan">
            Probe this stage…
          </Button>
          {state.status === "planned" ? (
            <>
              <input type="hidden" name="confirmRequests" value={state.budget.requests} />
              <Button type="submit" name="intent" value="run" variant="primary" disabled={pending || !hydrated} data-testid="probe-confirm">
                {pending ? "Probing…" : `Send ${state.budget.requests} requests`}
              </Button>
            </>
          ) : null}
        </div>
        <div aria-live="polite" className="text-xs" data-testid="probe-status">
          {state.status === "planned" ? (
            <div data-testid="probe-budget" data-requests={state.budget.requests}>
              <p>Budget: {state.summary}.</p>
              {state.notes.map((note) => (
                <p key={note} className="text-zinc-600 dark:text-zinc-400">
                  {note}
                </p>
              ))}
            </div>
          ) : state.status === "invalid" || state.status === "refused" ? (
            <span className="text-red-700 dark:text-red-400" data-testid="probe-error">
              {state.message}
            </span>
          ) : state.status === "error" ? (
            <span className="text-red-700 dark:text-red-400" data-testid="probe-error">
              {state.message} {state.hint}
            </span>
          ) : null}
        </div>
      </form>
      <div className="px-3 pb-3">
        <ProbeResults />
      </div>
    </details>
  );
}
