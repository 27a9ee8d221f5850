"use client";

import { startTransition, useActionState, useState } from "react";
import type { LivePatchState } from "@/app/actions/live-patch";
import { Button, buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { cx } from "@/components/ui/cx";
import { panelClass } from "@/components/ui/panel";
import { TemplatePatchPanel } from "@/components/templates/template-patch-panel";
import { fromFileInput, type PickedFile } from "@/components/templates/picked-files";

/**
 * "Patch your template" on the live audit page: the fix as a patch to the template that defines the API, either
 * the CloudFormation stack's own (named by the API's tags; read with GetTemplate on demand, never on page load) or
 * template files the user picks from a local checkout. Where the two disagree, the differences are listed first.
 */
export function LivePatchPanel({
  connection,
  region,
  apiId,
  stack,
  stackPatchHref,
  action,
}: {
  connection: string;
  region: string;
  apiId: string;
  stack?: { stackName: string; logicalId: string };
  stackPatchHref: string;
  action: (state: LivePatchState, formData: FormData) => Promise<LivePatchState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [picked, setPicked] = useState<PickedFile[]>([]);
  const [usedUpload, setUsedUpload] = useState(false);

  function send(files: PickedFile[]) {
    const data = new FormData();
    data.append("connection", connection);
    data.append("region", region);
    data.append("apiId", apiId);
    // Parallel fields, as the /templates upload sends them (app/_server/template-upload.ts).
    for (const item of files) {
      data.append("file", item.file);
      data.append("path", item.path);
    }
    setUsedUpload(files.length > 0);
    startTransition(() => formAction(data));
  }

  const downloadHref =
    state.status === "patch" && usedUpload ? `data:text/x-diff;charset=utf-8,${encodeURIComponent(state.text)}` : stackPatchHref;
  return (
    <section className={cx(panelClass(), "space-y-2 px-3 py-2")} aria-labelledby="live-patch-heading" data-testid="live-patch">
      <h2 id="live-patch-heading" className="text-sm font-semibold">
        Patch your template
      </h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {stack ? (
          <>
            Deployed by CloudFormation stack <span className="font-mono">{stack.stackName}</span> as{" "}
            <span className="font-mono">{stack.logicalId}</span>: patch the stack&apos;s own template (read-only
            cloudformation:GetTemplate), or a template from your checkout.
          </>
        ) : (
          <>This API carries no CloudFormation tags: choose the template that defines it to get the fix as a patch.</>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {stack ? (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => send([])} data-testid="live-patch-stack">
            Patch the stack&apos;s template
          </Button>
        ) : null}
        <label className={cx(buttonClass("secondary"), "cursor-pointer focus-within:outline-2 focus-within:outline-blue-600")}>
          <input
            type="file"
            multiple
            accept=".yaml,.yml,.json,.template,.tf,.tfvars"
            className="sr-only"
            data-testid="live-patch-choose"
            onChange={(event) => {
              if (event.target.files) setPicked(fromFileInput(event.target.files).files);
              event.target.value = "";
            }}
          />
          Choose local template files
        </label>
        {picked.length > 0 ? (
          <Button type="button" disabled={pending} onClick={() => send(picked)} data-testid="live-patch-local">
            Patch {picked.map((item) => item.path).join(", ")}
          </Button>
        ) : null}
        <span aria-live="polite" className="text-xs text-zinc-500">
          {pending ? "Reading the template…" : ""}
        </span>
      </div>
      {state.status === "note" ? (
        <Callout tone="warning" title="No patch" testId="live-patch-note">
          {state.note}. The fix formats above still apply.
        </Callout>
      ) : null}
      {state.status === "invalid" ? (
        <Callout tone="warning" title="The files were not read" testId="live-patch-invalid">
          <ul className="list-disc pl-4">
            {state.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Callout>
      ) : null}
      {state.status === "patch" ? (
        <div className="space-y-2">
          {state.drift.length > 0 ? (
            <Callout tone="warning" title={`The live API and ${state.against} differ`} testId="live-patch-drift">
              <ul className="list-disc pl-4">
                {state.drift.map((message, index) => (
                  <li key={index}>{message}</li>
                ))}
              </ul>
            </Callout>
          ) : (
            <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="live-patch-agree">
              The live API and {state.against} agree on methods, authorization, API keys and preflight integrations.
            </p>
          )}
          <TemplatePatchPanel text={state.text} downloadHref={downloadHref} files={state.files} fixed={state.fixed} />
        </div>
      ) : null}
    </section>
  );
}
